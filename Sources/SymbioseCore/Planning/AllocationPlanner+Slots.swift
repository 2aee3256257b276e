extension AllocationPlanner {
    /// One connected part of the graph as a flow network. Where every release and need of the part
    /// runs all year (or one of them is one-off, exchanged as a stock), each has one node with
    /// its annual quantity. Otherwise each has a node per month it runs, holding its monthly
    /// quantity, and a candidate links the months both run: a campaign release cannot feed two
    /// needs with the same months beyond what it yields in those months.
    struct Slots {
        /// For each candidate, its arcs: (release slot, need slot, capacity).
        var arcs: [[(release: Int, need: Int, capacity: Double)]] = []
        var releaseCapacity: [Double] = []
        var needCapacity: [Double] = []
        /// The cost the solver sees per unit: minus the value, ties to the better score.
        var costs: [Double] = []
        var wholeValues: [Double] = []
        var order: [Int] = []

        init(
            _ candidates: [Candidate], supply: [Double], demand: [Double], releaseMonths: [[Int]?],
            needMonths: [[Int]?], shapes: (releases: [[Double]?], needs: [[Double]?])
        ) {
            let shaped = { (candidate: Candidate) -> Bool in
                shapes.releases[candidate.release] != nil || shapes.needs[candidate.need] != nil
            }
            let monthly =
                candidates.contains {
                    releaseMonths[$0.release]?.count ?? 0 < 12 || needMonths[$0.need]?.count ?? 0 < 12 || shaped($0)
                }
                && !candidates.contains { releaseMonths[$0.release] == nil || needMonths[$0.need] == nil }
            var releaseSlot: [Int: [Int: Int]] = [:]
            var needSlot: [Int: [Int: Int]] = [:]
            func slot(
                _ node: Int, _ month: Int, in table: inout [Int: [Int: Int]], capacities: inout [Double],
                amount: Double, months: Int, shares: [Double]?
            ) -> Int {
                if let known = table[node]?[month] { return known }
                capacities.append(shares.map { amount * $0[month - 1] } ?? amount / Double(months))
                table[node, default: [:]][month] = capacities.count - 1
                return capacities.count - 1
            }
            // A committed candidate outweighs any exchange of flow among the others.
            let committedBonus = 1 + 4 * (candidates.map(\.unitValue).max() ?? 0)
            for candidate in candidates {
                let shared = monthly ? candidate.synergy.months.months : [0]
                let releaseSpan = monthly ? releaseMonths[candidate.release]!.count : 1
                let needSpan = monthly ? needMonths[candidate.need]!.count : 1
                let releaseShares = monthly ? shapes.releases[candidate.release] : nil
                let needShares = monthly ? shapes.needs[candidate.need] : nil
                let weights = Self.weights(
                    shared, release: (supply[candidate.release], releaseSpan, releaseShares),
                    need: (demand[candidate.need], needSpan, needShares))
                arcs.append(
                    zip(shared, weights).map { month, weight in
                        (
                            slot(
                                candidate.release, month, in: &releaseSlot, capacities: &releaseCapacity,
                                amount: supply[candidate.release], months: releaseSpan, shares: releaseShares),
                            slot(
                                candidate.need, month, in: &needSlot, capacities: &needCapacity,
                                amount: demand[candidate.need], months: needSpan, shares: needShares),
                            weight.map { candidate.quantity * $0 } ?? candidate.quantity / Double(shared.count)
                        )
                    })
                let value = candidate.unitValue + (candidate.committed ? committedBonus : 0)
                costs.append(-value * (1 + 1e-6 * candidate.synergy.score))
                wholeValues.append(value * candidate.quantity)
            }
            order = candidates.indices.sorted { a, b in
                if wholeValues[a] != wholeValues[b] { return wholeValues[a] > wholeValues[b] }
                let (sa, sb) = (candidates[a].synergy.score, candidates[b].synergy.score)
                return sa != sb ? sa > sb : candidates[a].synergy.id < candidates[b].synergy.id
            }
        }

        /// The share of a candidate's quantity each shared month can carry, when a release or a
        /// need does not run evenly: in proportion to the smaller of the two that month. `nil`
        /// for each month when both run evenly (an equal split).
        static func weights(
            _ shared: [Int], release: (amount: Double, span: Int, shares: [Double]?),
            need: (amount: Double, span: Int, shares: [Double]?)
        ) -> [Double?] {
            guard release.shares != nil || need.shares != nil else { return shared.map { _ in nil } }
            let limits = shared.map { month in
                min(
                    release.amount * (release.shares?[month - 1] ?? 1 / Double(release.span)),
                    need.amount * (need.shares?[month - 1] ?? 1 / Double(need.span)))
            }
            let total = limits.reduce(0, +)
            return limits.map { total > 0 ? $0 / total : 0 }
        }

        /// The optimal flow on each candidate, summed over its months.
        func solve() -> [Double] {
            // Release slots, then need slots, then the sink: each release slot's quantity goes to
            // the sink through needs or straight (left unused, at no cost).
            let sink = releaseCapacity.count + needCapacity.count
            var network = MinCostFlow(nodes: sink + 1)
            var supplies: [(node: Int, amount: Double)] = []
            for (node, capacity) in releaseCapacity.enumerated() {
                supplies.append((node, capacity))
                network.addArc(from: node, to: sink, capacity: capacity, cost: 0)
            }
            for (node, capacity) in needCapacity.enumerated() {
                network.addArc(from: releaseCapacity.count + node, to: sink, capacity: capacity, cost: 0)
            }
            let positions = arcs.enumerated().map { candidate, list in
                list.map { arc in
                    network.addArc(
                        from: arc.release, to: releaseCapacity.count + arc.need, capacity: arc.capacity,
                        cost: costs[candidate])
                }
            }
            _ = network.solve(supplies: supplies, sink: sink)
            return positions.map { list in list.reduce(0) { $0 + network.flow(at: $1) } }
        }

        /// "Take the best pair first": each candidate gets, month by month, as much as is left.
        func greedy() -> [Double] {
            var supplyLeft = releaseCapacity
            var demandLeft = needCapacity
            var amounts = [Double](repeating: 0, count: arcs.count)
            for candidate in order {
                for arc in arcs[candidate] {
                    let amount = min(arc.capacity, supplyLeft[arc.release], demandLeft[arc.need])
                    guard amount > 1e-9 else { continue }
                    amounts[candidate] += amount
                    supplyLeft[arc.release] -= amount
                    demandLeft[arc.need] -= amount
                }
            }
            return amounts
        }
    }
}
