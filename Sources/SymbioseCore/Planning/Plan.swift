/// What a plan maximises.
public enum PlanObjective: String, Sendable, Hashable, CaseIterable, Codable {
    /// Net CO2e avoided.
    case co2
    /// Quantity exchanged, summed in base units (t, m³, MWh), each unit in its own subnetwork.
    case volume
    /// Scores, each pair counting in proportion to the share of its quantity allocated.
    case score
    /// Net € saved, where prices or disposal costs are declared.
    case euro
}

/// Why a substitution candidate takes no part in a plan.
public enum PlanExclusion: String, Sendable, Hashable, CaseIterable {
    /// Its quantity, or the release's or the need's, is unknown.
    case quantityUnknown = "quantity-unknown"
    /// The release and the need are measured in different dimensions (t against m³).
    case unitsDiffer = "units-differ"
    /// The objective has no estimate for it (no CO2e factor, no declared price).
    case noEstimate = "no-estimate"
    /// It would not add to the objective (net CO2e or € at or below zero).
    case notWorthwhile = "not-worthwhile"
    /// A heat or cold link that would carry less than its length's distance envelope asks
    /// (1.5 MWh a year per metre by default): the pipe would not pay.
    case pipeTooThin = "pipe-too-thin"
    /// A heat or cold link worth less a year than its pipe's annualised investment.
    case pipeUneconomic = "pipe-uneconomic"
}

/// A quantity allocated from one release to one need.
public struct Allocation: Sendable, Hashable {
    /// The candidate, with its quantity and coverage replaced by the allocated ones.
    public var synergy: SubstitutionSynergy
    /// What the candidate alone could have exchanged.
    public var candidateQuantity: Double
    /// The allocated amount's contribution to the objective.
    public var value: Double
    public var impact: SynergyImpact
    /// The dedicated pipe of a heat or cold link, sized for the quantity allocated.
    public var pipe: PipeEconomics.Investment?

    /// Every member, for values built by hand (tests, fixtures).
    package init(
        synergy: SubstitutionSynergy, candidateQuantity: Double, value: Double, impact: SynergyImpact,
        pipe: PipeEconomics.Investment? = nil
    ) {
        self.synergy = synergy
        self.candidateQuantity = candidateQuantity
        self.value = value
        self.impact = impact
        self.pipe = pipe
    }
}

/// One way of allocating: the plan's or the greedy one's.
public struct AllocationOutcome: Sendable, Hashable {
    public var allocations: [Allocation]
    /// The objective reached.
    public var value: Double
    public var totals: ImpactTotals

    /// Every member, for values built by hand (tests, fixtures).
    package init(allocations: [Allocation], value: Double, totals: ImpactTotals) {
        self.allocations = allocations
        self.value = value
        self.totals = totals
    }
}

/// A consistent allocation of releases to needs.
public struct Plan: Sendable {
    public var objective: PlanObjective
    public var optimal: AllocationOutcome
    /// "Take the best pair first", on the same candidates (ties: the better score, then the id).
    public var greedy: AllocationOutcome
    /// Substitution candidates considered.
    public var candidates: Int
    public var excluded: [PlanExclusion: Int]
    /// Pooling groups, kept as matching found them.
    public var pools: [PoolingGroup]
    /// Connected parts of the release–need graph, solved separately.
    public var subnetworks: Int
    /// The best pairs the plan leaves out, each with what taking it would cost.
    public var alternatives: [PlanAlternative] = []

    /// Every member, for values built by hand (tests, fixtures).
    package init(
        objective: PlanObjective, optimal: AllocationOutcome, greedy: AllocationOutcome, candidates: Int,
        excluded: [PlanExclusion: Int], pools: [PoolingGroup], subnetworks: Int
    ) {
        self.objective = objective
        self.optimal = optimal
        self.greedy = greedy
        self.candidates = candidates
        self.excluded = excluded
        self.pools = pools
        self.subnetworks = subnetworks
    }
}
