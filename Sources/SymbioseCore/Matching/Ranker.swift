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
    public var company: String?
    /// Keep synergies whose resource (or, for a substitution, the need's resource) is this code or below it.
    public var resource: String?
    public var minimumScore: Double = 0

    public init() {}

    public func accepts(_ synergy: Synergy) -> Bool {
        guard kinds.contains(synergy.kind), synergy.score >= minimumScore else { return false }
        if !categories.isEmpty && !categories.contains(synergy.category) { return false }
        if let company, !synergy.companies.contains(company) { return false }
        if let resource {
            let codes: [String]
            switch synergy {
            case .substitution(let s): codes = [s.resource, s.needResource]
            case .pooling(let p): codes = [p.resource]
            }
            if !codes.contains(where: { $0 == resource || $0.hasPrefix(resource + ".") }) { return false }
        }
        return true
    }
}

/// The rank stage: filters and orders synergies.
///
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

    public func rank(_ synergies: [Synergy]) -> [Synergy] {
        synergies.filter(filter.accepts).sorted { a, b in
            switch sort {
            case .score: break
            case .distance:
                if a.rankingDistanceKm != b.rankingDistanceKm { return a.rankingDistanceKm < b.rankingDistanceKm }
            case .volume:
                if a.volumeTerm != b.volumeTerm { return a.volumeTerm > b.volumeTerm }
            }
            return Self.tieBreak(a, b)
        }
    }

    static func tieBreak(_ a: Synergy, _ b: Synergy) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.rankingDistanceKm != b.rankingDistanceKm { return a.rankingDistanceKm < b.rankingDistanceKm }
        if a.volumeTerm != b.volumeTerm { return a.volumeTerm > b.volumeTerm }
        return a.id < b.id
    }
}
