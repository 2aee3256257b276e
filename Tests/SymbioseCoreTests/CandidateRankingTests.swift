import SymbioseCore
import SymbioseTestSupport
import Testing

/// Matching ranks substitutions before building them, from the numbers and flows of its
/// candidates: the order, the filter and the counts must be those of ranking the built
/// synergies.
@Suite struct CandidateRankingTests {
    private let profiles = TerritoryGenerator(sites: 400, seed: 11).generate().map { TestSupport.loaded($0) }

    private func run(_ ranker: Ranker, threads: Int = 1) -> MatchResult {
        var settings = MatchSettings()
        settings.threads = threads
        return MatchPipeline(taxonomy: TaxonomyFile.builtIn, settings: settings, ranker: ranker).run(profiles)
    }

    /// Filters of each kind, their values taken from what the territory's matching finds.
    private func filters(of all: [Synergy]) -> [SynergyFilter] {
        let substitutions = all.compactMap { synergy -> SubstitutionSynergy? in
            if case .substitution(let s) = synergy { return s }
            return nil
        }
        var byCompany = SynergyFilter()
        byCompany.company = substitutions[substitutions.count / 2].receiver.company
        var byResource = SynergyFilter()
        byResource.resource = ResourceCode(
            rawValue: substitutions[substitutions.count / 3].needResource.rawValue.split(separator: ".").prefix(2)
                .joined(separator: "."))
        var byCategory = SynergyFilter()
        byCategory.categories = [substitutions[0].category, .heat]
        var byScore = SynergyFilter()
        byScore.minimumScore = all.map(\.score).sorted()[all.count / 2]
        var substitutionsOnly = SynergyFilter()
        substitutionsOnly.kinds = [.substitution]
        return [SynergyFilter(), byCompany, byResource, byCategory, byScore, substitutionsOnly]
    }

    @Test func candidatesRankAsTheirBuiltSynergies() {
        let all = run(Ranker()).synergies
        #expect(all.contains { if case .pooling = $0 { true } else { false } })
        // Ties of score, distance and volume among substitutions, broken by their identifiers.
        let ties = zip(all, all.dropFirst()).filter { a, b in
            a.score == b.score && a.rankingDistanceKm == b.rankingDistanceKm && a.volumeTerm == b.volumeTerm
        }
        #expect(!ties.isEmpty)
        for filter in filters(of: all) {
            let kept = all.filter(filter.accepts)
            #expect(!kept.isEmpty && kept.count < all.count || filter == SynergyFilter())
            for sort in SynergySort.allCases {
                // Ranked from the built synergies' own keys and identifiers.
                let expected = Ranker(sort: sort, filter: filter).rank(all).map(\.id)
                for (limit, threads) in [(nil, 2), (5, 1)] as [(Int?, Int)] {
                    let ranked = run(Ranker(sort: sort, filter: filter, limit: limit), threads: threads)
                    let shown = limit.map { Array(expected.prefix($0)) } ?? expected
                    #expect(ranked.synergies.map(\.id) == shown, "\(sort), \(filter), \(String(describing: limit))")
                    #expect(ranked.matching == kept.count)
                }
            }
        }
    }

    /// The synergies built from the candidates are those matching builds in full: each with its
    /// per-need count, whatever the limit.
    @Test func theSynergiesShownAreBuiltWhole() {
        let all = run(Ranker()).synergies
        let first = run(Ranker(limit: 20), threads: 2)
        #expect(first.synergies.count == 20)
        for (shown, whole) in zip(first.synergies, all) {
            #expect(shown == whole)
        }
    }
}
