import SymbioseCore
import SymbioseTestSupport
import Testing

@testable import SymbioseReport

/// A synergy is described once and written two ways: straight to text (the recommendations
/// and their lines) or made whole first (the plan's documents). Both give the same text.
@Suite struct SynergyJSONTests {
    @Test func aSynergyWrittenStraightIsTheSynergyMadeWhole() throws {
        let (loaded, diagnostics) = try TestSupport.demoProfiles()
        let profiles = loaded.map(\.profile)
        let result = MatchPipeline(taxonomy: TaxonomyFile.builtIn).run(loaded, validation: diagnostics)
        let impacts = ImpactCalculator.impacts(of: result.synergies, calculator: TestSupport.calculator(profiles))
        let reasons = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .fr)
        #expect(result.synergies.contains { if case .pooling = $0 { true } else { false } })
        #expect(result.synergies.contains { impacts[$0.id] != nil })
        for (offset, synergy) in result.synergies.enumerated() {
            for layout in [JSONWriter.Layout.pretty, .compact] {
                var writer = JSONWriter(layout: layout, indent: 4)
                RecommendationsJSON.write(
                    synergy, rank: offset + 1, impact: impacts[synergy.id], writer: reasons, to: &writer)
                let whole = JSONTreeBuilder.build {
                    RecommendationsJSON.write(
                        synergy, rank: offset + 1, impact: impacts[synergy.id], writer: reasons, to: &$0)
                }
                var expected = JSONWriter(layout: layout, indent: 4)
                expected.value(whole)
                #expect(writer.string == expected.string)
                #expect(writer.string.contains("\"reason\""))
            }
        }
    }
}
