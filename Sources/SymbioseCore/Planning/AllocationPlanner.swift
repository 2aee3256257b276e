/// Solves the allocation exactly as a min-cost flow: source → release (capacity: its annual
/// quantity) → need (capacity: what the candidate can exchange; cost: minus the objective per
/// unit) → sink (capacity: the need's annual quantity). Each connected part of the graph is
/// solved on its own. See `Docs/planning.md`.
public struct AllocationPlanner: Sendable {
    public var objective: PlanObjective
    public var calculator: ImpactCalculator
    var supplies: [String: Double] = [:]
    var demands: [String: Double] = [:]
    /// The months each flow runs; `nil` for a one-off flow.
    var months: [String: [Int]] = [:]

    public init(objective: PlanObjective, calculator: ImpactCalculator, profiles: [Profile]) {
        self.objective = objective
        self.calculator = calculator
        let taxonomy = calculator.taxonomy
        for profile in profiles {
            for flow in profile.outputs {
                let key = Self.key(profile.company.id, flow.id) + "\u{1F}out"
                supplies[key] = taxonomy.annualAmount(of: flow)
                months[key] = Self.months(flow.availability)
            }
            for flow in profile.inputs {
                let key = Self.key(profile.company.id, flow.id) + "\u{1F}in"
                demands[key] = taxonomy.annualAmount(of: flow)
                months[key] = Self.months(flow.availability)
            }
        }
    }

    static func key(_ company: CompanyID, _ flow: FlowID) -> String { company.rawValue + "\u{1F}" + flow.rawValue }

    static func months(_ availability: Availability) -> [Int]? {
        if case .oneOff = availability { return nil }
        return MonthSet(availability).months
    }

    struct Candidate {
        var synergy: SubstitutionSynergy
        var release: Int
        var need: Int
        var quantity: Double
        /// The objective per unit allocated.
        var unitValue: Double
        /// The impact of one unit exchanged.
        var rates: ImpactRates
    }

    /// The substitutions the plan chooses among, with the releases and needs they draw on.
    struct Candidates {
        var list: [Candidate] = []
        var releaseIndex: [String: Int] = [:]
        var needIndex: [String: Int] = [:]
        var supply: [Double] = []
        var demand: [Double] = []
        var substitutions = 0
        var excluded: [PlanExclusion: Int] = [:]
    }

    /// Plans the substitutions among `synergies`; pooling groups are passed through.
    public func plan(_ synergies: [Synergy]) -> Plan {
        let pools: [PoolingGroup] = synergies.compactMap {
            if case .pooling(let group) = $0 { return group }
            return nil
        }
        let candidates = self.candidates(synergies)
        let (allocated, greedyAllocated, parts) = allocate(candidates)
        return Plan(
            objective: objective, optimal: outcome(candidates.list, allocated, demand: candidates.demand),
            greedy: outcome(candidates.list, greedyAllocated, demand: candidates.demand),
            candidates: candidates.substitutions, excluded: candidates.excluded, pools: pools, subnetworks: parts)
    }

    /// The substitutions worth planning, in id order so that ties are broken the same way
    /// whatever the input order; the others counted by the reason they are left out.
    func candidates(_ synergies: [Synergy]) -> Candidates {
        var result = Candidates()
        let taxonomy = calculator.taxonomy
        let ids = synergies.map(\.id)
        for position in synergies.indices.sorted(by: { ids[$0] < ids[$1] }) {
            guard case .substitution(let s) = synergies[position] else { continue }
            result.substitutions += 1
            let releaseKey = Self.key(s.supplier.company, s.supplier.flow) + "\u{1F}out"
            let needKey = Self.key(s.receiver.company, s.receiver.flow) + "\u{1F}in"
            guard let quantity = s.quantity?.value, quantity > 0, let available = supplies[releaseKey],
                let wanted = demands[needKey]
            else {
                result.excluded[.quantityUnknown, default: 0] += 1
                continue
            }
            guard taxonomy[s.resource]?.dimension == taxonomy[s.needResource]?.dimension else {
                result.excluded[.unitsDiffer, default: 0] += 1
                continue
            }
            let rates = calculator.rates(of: s)
            guard let unitValue = unitValue(s, rates: rates, quantity: quantity) else {
                result.excluded[.noEstimate, default: 0] += 1
                continue
            }
            guard unitValue > 0 else {
                result.excluded[.notWorthwhile, default: 0] += 1
                continue
            }
            let release = Self.position(
                of: releaseKey, in: &result.releaseIndex, amounts: &result.supply, amount: available)
            let need = Self.position(of: needKey, in: &result.needIndex, amounts: &result.demand, amount: wanted)
            result.list.append(
                Candidate(
                    synergy: s, release: release, need: need, quantity: quantity, unitValue: unitValue, rates: rates))
        }
        return result
    }

    /// What one unit exchanged is worth for the objective; `nil` when it cannot be estimated.
    private func unitValue(_ s: SubstitutionSynergy, rates: ImpactRates, quantity: Double) -> Double? {
        switch objective {
        case .co2: rates.netKg
        case .euro: rates.netEUR
        case .volume: 1
        case .score: s.score / quantity
        }
    }

