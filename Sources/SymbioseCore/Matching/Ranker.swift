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
        acceptsSubstitution(
            score: s.score, category: s.category, companies: (s.supplier.company, s.receiver.company),
            resources: (s.resource, s.needResource))
    }

    /// Whether a substitution of this score and category, between these firms (supplier,
    /// receiver), of these codes (the release's, the need's), is kept: read from a built
    /// synergy or from a candidate not yet built.
    /// The firms and codes are read only when the filter asks for them.
    func acceptsSubstitution(
        score: Double, category: ResourceCategory, companies: @autoclosure () -> (CompanyID, CompanyID),
        resources: @autoclosure () -> (ResourceCode, ResourceCode)
    ) -> Bool {
        guard accepts(kind: .substitution, score: score, category: category) else { return false }
        if let company {
            let (supplier, receiver) = companies()
            if supplier != company && receiver != company { return false }
        }
        if let resource {
            let (release, need) = resources()
            if !release.isWithin(resource) && !need.isWithin(resource) { return false }
        }
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
    /// Keep the first `limit` synergies in rank order, and let the others go once counted
    /// (``MatchResult/matching``); every synergy when `nil`. `match --top 1000` on a national
    /// file ranks two million synergies to show a thousand: the others are neither sorted nor
    /// moved into the ranked list.
    public var limit: Int?

    public init(sort: SynergySort = .score, filter: SynergyFilter = SynergyFilter(), limit: Int? = nil) {
        precondition((limit ?? 0) >= 0, "a limit of zero or more")
        self.sort = sort
        self.filter = filter
        self.limit = limit
    }

    /// The synergies of both kinds kept by the filter, in rank order: substitutions before pools
    /// where everything else ties. The sort keys are read from each list as it is, and the
    /// synergies then moved straight into their order: no list of every synergy is gathered
    /// before ranking, and none is copied.
    public func rank(_ substitutions: consuming [SubstitutionSynergy], _ pools: consuming [PoolingGroup]) -> [Synergy] {
        rank(parts: [substitutions], pools).synergies
    }

    /// Ranked synergies (the first ``limit`` of them when there is one), with
    /// ``MatchResult/perNeedLimit`` and ``MatchResult/matching`` counted on the way.
    package struct Ranked {
        package var synergies: [Synergy]
        package var perNeedLimit: (needs: Int, leftOut: Int)
        /// How many synergies the filter kept, before ``limit``.
        package var matching: Int
    }

    /// The synergies of both kinds kept by the filter, in rank order, as for one list of
    /// substitutions, with the substitutions in parts (positions counted across the parts, part
    /// after part): each part is let go as soon as its synergies are moved. The parts' keys are
    /// read and the order sorted on up to `threads` threads; the order is the same for any number.
    package func rank(
        parts: consuming [[SubstitutionSynergy]], _ pools: consuming [PoolingGroup], threads: Int = 1
    ) -> Ranked {
        var read = keys(of: parts, threads: threads)
        let perNeedLimit = Self.countNeeds(&read)
        read.append(keys(of: pools, from: parts.reduce(0) { $0 + $1.count }))
        let (keys, ids, positions) = (read.flatMap(\.keys), read.flatMap(\.ids), read.flatMap(\.positions))
        read = []
        let order = self.order(keys, threads: threads, idsInOrder: Self.idsInOrder(ids)).map { positions[$0] }
        // Each synergy handed on, not copied: a copy retains a dozen references, then releases them.
        let synergies: [Synergy] = .gathering(
            &parts, &pools, in: order, wrapping: { .substitution($0) }, { .pooling($0) })
        return Ranked(synergies: synergies, perNeedLimit: perNeedLimit, matching: keys.count)
    }

    /// ``MatchResult/perNeedLimit`` of the needs the parts list, which are let go: at a million
    /// sites they and the set that counts them once each held some hundred megabytes, which
    /// gathering the ranked synergies does not need.
    static func countNeeds(_ parts: inout [PartKeys]) -> (needs: Int, leftOut: Int) {
        var needs = NeedCounts()
        for part in parts.indices {
            for (need, leftOut) in parts[part].needs { needs.add(need, leftOut) }
            parts[part].needs = []
        }
        return needs.total
    }

    /// What is read of the substitutions of one part that the filter keeps: their keys and
    /// identifiers (none for substitutions not yet built, whose identifiers are worked out for a
    /// tie), their positions counted across the parts, and the needs the per-need limit left
    /// candidates out of, each with how many (a need met again straight after is not listed again).
    struct PartKeys: Sendable {
        var keys: [Key] = []
        var ids: [String] = []
        var positions: [Int] = []
        var needs: [(FlowReference, Int)] = []
    }

    /// The keys and identifiers of the pools the filter keeps, with their positions counted from
    /// `first`, in order.
    func keys(of pools: borrowing [PoolingGroup], from first: Int) -> PartKeys {
        var read = PartKeys()
        // Read through a buffer, in place: an array's element handed to a function is copied.
        pools.withUnsafeBufferPointer { buffer in
            for position in buffer.indices where filter.accepts(buffer[position]) {
                read.keys.append(Key(buffer[position]))
                read.ids.append(buffer[position].id)
                read.positions.append(first + position)
            }
        }
        return read
    }

    /// The keys of the substitutions the filter keeps, with their positions counted across the
    /// parts, in order; each part read on any of `threads` threads. Reading a synergy's key
    /// copies it whole (its dozen references retained, then released).
    private func keys(of parts: [[SubstitutionSynergy]], threads: Int) -> [PartKeys] {
        let ends = parts.reduce(into: [Int]()) { ends, part in ends.append((ends.last ?? 0) + part.count) }
        let filter = self.filter
        return Parallel.map(parts.count, threads: threads) { range in
            range.map { part in
                // Read through buffers, in place: an array's element handed to a function is copied.
                parts[part].withUnsafeBufferPointer { buffer in
                    var read = PartKeys()
                    for position in buffer.indices where filter.accepts(buffer[position]) {
                        let synergy = buffer[position]
                        read.keys.append(Key(synergy))
                        read.ids.append(synergy.id)
                        read.positions.append(ends[part] - buffer.count + position)
                        if synergy.needCandidatesLeftOut > 0, read.needs.last?.0 != synergy.receiver {
                            read.needs.append((synergy.receiver, synergy.needCandidatesLeftOut))
                        }
                    }
                    return read
                }
            }
        }
    }

    /// The synergies kept by the filter, in rank order (the first ``limit`` of them when there is one).
    public func rank(_ synergies: consuming [Synergy]) -> [Synergy] {
        var kept = synergies.allSatisfy(filter.accepts) ? synergies : synergies.filter(filter.accepts)
        let order = order(kept.map(Key.init), idsInOrder: Self.idsInOrder(kept.map(\.id)))
        var parts: [[Synergy]] = [[]]
        swap(&parts[0], &kept)
        return .gathering(&parts, in: order)
    }

    /// The positions of `keys` in rank order, the first ``limit`` of them when there is one.
    /// Sort keys are worked out once per synergy, and positions sorted rather than the
    /// synergies themselves: a national run ranks hundreds of thousands of them. Equal keys
    /// keep their order. `idsInOrder` compares the identifiers of the synergies at two
    /// positions, asked only when their keys tie.
    func order(_ keys: [Key], threads: Int = 1, idsInOrder: @escaping @Sendable (Int, Int) -> Bool) -> [Int] {
        let count = Swift.max(0, Swift.min(limit ?? keys.count, keys.count))
        let precedes = Self.precedence(of: keys, sort: sort, idsInOrder: idsInOrder)
        // No two positions tie (the position decides last), so halves sorted apart and merged
        // give the one order a single sort gives, and the first of each half hold the first
        // of the whole.
        guard threads > 1, keys.count >= 4096 else { return Self.first(count, of: keys.indices, by: precedes) }
        let middle = keys.count / 2
        let halves = Parallel.map(2, threads: 2) { range in
            range.map { half in Self.first(count, of: half == 0 ? 0..<middle : middle..<keys.count, by: precedes) }
        }
        let merged = Self.merging(halves[0], halves[1], by: precedes)
        return merged.count == count ? merged : Array(merged.prefix(count))
    }

    /// Whether the key at one position ranks before the key at another, by `sort` then
    /// ``Key/ranksBefore(_:)``, then the identifiers (`idsInOrder`), then the position.
    private static func precedence(
        of keys: [Key], sort: SynergySort, idsInOrder: @escaping @Sendable (Int, Int) -> Bool
    ) -> @Sendable (Int, Int) -> Bool {
        { a, b in
            // Keys compared where they lie, not copied out: a national run compares tens of
            // millions of pairs.
            let decided: Bool? = keys.withUnsafeBufferPointer { keys in
                if keys[a].serviceSwap != keys[b].serviceSwap { return keys[b].serviceSwap }
                switch sort {
                case .score: break
                case .distance: if keys[a].distance != keys[b].distance { return keys[a].distance < keys[b].distance }
                case .volume: if keys[a].volume != keys[b].volume { return keys[a].volume > keys[b].volume }
                }
                return keys[a].ranksBefore(keys[b])
            }
            if let decided { return decided }
            if idsInOrder(a, b) { return true }
            return !idsInOrder(b, a) && a < b
        }
    }

    /// The order of the identifiers at two positions of `ids`.
    private static func idsInOrder(_ ids: [String]) -> @Sendable (Int, Int) -> Bool {
        { a, b in ids.withUnsafeBufferPointer { $0[a] < $0[b] } }
    }

    /// What ordering looks at besides the identifier, which is asked for only when two keys tie.
    struct Key: Sendable {
        var score: Double
        var distance: Double
        var volume: Double
        var serviceSwap: Bool

        /// Whether this key ranks before `other` by score (higher first), then distance (shorter
        /// first), then volume (larger first); `nil` when all three are equal.
        func ranksBefore(_ other: Key) -> Bool? {
            if score != other.score { return score > other.score }
            if distance != other.distance { return distance < other.distance }
            if volume != other.volume { return volume > other.volume }
            return nil
        }
    }
}

extension Ranker.Key {
    init(_ synergy: Synergy) {
        switch synergy {
        case .substitution(let s): self.init(s)
        case .pooling(let p): self.init(p)
        }
    }

    init(_ s: SubstitutionSynergy) {
        self.init(
            score: s.score, distance: s.distanceKm ?? .infinity, volume: s.terms.volumeValue,
            serviceSwap: s.category == .service)
    }

    init(_ p: PoolingGroup) {
        self.init(score: p.score, distance: p.spreadKm, volume: p.terms.volumeValue, serviceSwap: false)
    }
}
