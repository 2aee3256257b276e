/// A min-cost flow network with real capacities, solved by successive shortest paths with
/// Johnson potentials (Bellman–Ford once, then Dijkstra on reduced costs).
///
/// `solve` stops as soon as the cheapest augmenting path no longer lowers the cost, so it
/// returns a minimum-cost flow of any value: with costs set to minus a profit, the most
/// profitable allocation. Path costs never decrease from one augmentation to the next, which
/// is why stopping at the first non-negative one is optimal.
///
/// - Complexity: O(*k* · *E* log *V*) for *k* augmentations, each saturating at least one arc.
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

    /// Sends flow from `source` to `sink` while it lowers the total cost.
    ///
    /// - Returns: the flow sent and its total cost.
    mutating func solve(source: Int, sink: Int) -> (flow: Double, cost: Double) {
        let count = arcs.count
        var potential = bellmanFord(from: source)
        var totalFlow = 0.0
        var totalCost = 0.0
        var distance = [Double](repeating: .infinity, count: count)
        var previous = [(node: Int, index: Int)?](repeating: nil, count: count)
        while true {
            for i in 0..<count {
                distance[i] = .infinity
                previous[i] = nil
            }
            distance[source] = 0
            var heap = MinHeap()
            heap.push(0, source)
            while let (d, node) = heap.pop() {
                if d > distance[node] { continue }
                for (index, arc) in arcs[node].enumerated() where arc.capacity > epsilon {
                    guard potential[arc.to].isFinite else { continue }
                    let reduced = arc.cost + potential[node] - potential[arc.to]
                    let candidate = d + max(0, reduced)
                    if candidate < distance[arc.to] - 1e-12 {
                        distance[arc.to] = candidate
                        previous[arc.to] = (node, index)
                        heap.push(candidate, arc.to)
                    }
                }
            }
            guard distance[sink].isFinite else { break }
            for i in 0..<count where distance[i].isFinite { potential[i] += distance[i] }
            let pathCost = potential[sink] - potential[source]
            if pathCost >= -epsilon { break }
            var push = Double.infinity
            var node = sink
            while let step = previous[node] {
                push = min(push, arcs[step.node][step.index].capacity)
                node = step.node
            }
            node = sink
            while let step = previous[node] {
                arcs[step.node][step.index].capacity -= push
                let arc = arcs[step.node][step.index]
                arcs[arc.to][arc.reverse].capacity += push
                node = step.node
            }
            totalFlow += push
            totalCost += push * pathCost
        }
        return (totalFlow, totalCost)
    }

    /// Shortest distances from `source` over arcs with capacity, negative costs allowed (no
    /// negative cycle: the network starts without flow).
    private func bellmanFord(from source: Int) -> [Double] {
        var distance = [Double](repeating: .infinity, count: arcs.count)
        distance[source] = 0
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

/// A binary heap of (key, node), smallest key first, ties by node.
private struct MinHeap {
    private var items: [(Double, Int)] = []

    private static func less(_ a: (Double, Int), _ b: (Double, Int)) -> Bool {
        a.0 < b.0 || (a.0 == b.0 && a.1 < b.1)
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
