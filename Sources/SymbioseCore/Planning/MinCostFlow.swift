/// A min-cost flow network with real capacities and node supplies, solved by successive shortest
/// paths with Johnson potentials (Bellman–Ford once, then Dijkstra on reduced costs), one
/// supplying node at a time (Ahuja, Magnanti and Orlin, *Network Flows*, §9.7: any choice of the
/// node with excess keeps the flow optimal for what it has routed).
///
/// - Complexity: O(*k* · *E* log *V*) in the worst case for *k* augmentations, each saturating an
///   arc or exhausting a supply; in practice each search explores a node's neighbourhood.
struct MinCostFlow {
    struct Arc {
        var to: Int
        /// The index of the reverse arc in `arcs[to]`.
        var reverse: Int
        var capacity: Double
        var cost: Double
    }

    private(set) var arcs: [[Arc]]
    /// Residual capacities below this count as zero.
    let epsilon: Double

    init(nodes: Int, epsilon: Double = 1e-9) {
        arcs = Array(repeating: [], count: nodes)
        self.epsilon = epsilon
    }

    /// Adds an arc and returns where it is, to read its flow after solving.
    @discardableResult
    mutating func addArc(from: Int, to: Int, capacity: Double, cost: Double) -> (node: Int, index: Int) {
        let forward = Arc(to: to, reverse: arcs[to].count + (from == to ? 1 : 0), capacity: capacity, cost: cost)
        let backward = Arc(to: from, reverse: arcs[from].count, capacity: 0, cost: -cost)
        arcs[from].append(forward)
        arcs[to].append(backward)
        return (from, arcs[from].count - 1)
    }

    /// The flow an arc carries: what its reverse arc can send back.
    func flow(at position: (node: Int, index: Int)) -> Double {
        let arc = arcs[position.node][position.index]
        return arcs[arc.to][arc.reverse].capacity
    }

    /// Routes every node's supply to `sink` at the least total cost, one shortest path at a
    /// time from one supplying node (in node order) to the sink.
    ///
    /// A node's supply may always go straight to the sink at no cost if the caller adds such an
    /// arc; then the flow found is the most profitable one. Each search starts from a single
    /// supplying node and stops when the sink is settled, so it explores only what lies closer
    /// than the sink: the neighbourhood of that node, not the whole network.
    ///
    /// - Returns: the total cost.
    mutating func solve(supplies: [(node: Int, amount: Double)], sink: Int) -> Double {
        // Johnson potentials from every supplying node at once, then Dijkstra on reduced costs.
        // After each search, only the nodes settled before the sink move (by their distance minus
        // the sink's); raising all the others by the sink's distance would change no reduced cost.
        var potential = bellmanFord(from: supplies.map(\.node))
        var totalCost = 0.0
        var search = Search(count: arcs.count)
        for (start, amount) in supplies {
            var left = amount
            while left > epsilon {
                search.run(from: start, to: sink, arcs: arcs, potential: potential, epsilon: epsilon)
                guard search.settled[sink] else { break }
                let reach = search.distance[sink]
                for node in search.settledOrder { potential[node] += search.distance[node] - reach }
                let (push, pathCost) = augment(along: search.previous, to: sink, upTo: left)
                left -= push
                totalCost += push * pathCost
            }
        }
        return totalCost
    }

    /// Pushes as much as the path to `sink` carries, at most `limit`: returns what was pushed
    /// and the path's cost per unit.
    private mutating func augment(
        along previous: [(node: Int, index: Int)?], to sink: Int, upTo limit: Double
    ) -> (push: Double, cost: Double) {
        var push = limit
        var node = sink
        var pathCost = 0.0
        while let step = previous[node] {
            let arc = arcs[step.node][step.index]
            push = min(push, arc.capacity)
            pathCost += arc.cost
            node = step.node
        }
        node = sink
        while let step = previous[node] {
            arcs[step.node][step.index].capacity -= push
            let arc = arcs[step.node][step.index]
            arcs[arc.to][arc.reverse].capacity += push
            node = step.node
        }
        return (push, pathCost)
    }

    /// One Dijkstra search on reduced costs, its arrays kept between searches and reset only
    /// where the last search touched them.
    private struct Search {
        var distance: [Double]
        var previous: [(node: Int, index: Int)?]
        var settled: [Bool]
        var touched: [Int] = []
        var settledOrder: [Int] = []
        var heap = MinHeap()

        init(count: Int) {
            distance = [Double](repeating: .infinity, count: count)
            previous = [(node: Int, index: Int)?](repeating: nil, count: count)
            settled = [Bool](repeating: false, count: count)
        }

        /// Settles nodes from `start`, nearest first, until `sink` is settled or none is left.
        mutating func run(from start: Int, to sink: Int, arcs: [[Arc]], potential: [Double], epsilon: Double) {
            for node in touched {
                distance[node] = .infinity
                previous[node] = nil
                settled[node] = false
            }
            touched.removeAll(keepingCapacity: true)
            settledOrder.removeAll(keepingCapacity: true)
            heap.removeAll()
            distance[start] = 0
            touched.append(start)
            heap.push(0, start)
            while let (d, node) = heap.pop() {
                if settled[node] || d > distance[node] { continue }
                settled[node] = true
                settledOrder.append(node)
                if node == sink { break }
                for (index, arc) in arcs[node].enumerated() where arc.capacity > epsilon {
                    guard potential[arc.to].isFinite, !settled[arc.to] else { continue }
                    let candidate = d + max(0, arc.cost + potential[node] - potential[arc.to])
                    if candidate < distance[arc.to] - 1e-12 {
                        if distance[arc.to] == .infinity { touched.append(arc.to) }
                        distance[arc.to] = candidate
                        previous[arc.to] = (node, index)
                        heap.push(candidate, arc.to)
                    }
                }
            }
        }
    }

    /// Shortest distances from the nearest of `sources` over arcs with capacity, negative costs
    /// allowed (no negative cycle: the network starts without flow).
    private func bellmanFord(from sources: [Int]) -> [Double] {
        var distance = [Double](repeating: .infinity, count: arcs.count)
        for source in sources { distance[source] = 0 }
        for _ in 0..<arcs.count {
            var changed = false
            for node in 0..<arcs.count where distance[node].isFinite {
                for arc in arcs[node] where arc.capacity > epsilon && distance[node] + arc.cost < distance[arc.to] {
                    distance[arc.to] = distance[node] + arc.cost
                    changed = true
                }
            }
            if !changed { break }
        }
        return distance
    }
}

/// A binary heap of (key, node), smallest key first, then the highest node: with the sink
/// numbered last and needs after releases, ties at equal distance are followed depth first, so the
/// search reaches the sink without settling every release at distance zero.
private struct MinHeap {
    private var items: [(Double, Int)] = []

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 > b.1)
    }

    mutating func push(_ key: Double, _ node: Int) {
        items.append((key, node))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    mutating func pop() -> (Double, Int)? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count, Self.less(items[left], items[smallest]) { smallest = left }
                if right < items.count, Self.less(items[right], items[smallest]) { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return first
    }
}
