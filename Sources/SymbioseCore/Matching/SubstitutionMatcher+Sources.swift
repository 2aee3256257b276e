extension SubstitutionMatcher {
    /// What the search for a need's candidates uses of one release code, gathered once per run:
    /// a need looks at several codes, and finding each of these by its code for every need
    /// (hashing the code's text four times) cost more than the search in a sparse code.
    struct ReleaseSource: Sendable {
        let code: ResourceCode
        let relation: Compatibility
        /// The releases of the code, in input order.
        let all: [Int]
        /// Those of sites without coordinates, in input order.
        let unlocated: [Int]
        let grid: SpatialGrid<Int>?
        /// The code's envelope when it does not depend on the energy carried.
        let envelopeKm: Double?
        /// The largest distance a release of the code could travel.
        let radiusKm: Double
    }

    /// For each need code, the release codes that can serve it, in the compatibility table's
    /// order, with what the search uses of each.
    func releaseSources(_ index: MatchIndex, compatibility: CompatibilityTable) -> [ResourceCode: [ReleaseSource]] {
        var unlocated: [ResourceCode: [Int]] = [:]
        for (code, positions) in index.outputsByCode {
            unlocated[code] = positions.filter { index.outputs[$0].point == nil }
        }
        return compatibility.releasesForNeed.mapValues { candidates in
            candidates.map { code, relation in
                ReleaseSource(
                    code: code, relation: relation, all: index.outputsByCode[code] ?? [],
                    unlocated: unlocated[code] ?? [], grid: index.outputGrids[code],
                    envelopeKm: fixedEnvelopes[code], radiusKm: settings.maximumDistanceKm ?? searchRadius(for: code))
            }
        }
    }
}
