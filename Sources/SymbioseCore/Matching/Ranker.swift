/// How to order synergies.
public enum SynergySort: String, Sendable, Hashable, CaseIterable {
    /// Best score first.
    case score
    /// Shortest link (or tightest group) first.
    case distance
    /// Largest volume term first.
    case volume
}

/// Which synergies to keep.
public struct SynergyFilter: Sendable, Hashable {
    public var kinds: Set<SynergyKind> = Set(SynergyKind.allCases)
    public var categories: Set<ResourceCategory> = []
    /// Keep synergies involving this company.
    public var company: CompanyID?
    /// Keep synergies whose resource (or, for a substitution, the need's resource) is this code or below it.
    public var resource: ResourceCode?
    public var minimumScore: Double = 0

    public init() {}

    public func accepts(_ synergy: Synergy) -> Bool {
        guard kinds.contains(synergy.kind), synergy.score >= minimumScore else { return false }
        if !categories.isEmpty && !categories.contains(synergy.category) { return false }
        if let company, !synergy.companies.contains(company) { return false }
        if let resource {
            let codes: [ResourceCode]
            switch synergy {
            case .substitution(let s): codes = [s.resource, s.needResource]
            case .pooling(let p): codes = [p.resource]
            }
            if !codes.contains(where: { $0.isWithin(resource) }) { return false }
        }
        return true
    }
}

/// The rank stage: filters and orders synergies.
///
/// Service swaps (substitutions of the `service` category: hours of a skill, a machine's spare
/// time, a truck's empty return) come after every exchange of material, heat, cold, water and
/// energy, in their own section: they are easy to list and rarely what a workshop is for.
/// Ties always break the same way: score (higher first), then distance (shorter first), then
/// volume (larger first), then id (alphabetically), whatever the primary sort.
///
/// - Complexity: O(*s* log *s*) for *s* synergies.
public struct Ranker: Sendable {
    public var sort: SynergySort
    public var filter: SynergyFilter

    public init(sort: SynergySort = .score, filter: SynergyFilter = SynergyFilter()) {
        self.sort = sort
        self.filter = filter
    }

    public func rank(_ synergies: consuming [Synergy]) -> [Synergy] {
        // Sort keys worked out once per synergy, and positions sorted rather than the synergies
        // themselves: a national run ranks hundreds of thousands of them. The synergies are then
        // moved into that order, not copied.
        var kept = synergies.allSatisfy(filter.accepts) ? synergies : synergies.filter(filter.accepts)
        let keys = kept.map(Key.init)
        let order = keys.indices.sorted { a, b in
            let (ka, kb) = (keys[a], keys[b])
            if ka.serviceSwap != kb.serviceSwap { return kb.serviceSwap }
            switch sort {
            case .score: break
            case .distance: if ka.distance != kb.distance { return ka.distance < kb.distance }
            case .volume: if ka.volume != kb.volume { return ka.volume > kb.volume }
            }
            return ka.ranksBefore(kb)
        }
        kept.permute(by: order)
        return kept
    }

    /// What ordering looks at.
    private struct Key {
        var score: Double
        var distance: Double
        var volume: Double
        var id: String
        var serviceSwap: Bool

        init(_ synergy: Synergy) {
            serviceSwap = synergy.isServiceSwap
            score = synergy.score
            distance = synergy.rankingDistanceKm
            volume = synergy.volumeTerm
            id = synergy.id
        }

        /// Score (higher first), then distance (shorter first), then volume (larger first), then id.
        func ranksBefore(_ other: Key) -> Bool {
            if score != other.score { return score > other.score }
            if distance != other.distance { return distance < other.distance }
            if volume != other.volume { return volume > other.volume }
            return id < other.id
        }
    }
}
