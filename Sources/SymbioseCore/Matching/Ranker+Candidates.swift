extension Ranker {
    /// The synergies of both kinds kept by the filter, in rank order (the first ``limit`` of
    /// them when there is one), the substitutions ranked before they are built: their keys and
    /// the filter's fields are read from the candidates' numbers and flows, their identifiers
    /// worked out only to break a tie, and only the substitutions ranking keeps are built, on up
    /// to `threads` threads. The order is the one ranking the built synergies gives, on any
    /// number of threads.
    func rank(_ candidates: SubstitutionCandidates, _ pools: consuming [PoolingGroup], threads: Int) -> Ranked {
        var read = keys(of: candidates, threads: threads)
        let perNeedLimit = Self.countNeeds(&read)
        var keys = read.flatMap(\.keys)
        var positions = read.flatMap(\.positions)
        read = []
        // Keys below this one are the substitutions'; the pools' follow, with their identifiers.
        let substitutionKeys = keys.count
        var poolIDs: [String] = []
        // Read through a buffer, in place: an array's element handed to a function is copied.
        pools.withUnsafeBufferPointer { buffer in
            for position in buffer.indices where filter.accepts(buffer[position]) {
                keys.append(Key(buffer[position]))
                poolIDs.append(buffer[position].id)
                positions.append(candidates.count + position)
            }
        }
        let placed = positions
        let ids = poolIDs
        let order = self.order(keys, threads: threads) { a, b in
            if a < substitutionKeys, b < substitutionKeys { return candidates.idPrecedes(placed[a], placed[b]) }
            func id(_ key: Int) -> String {
                key < substitutionKeys ? candidates.id(at: placed[key]) : ids[key - substitutionKeys]
            }
            return id(a) < id(b)
        }
        // The substitutions kept, built in rank order; then each synergy's position among those
        // built, then the pools.
        let shown = order.filter { $0 < substitutionKeys }.map { placed[$0] }
        var built = candidates.synergies(at: shown, threads: threads)
        var next = 0
        let gathered = order.map { key in
            guard key < substitutionKeys else { return shown.count + placed[key] - candidates.count }
            next += 1
            return next - 1
        }
        let synergies: [Synergy] = .gathering(
            &built, &pools, in: gathered, wrapping: { .substitution($0) }, { .pooling($0) })
        return Ranked(synergies: synergies, perNeedLimit: perNeedLimit, matching: keys.count)
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
