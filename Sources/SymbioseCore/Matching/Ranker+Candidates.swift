extension Ranker {
    /// The synergies of both kinds kept by the filter, in rank order (the first ``limit`` of
    /// them when there is one), the substitutions ranked before they are built: their keys and
    /// the filter's fields are read from the candidates' numbers and flows, their identifiers
    /// worked out only to break a tie, and only the substitutions ranking keeps are built, on up
    /// to `threads` threads. The order is the one ranking the built synergies gives, on any
    /// number of threads.
    func rank(
        _ candidates: consuming SubstitutionCandidates, _ pools: consuming [PoolingGroup], threads: Int
    ) -> Ranked {
        let ranked = order(of: candidates, pools, threads: threads)
        let first = ranked.substitutionKeys
        // The substitutions kept, built in rank order; the candidates (the index's flows, the
        // needs' lists) then let go, and their memory given back, before the ranked list is filled.
        let shown = ranked.order.filter { $0 < first }.map { ranked.positions[$0] }
        var built = candidates.synergies(at: shown, threads: threads)
        let candidateCount = candidates.count
        _ = consume candidates
        FreedMemory.giveBack()
        // Each synergy's position among those built, then among the pools.
        var next = 0
        let gathered = ranked.order.map { key in
            guard key < first else { return shown.count + ranked.positions[key] - candidateCount }
            next += 1
            return next - 1
        }
        let synergies: [Synergy] = .gathering(
            &built, &pools, in: gathered, wrapping: { .substitution($0) }, { .pooling($0) })
        return Ranked(synergies: synergies, perNeedLimit: ranked.perNeedLimit, matching: ranked.matching)
    }

    /// What ranking candidates and pools finds before anything is built.
    private struct Ordered {
        /// The keys' numbers in rank order (the first ``Ranker/limit`` of them when there is one).
        var order: [Int]
        /// Each key's position among the candidates, then (from the candidates' count on) the pools.
        var positions: [Int]
        /// The number of the first pool's key: the substitutions' keys come before.
        var substitutionKeys: Int
        var perNeedLimit: (needs: Int, leftOut: Int)
        var matching: Int
    }

    /// The order of the candidates and pools the filter keeps, with the counts ranking makes.
    private func order(of candidates: SubstitutionCandidates, _ pools: borrowing [PoolingGroup], threads: Int)
        -> Ordered
    {
        var read = keys(of: candidates, threads: threads)
        let perNeedLimit = Self.countNeeds(&read)
        let substitutionKeys = read.reduce(0) { $0 + $1.keys.count }
        // The pools' keys last, with their identifiers (the only ones read: the substitutions'
        // are worked out on a tie).
        read.append(keys(of: pools, from: candidates.count))
        let (keys, placed, ids) = (read.flatMap(\.keys), read.flatMap(\.positions), read.flatMap(\.ids))
        read = []
        let order = self.order(keys, threads: threads) { a, b in
            if a < substitutionKeys, b < substitutionKeys { return candidates.idPrecedes(placed[a], placed[b]) }
            func id(_ key: Int) -> String {
                key < substitutionKeys ? candidates.id(at: placed[key]) : ids[key - substitutionKeys]
            }
            return id(a) < id(b)
        }
        return Ordered(
            order: order, positions: placed, substitutionKeys: substitutionKeys, perNeedLimit: perNeedLimit,
            matching: keys.count)
    }

    /// The keys of the candidates the filter keeps, with their positions, in order, and the
    /// needs the per-need limit left candidates out of; read in parts on up to `threads` threads.
    private func keys(of candidates: SubstitutionCandidates, threads: Int) -> [PartKeys] {
        let filter = self.filter
        return Parallel.map(candidates.count, threads: threads) { range in
            var read = PartKeys()
            var lastNeed = -1
            for position in range where candidates.isAccepted(by: filter, at: position) {
                read.keys.append(candidates.key(at: position))
                read.positions.append(position)
                let (need, leftOut) = candidates.needLeftOut(at: position)
                if leftOut > 0, need != lastNeed { read.needs.append((candidates.need(need), leftOut)) }
                lastNeed = need
            }
            return [read]
        }
    }
}
