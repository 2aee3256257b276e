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
        switch synergy {
        case .substitution(let s): accepts(s)
        case .pooling(let p): accepts(p)
        }
    }

    func accepts(_ s: SubstitutionSynergy) -> Bool {
        guard accepts(kind: .substitution, score: s.score, category: s.category) else { return false }
        if let company, s.supplier.company != company && s.receiver.company != company { return false }
        if let resource, !s.resource.isWithin(resource) && !s.needResource.isWithin(resource) { return false }
        return true
    }

    func accepts(_ p: PoolingGroup) -> Bool {
        guard accepts(kind: .pooling, score: p.score, category: p.category) else { return false }
        if let company, !p.members.contains(where: { $0.reference.company == company }),
            !p.offers.contains(where: { $0.reference.company == company })
        {
            return false
        }
        if let resource, !p.resource.isWithin(resource) { return false }
        return true
    }

    private func accepts(kind: SynergyKind, score: Double, category: ResourceCategory) -> Bool {
        guard kinds.contains(kind), score >= minimumScore else { return false }
        return categories.isEmpty || categories.contains(category)
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

    /// The synergies of both kinds kept by the filter, in rank order: substitutions before pools
    /// where everything else ties. The sort keys are read from each list as it is, and the
    /// synergies then moved straight into their order: no list of every synergy is gathered
    /// before ranking, and none is copied.
    public func rank(_ substitutions: consuming [SubstitutionSynergy], _ pools: consuming [PoolingGroup]) -> [Synergy] {
        rank(parts: [substitutions], pools)
    }

    /// The synergies of both kinds kept by the filter, in rank order, as for one list of
    /// substitutions, with the substitutions in parts (positions counted across the parts, part
    /// after part): each part is let go as soon as its synergies are moved.
    package func rank(parts: consuming [[SubstitutionSynergy]], _ pools: consuming [PoolingGroup]) -> [Synergy] {
        var keys: [Key] = []
        var positions: [Int] = []
        var first = 0
        for part in parts.indices {
            // Read through buffers, in place: an array's element handed to a function is copied.
            parts[part].withUnsafeBufferPointer { buffer in
                for position in buffer.indices where filter.accepts(buffer[position]) {
                    keys.append(Key(buffer[position]))
                    positions.append(first + position)
                }
            }
            first += parts[part].count
        }
        pools.withUnsafeBufferPointer { buffer in
            for position in buffer.indices where filter.accepts(buffer[position]) {
                keys.append(Key(buffer[position]))
                positions.append(first + position)
            }
        }
        let order = self.order(keys).map { positions[$0] }
        // Each synergy handed on, not copied: a copy retains a dozen references, then releases them.
        return .gathering(&parts, &pools, in: order, wrapping: { .substitution($0) }, { .pooling($0) })
    }

    /// The synergies kept by the filter, in rank order.
    public func rank(_ synergies: consuming [Synergy]) -> [Synergy] {
        var kept = synergies.allSatisfy(filter.accepts) ? synergies : synergies.filter(filter.accepts)
        kept.permute(by: order(kept.map(Key.init)))
        return kept
    }

    /// The positions of `keys` in rank order. Sort keys are worked out once per synergy, and
    /// positions sorted rather than the synergies themselves: a national run ranks hundreds of
    /// thousands of them. Equal keys keep their order.
    private func order(_ keys: [Key]) -> [Int] {
        let sort = self.sort
        // Keys compared where they lie: a key copied out retains its id, then releases it, and a
        // national run compares tens of millions of pairs.
        return keys.withUnsafeBufferPointer { keys in
            keys.indices.sorted { a, b in
                if keys[a].serviceSwap != keys[b].serviceSwap { return keys[b].serviceSwap }
                switch sort {
                case .score: break
                case .distance: if keys[a].distance != keys[b].distance { return keys[a].distance < keys[b].distance }
                case .volume: if keys[a].volume != keys[b].volume { return keys[a].volume > keys[b].volume }
                }
                if keys[a].ranksBefore(keys[b]) { return true }
                return !keys[b].ranksBefore(keys[a]) && a < b
            }
        }
    }

    /// What ordering looks at.
    private struct Key {
        var score: Double
        var distance: Double
        var volume: Double
        var id: String
        var serviceSwap: Bool

        init(_ synergy: Synergy) {
            switch synergy {
            case .substitution(let s): self.init(s)
            case .pooling(let p): self.init(p)
            }
        }

        init(_ s: SubstitutionSynergy) {
            serviceSwap = s.category == .service
            score = s.score
            distance = s.distanceKm ?? .infinity
            volume = s.terms.volumeValue
            id = s.id
        }

        init(_ p: PoolingGroup) {
            serviceSwap = false
            score = p.score
            distance = p.spreadKm
            volume = p.terms.volumeValue
            id = p.id
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
