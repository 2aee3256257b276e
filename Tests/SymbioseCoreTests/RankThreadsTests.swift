import SymbioseCore
import SymbioseTestSupport
import Testing

/// Ranking reads its keys on several threads and sorts in halves that it merges: the order and
/// the per-need count must be those of one thread.
@Suite struct RankThreadsTests {
    /// The substitutions of a generated territory, repeated under new ids and scores with many
    /// ties, in three parts: more than the size from which the sort is split.
    private func parts() -> [[SubstitutionSynergy]] {
        let generated = TerritoryGenerator(sites: 600, seed: 3).generate().map { TestSupport.loaded($0) }
        var settings = MatchSettings()
        settings.maximumPerNeed = 2
        let found = MatchPipeline(taxonomy: TaxonomyFile.builtIn, settings: settings).run(generated).synergies
        let substitutions: [SubstitutionSynergy] = found.compactMap {
            if case .substitution(let s) = $0 { return s }
            return nil
        }
        var all: [SubstitutionSynergy] = []
        for copy in 0..<(5_000 / max(substitutions.count, 1) + 1) {
            for var synergy in substitutions {
                synergy.id = "\(copy)-\(synergy.id)"
                synergy.score = Double((synergy.id.utf8.count * 7 + copy) % 5) / 5
                all.append(synergy)
            }
        }
        let third = all.count / 3
        return [Array(all[..<third]), Array(all[third..<(2 * third)]), Array(all[(2 * third)...])]
    }

    @Test func theOrderAndTheCountAreThoseOfOneThread() {
        let parts = parts()
        #expect(parts.joined().count > 4_096)
        #expect(parts.joined().contains { $0.needCandidatesLeftOut > 0 })
        let one = Ranker().rank(parts: parts, [], threads: 1)
        for threads in [2, 3] {
            let split = Ranker().rank(parts: parts, [], threads: threads)
            #expect(split.synergies.map(\.id) == one.synergies.map(\.id), "\(threads) threads")
            #expect(split.perNeedLimit == one.perNeedLimit)
        }
        // The count made while ranking is the one counted from the ranked synergies.
        let counted = MatchResult(
            synergies: one.synergies, diagnostics: [], siteCount: 0, flowCount: 0, foundCount: 0
        ).perNeedLimit
        #expect(one.perNeedLimit == counted)
        #expect(counted.needs > 0)
        // Ranked on one thread without splitting, by the same keys.
        #expect(one.synergies.map(\.id) == Ranker().rank(Array(parts.joined()), []).map(\.id))
    }

    /// With a limit, ranking keeps the first synergies of the whole order, and counts what the
    /// whole order counts: on one thread or several, whatever the sort.
    @Test func aLimitKeepsTheFirstOfTheWholeOrder() {
        let parts = parts()
        let total = parts.joined().count
        for sort in SynergySort.allCases {
            let all = Ranker(sort: sort).rank(parts: parts, [], threads: 1)
            #expect(all.matching == total)
            for limit in [0, 1, 7, 1_000, total - 1, total, total + 3] {
                for threads in [1, 2] {
                    let first = Ranker(sort: sort, limit: limit).rank(parts: parts, [], threads: threads)
                    let expected = all.synergies.prefix(limit).map(\.id)
                    #expect(first.synergies.map(\.id) == expected, "\(sort), \(limit), \(threads) threads")
                    #expect(first.matching == total)
                    #expect(first.perNeedLimit == all.perNeedLimit)
                }
            }
        }
    }

    /// Scores rising along the list: each synergy read ranks before every one kept so far, the
    /// costliest input for keeping the first.
    @Test func aLimitOverARisingListKeepsTheLast() {
        let rising: [Synergy] = parts().joined().enumerated().map { position, synergy in
            var synergy = synergy
            synergy.score = Double(position) / 10_000
            return .substitution(synergy)
        }
        let first = Ranker(limit: 25).rank(rising)
        #expect(first.map(\.id) == rising.suffix(25).reversed().map(\.id))
        #expect(Ranker(limit: 25).rank(rising).map(\.id) == Array(Ranker().rank(rising).prefix(25)).map(\.id))
    }

    /// A pipeline with a limit gives the first synergies of the same pipeline without one, and
    /// the same counts.
    @Test func aPipelineWithALimitCountsTheWholeList() {
        let generated = TerritoryGenerator(sites: 300, seed: 5).generate().map { TestSupport.loaded($0) }
        let whole = MatchPipeline(taxonomy: TaxonomyFile.builtIn).run(generated)
        let cut = MatchPipeline(taxonomy: TaxonomyFile.builtIn, ranker: Ranker(limit: 10)).run(generated)
        #expect(whole.synergies.count > 10)
        #expect(cut.synergies.map(\.id) == whole.synergies.prefix(10).map(\.id))
        #expect(cut.matching == whole.synergies.count)
        #expect(whole.matching == whole.synergies.count)
        #expect(cut.perNeedLimit == whole.perNeedLimit)
        #expect(cut.foundCount == whole.foundCount)
    }
}