    /// The optimal and greedy quantities of each candidate, solved part by connected part
    /// (union–find over releases and needs), and how many parts there were.
    private func allocate(_ candidates: Candidates) -> (optimal: [Double], greedy: [Double], parts: Int) {
        let (supply, demand) = (candidates.supply, candidates.demand)
        var sets = DisjointSets(count: supply.count + demand.count)
        for candidate in candidates.list { sets.union(candidate.release, supply.count + candidate.need) }
        var parts: [Int: [Int]] = [:]
        for (position, candidate) in candidates.list.enumerated() {
            parts[sets.find(candidate.release), default: []].append(position)
        }
        // The months each release and need runs (nil: one-off).
        var releaseMonths = [[Int]?](repeating: nil, count: supply.count)
        var needMonths = [[Int]?](repeating: nil, count: demand.count)
        for (key, position) in candidates.releaseIndex { releaseMonths[position] = months[key] ?? nil }
        for (key, position) in candidates.needIndex { needMonths[position] = months[key] ?? nil }

        var allocated = [Double](repeating: 0, count: candidates.list.count)
        var greedyAllocated = [Double](repeating: 0, count: candidates.list.count)
        for root in parts.keys.sorted() {
            let members = parts[root]!
            let slots = Slots(
                members.map { candidates.list[$0] }, supply: supply, demand: demand, releaseMonths: releaseMonths,
                needMonths: needMonths)
            let flows = slots.solve()
            let greedy = slots.greedy()
            for (offset, position) in members.enumerated() {
                allocated[position] = flows[offset]
                greedyAllocated[position] = greedy[offset]
            }
        }
        return (allocated, greedyAllocated, parts.count)
    }

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
            needMonths: [[Int]?]
        ) {
            let monthly =
                candidates.contains {
                    releaseMonths[$0.release]?.count ?? 0 < 12 || needMonths[$0.need]?.count ?? 0 < 12
                }
                && !candidates.contains { releaseMonths[$0.release] == nil || needMonths[$0.need] == nil }
            var releaseSlot: [Int: [Int: Int]] = [:]
            var needSlot: [Int: [Int: Int]] = [:]
            func slot(
                _ node: Int, _ month: Int, in table: inout [Int: [Int: Int]], capacities: inout [Double],
                amount: Double, months: Int
            ) -> Int {
                if let known = table[node]?[month] { return known }
                capacities.append(amount / Double(months))
                table[node, default: [:]][month] = capacities.count - 1
                return capacities.count - 1
            }
            for candidate in candidates {
                let shared = monthly ? candidate.synergy.months.months : [0]
                let releaseSpan = monthly ? releaseMonths[candidate.release]!.count : 1
                let needSpan = monthly ? needMonths[candidate.need]!.count : 1
                arcs.append(
                    shared.map { month in
                        (
                            slot(
                                candidate.release, month, in: &releaseSlot, capacities: &releaseCapacity,
                                amount: supply[candidate.release], months: releaseSpan),
                            slot(
                                candidate.need, month, in: &needSlot, capacities: &needCapacity,
                                amount: demand[candidate.need], months: needSpan),
                            candidate.quantity / Double(shared.count)
                        )
                    })
                costs.append(-candidate.unitValue * (1 + 1e-6 * candidate.synergy.score))
                wholeValues.append(candidate.unitValue * candidate.quantity)
            }
            order = candidates.indices.sorted { a, b in
                if wholeValues[a] != wholeValues[b] { return wholeValues[a] > wholeValues[b] }
                let (sa, sb) = (candidates[a].synergy.score, candidates[b].synergy.score)
                return sa != sb ? sa > sb : candidates[a].synergy.id < candidates[b].synergy.id
            }
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

    /// The position of a release or need, numbered on first sight with its amount.
    static func position(
        of key: String, in index: inout [String: Int], amounts: inout [Double], amount: Double
    ) -> Int {
        if let known = index[key] { return known }
        index[key] = amounts.count
        amounts.append(amount)
        return amounts.count - 1
    }

    func outcome(_ candidates: [Candidate], _ amounts: [Double], demand: [Double]) -> AllocationOutcome {
        var allocations: [Allocation] = []
        var value = 0.0
        var totals = ImpactTotals()
        for (candidate, amount) in zip(candidates, amounts) where amount > 1e-6 * max(1, candidate.quantity) {
            var synergy = candidate.synergy
            synergy.quantity?.value = amount
            let wanted = demand[candidate.need]
            synergy.coverage = wanted > 0 ? min(1, amount / wanted) : nil
            let impact = SynergyImpact(quantity: synergy.quantity, rates: candidate.rates)
            let contribution = amount * candidate.unitValue
            value += contribution
            totals.add(impact)
            allocations.append(
                Allocation(synergy: synergy, candidateQuantity: candidate.quantity, value: contribution, impact: impact)
            )
        }
        allocations.sort { $0.value != $1.value ? $0.value > $1.value : $0.synergy.id < $1.synergy.id }
        return AllocationOutcome(allocations: allocations, value: value, totals: totals)
    }
}
