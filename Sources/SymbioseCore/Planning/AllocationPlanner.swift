/// Solves the allocation exactly as a min-cost flow: source → release (capacity: its annual
/// quantity) → need (capacity: what the candidate can exchange; cost: minus the objective per
/// unit) → sink (capacity: the need's annual quantity). Each connected part of the graph is
/// solved on its own. See `Docs/planning.md`.
public struct AllocationPlanner: Sendable {
    public var objective: PlanObjective
    public var calculator: ImpactCalculator
    /// How many of the best pairs the plan leaves out are solved again to show what taking
    /// them would cost (`PlanAlternative`); 0 for none.
    public var alternativeCount = 3
    var supplies: [String: Double] = [:]
    var demands: [String: Double] = [:]
    /// The months each flow runs; `nil` for a one-off flow.
    var months: [String: [Int]] = [:]
    /// The monthly shares of the flows that do not run evenly (`LoadShape`), index 0 = January.
    var shapes: [String: [Double]] = [:]
    /// The sites whose heat need and fuel need share one energy budget.
    var energyBudgets: [EnergyBudget] = []

    public init(objective: PlanObjective, calculator: ImpactCalculator, profiles: [Profile]) {
        self.objective = objective
        self.calculator = calculator
        let taxonomy = calculator.taxonomy
        for profile in profiles {
            for flow in profile.outputs {
                let key = Self.key(profile.company.id, flow.id) + "\u{1F}out"
                supplies[key] = taxonomy.annualAmount(of: flow)
                months[key] = Self.months(flow.availability)
                shapes[key] = Self.shares(flow)
            }
            for flow in profile.inputs {
                let key = Self.key(profile.company.id, flow.id) + "\u{1F}in"
                demands[key] = taxonomy.annualAmount(of: flow)
                months[key] = Self.months(flow.availability)
                shapes[key] = Self.shares(flow)
            }
        }
        energyBudgets = Self.energyBudgets(profiles, taxonomy: taxonomy)
    }

    static func key(_ company: CompanyID, _ flow: FlowID) -> String { company.rawValue + "\u{1F}" + flow.rawValue }

    static func shares(_ flow: Flow) -> [Double]? {
        if case .oneOff = flow.availability { return nil }
        return LoadShape.of(flow)?.shares(over: MonthSet(flow.availability))
    }

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
        /// Served before every other candidate: the least a pipe the plan chose to build must
        /// carry (`withoutThinPipes`).
        var committed = false
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
        var (allocated, parts) = planned(candidates, method: .optimal)
        let greedyAllocated = planned(candidates, method: .greedy).amounts
        // Minimum pipe sizes make the problem more than a flow: the plan keeps the better of
        // the two feasible solutions.
        let worth = { (amounts: [Double]) in zip(candidates.list, amounts).reduce(0) { $0 + $1.0.unitValue * $1.1 } }
        if worth(greedyAllocated) > worth(allocated) * (1 + 1e-9) + 1e-9 { allocated = greedyAllocated }
        var optimal = outcome(candidates.list, allocated, demand: candidates.demand)
        var alternatives = self.alternatives(candidates, plan: optimal, amounts: allocated)
        // Serving a left-out pair first can reach more than the flow did once minimum pipe sizes
        // cut links: the better solution is the plan, and its own left-out pairs are shown.
        let better = alternatives.max { $0.outcome.value < $1.outcome.value }
        if let better, better.outcome.value > optimal.value * (1 + 1e-9) + 1e-9 {
            optimal = better.outcome
            alternatives = self.alternatives(candidates, plan: optimal, amounts: better.amounts)
        }
        var plan = Plan(
            objective: objective, optimal: optimal,
            greedy: outcome(candidates.list, greedyAllocated, demand: candidates.demand),
            candidates: candidates.substitutions, excluded: candidates.excluded, pools: pools, subnetworks: parts)
        plan.alternatives = alternatives.map(\.alternative)
        return plan
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
            // Quantities are in the need's units: a release weighed on dry matter or heating
            // value counts, in the plan, at the least favourable ratio of its candidates.
            let ratio = s.equivalence?.ratio ?? 1
            let release = Self.position(
                of: releaseKey, in: &result.releaseIndex, amounts: &result.supply, amount: available * ratio)
            result.supply[release] = min(result.supply[release], available * ratio)
            let need = Self.position(of: needKey, in: &result.needIndex, amounts: &result.demand, amount: wanted)
            let candidate = Candidate(
                synergy: s, release: release, need: need, quantity: quantity, unitValue: unitValue, rates: rates)
            if let (minimum, reason) = minimumPipe(candidate), quantity < minimum {
                result.excluded[reason, default: 0] += 1
                continue
            }
            result.list.append(candidate)
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

    /// How quantities are allocated: the min-cost flow, or the best pair first.
    enum Method { case optimal, greedy }

    /// One method's allocation, with a site's heat and fuel needs held to their shared budget
    /// (solved again with those capacities when the first solution exceeds it) and pipes too
    /// thin for their length dropped; `forcing` serves these quantities of some candidates
    /// before any other.
    func planned(
        _ candidates: Candidates, method: Method, forcing: [Int: Double] = [:]
    ) -> (amounts: [Double], parts: Int) {
        var (amounts, parts) = allocate(candidates, committing: forcing, method: method)
        var held = candidates
        if let demand = budgetedDemand(candidates, allocated: amounts) {
            held.demand = demand
            amounts = allocate(held, committing: forcing, method: method).amounts
        }
        return (withoutThinPipes(held, amounts, method: method, committed: forcing), parts)
    }

    /// The quantity of each candidate by one method, solved part by connected part (union–find
    /// over releases and needs), and how many parts there were.
    func allocate(_ candidates: Candidates, method: Method) -> (amounts: [Double], parts: Int) {
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
        var releaseShapes = [[Double]?](repeating: nil, count: supply.count)
        var needShapes = [[Double]?](repeating: nil, count: demand.count)
        for (key, position) in candidates.releaseIndex { releaseShapes[position] = shapes[key] }
        for (key, position) in candidates.needIndex { needShapes[position] = shapes[key] }

        var allocated = [Double](repeating: 0, count: candidates.list.count)
        for root in parts.keys.sorted() {
            let members = parts[root]!
            let slots = Slots(
                members.map { candidates.list[$0] }, supply: supply, demand: demand,
                releaseMonths: releaseMonths, needMonths: needMonths,
                shapes: (releases: releaseShapes, needs: needShapes))
            let amounts = method == .optimal ? slots.solve() : slots.greedy()
            for (offset, position) in members.enumerated() { allocated[position] = amounts[offset] }
        }
        return (allocated, parts.count)
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
            let pipe = PipeEconomics(factors: calculator.factors).investment(
                synergy, rates: candidate.rates, mwh: amount)
            allocations.append(
                Allocation(
                    synergy: synergy, candidateQuantity: candidate.quantity, value: contribution, impact: impact,
                    pipe: pipe))
        }
        allocations.sort { $0.value != $1.value ? $0.value > $1.value : $0.synergy.id < $1.synergy.id }
        return AllocationOutcome(allocations: allocations, value: value, totals: totals)
    }
}
