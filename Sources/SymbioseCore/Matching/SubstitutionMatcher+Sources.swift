extension SubstitutionMatcher {
    /// What the search for a need's candidates uses of one release code, gathered once per run:
    /// a need looks at several codes, and finding each of these by its code for every need
    /// (hashing the code's text four times) cost more than the search in a sparse code.
    ///
    /// A class: a need goes through its code's sources one by one, and a structure's arrays and
    /// grid were retained anew for each need and each source.
    final class ReleaseSource: Sendable {
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
        /// How much of the need one unit of the release serves when both are in one dimension
        /// (1, or the ratio of a common basis for tonnes); `nil` across dimensions.
        let supplyFactor: Double?

        init(
            code: ResourceCode, relation: Compatibility, all: [Int], unlocated: [Int], grid: SpatialGrid<Int>?,
            envelopeKm: Double?, radiusKm: Double, supplyFactor: Double?
        ) {
            (self.code, self.relation, self.all, self.unlocated, self.grid) = (code, relation, all, unlocated, grid)
            (self.envelopeKm, self.radiusKm, self.supplyFactor) = (envelopeKm, radiusKm, supplyFactor)
        }
    }

    /// For each need code, the release codes that can serve it, in the compatibility table's
    /// order, with what the search uses of each.
    func releaseSources(_ index: MatchIndex, compatibility: CompatibilityTable) -> [ResourceCode: [ReleaseSource]] {
        var unlocated: [ResourceCode: [Int]] = [:]
        for (code, positions) in index.outputsByCode {
            unlocated[code] = positions.filter { index.outputs[$0].point == nil }
        }
        var sources: [ResourceCode: [ReleaseSource]] = [:]
        for (need, candidates) in compatibility.releasesForNeed {
            sources[need] = candidates.map { code, relation in
                ReleaseSource(
                    code: code, relation: relation, all: index.outputsByCode[code] ?? [],
                    unlocated: unlocated[code] ?? [], grid: index.outputGrids[code],
                    envelopeKm: fixedEnvelopes[code], radiusKm: settings.maximumDistanceKm ?? searchRadius(for: code),
                    supplyFactor: Self.supplyFactor(of: code, for: need, taxonomy: index.taxonomy))
            }
        }
        return sources
    }

    /// As `PairEvaluation.quantities` weighs a release of `code` for a need of `need`: one for one
    /// in one dimension, through a common basis for tonnes against tonnes; `nil` across dimensions.
    static func supplyFactor(of code: ResourceCode, for need: ResourceCode, taxonomy: Taxonomy) -> Double? {
        guard let release = taxonomy[code]?.dimension, let wanted = taxonomy[need]?.dimension, release == wanted else {
            return nil
        }
        guard release == .mass else { return 1 }
        let category = ResourceCategory(code: need) ?? .material
        let equivalence = MassEquivalence(
            release: taxonomy.contents(of: code), need: taxonomy.contents(of: need), needIsFuel: category == .energy)
        return equivalence?.ratio ?? 1
    }
}
