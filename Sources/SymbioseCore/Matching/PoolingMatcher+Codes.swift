extension PoolingMatcher {
    /// Finds and scores every pooling group, in a deterministic order: by resource, mode and
    /// direction, then as each one's grouping finds them.
    ///
    /// Each resource, mode and direction is grouped on its own, one to a thread at a time, the
    /// largest first: a national code's greedy grouping runs on one thread, and taken last it
    /// left the other thread idle at the end. The groups are put back in the keys' order, so the
    /// result does not depend on the threads.
    public func match(_ index: MatchIndex) -> [PoolingGroup] {
        // The flows of each code with a place, in index order; the mode is worked out once a code.
        var byKey: [Key: [IndexedFlow]] = [:]
        for (flows, byCode, direction) in [
            (index.outputs, index.outputsByCode, FlowDirection.output), (index.inputs, index.inputsByCode, .input),
        ] {
            for (code, positions) in byCode {
                guard let mode = Self.mode(of: code, direction: direction) else { continue }
                let placed = positions.compactMap { flows[$0].point == nil ? nil : flows[$0] }
                if !placed.isEmpty { byKey[Key(code: code, mode: mode, direction: direction)] = placed }
            }
        }
        let keys = byKey.keys.sorted()
        let flowsByKey = byKey
        let sizes = keys.map { flowsByKey[$0]!.count }
        let largestFirst = keys.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        let matcher = self
        let found = Parallel.map(keys.count, threads: settings.threads, chunks: keys.count) { range in
            range.map { step in
                let key = keys[largestFirst[step]]
                return (largestFirst[step], matcher.groups(of: key, flows: flowsByKey[key]!, index: index))
            }
        }
        var inOrder = [[PoolingGroup]](repeating: [], count: keys.count)
        for (position, groups) in found { inOrder[position] = groups }
        return .joining(&inOrder)
    }

    /// The groups of one resource, mode and direction, whose placed flows are `placed`.
    private func groups(of key: Key, flows placed: [IndexedFlow], index: MatchIndex) -> [PoolingGroup] {
        let all = deduplicatedByCompany(placed)
        let supplies = all.map {
            Self.suppliesPool(activity: $0.activity, code: key.code, mode: key.mode, direction: key.direction)
        }
        let flows = zip(all, supplies).filter { !$0.1 }.map(\.0)
        guard flows.count >= max(2, settings.minimumMembers) else { return [] }
        let radius = settings.poolingRadiusKm ?? settings.poolingRadii.radiusKm(key.mode)
        let suppliers = SpatialGrid(
            zip(all, supplies).filter { $0.1 }.map { ($0.0.point!, $0.0) }, cellKm: max(radius, 1))
        var groups: [PoolingGroup] = []
        for members in compactGroups(flows, radiusKm: radius) {
            if Self.isInternal(members), !settings.include.contains(.sameGroup) { continue }
            if let group = makeGroup(members, key: key, radiusKm: radius, index: index, suppliers: suppliers) {
                groups.append(group)
            }
        }
        return groups
    }
}
