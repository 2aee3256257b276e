import Foundation
import SymbioseCore
import SymbioseReport
import SymbioseTestSupport
import Testing

@Suite struct RendererTests {
    let taxonomy = TaxonomyFile.builtIn

    private func demo() throws -> MatchResult {
        let (profiles, diagnostics) = try TestSupport.demoProfiles()
        return MatchPipeline(taxonomy: taxonomy).run(profiles, validation: diagnostics)
    }

    private func demoProfiles() throws -> [Profile] { try TestSupport.demoProfiles().profiles.map(\.profile) }

    private func impacts(_ synergies: [Synergy]) throws -> [String: SynergyImpact] {
        ImpactCalculator.impacts(of: synergies, calculator: TestSupport.calculator(try demoProfiles()))
    }

    private func json(_ result: MatchResult, language: Language) throws -> String {
        RecommendationsJSON.render(
            result.synergies, result: result, taxonomy: taxonomy, settings: .default,
            impacts: try impacts(result.synergies), factorsVersion: FactorsFile.builtIn.version, language: language)
    }

    private func check(_ text: String, _ golden: String) {
        if let difference = TestSupport.compareGolden(text, golden) { Issue.record("\(difference)") }
    }

    /// The one demo-wide golden file: an end-to-end check of matching, impacts and rendering
    /// together (each renderer has its own golden on the hand-built sample report).
    @Test func demoRecommendationsMatchGolden() throws {
        check(try json(try demo(), language: .en), "demo-recommendations-en.json")
    }

    @Test func demoPlanFitsTheTerminalAndIsNoWorseThanGreedy() throws {
        let result = try demo()
        let profiles = try demoProfiles()
        let (plan, network) = TestSupport.plan(result, profiles: profiles)
        let table = PlanText.render(
            plan, network: network, shown: plan.synergies, result: result, profiles: profiles, taxonomy: taxonomy,
            markdown: false, language: .en)
        for line in table.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        // The plan is never worse than greedy (with minimum pipe sizes, it keeps the better).
        #expect(plan.optimal.value >= plan.greedy.value)
        #expect(network.isolated.map(\.company) == ["imprimerie-du-soissonnais", "port-fluvial-soissons"])
        #expect(!network.chains.isEmpty)
    }

    /// The workshop's story: the glassworks' flue gas heats the town's network. Minimum pipe
    /// sizes made the flow alone send it to the paper mill and the hospital; serving the
    /// left-out pair first reaches more, so the plan takes it and says what each other
    /// left-out pair would cost.
    @Test func demoPlanSendsTheFlueGasToTheHeatNetworkAndShowsWhatItLeavesOut() throws {
        let result = try demo()
        let profiles = try demoProfiles()
        let (plan, _) = TestSupport.plan(result, profiles: profiles)
        let ids = Set(plan.optimal.allocations.map(\.synergy.id))
        #expect(ids.contains("verallia-cuffies.furnace-flue-gas>reseau-chaleur-soissons.network-heat"))
        #expect(plan.alternatives.count == 3)
        for alternative in plan.alternatives {
            let s = alternative.allocation.synergy
            #expect(!ids.contains(s.id))
            #expect(alternative.value <= plan.optimal.value)
            #expect(
                alternative.displaced.allSatisfy {
                    $0.synergy.supplier == s.supplier || $0.synergy.receiver == s.receiver
                })
            #expect(alternative.displaced.allSatisfy { $0.value > 0 && ids.contains($0.synergy.id) })
        }
        let scores = plan.alternatives.map(\.allocation.synergy.score)
        #expect(scores == scores.sorted(by: >))
        let french = PlanText.render(
            plan, network: SynergyNetwork(plan: plan, synergies: result.synergies, profiles: profiles),
            shown: plan.synergies, result: result, profiles: profiles, taxonomy: taxonomy, markdown: true,
            language: .fr)
        #expect(french.contains("Écartées par le plan malgré un bon classement"))
        #expect(french.contains("de moins"))
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let first = try demo(), second = try demo()
        #expect(try json(first, language: .fr) == json(second, language: .fr))
    }

    @Test func jsonWrittenOnSeveralThreadsIsTheSame() throws {
        let generated = TerritoryGenerator(sites: 2_600, seed: 2).generate()
        let result = MatchPipeline(taxonomy: taxonomy).run(generated.map { TestSupport.loaded($0) })
        let impacts = ImpactCalculator.impacts(of: result.synergies, calculator: TestSupport.calculator(generated))
        func written(threads: Int) -> (text: String, pieces: Int) {
            var text = ""
            var pieces = 0
            RecommendationsJSON.write(
                result.synergies, result: result, taxonomy: taxonomy, settings: .default, impacts: impacts,
                factorsVersion: FactorsFile.builtIn.version, language: .fr, threads: threads
            ) {
                text += $0
                pieces += 1
            }
            return (text, pieces)
        }
        let alone = written(threads: 1)
        let split = written(threads: 3)
        #expect(alone.text == split.text)
        #expect(result.synergies.count > 4_096)  // so that the list is written in several batches
        #expect(alone.pieces > 2)
    }

    @Test func tableFitsInOneHundredColumns() throws {
        let result = try demo()
        for language in Language.allCases {
            let table = SynergyTable.render(
                result.synergies, result: result, taxonomy: taxonomy, impacts: try impacts(result.synergies),
                language: language)
            for line in table.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        }
    }

    @Test func jsonIsValidAndCarriesTheFixedNames() throws {
        let result = try demo()
        let text = try json(result, language: .en)
        let root = try JSONParser.parse(Array(text.utf8))
        guard case .object(let members) = root.value,
            case .array(let synergies)? = members.first(where: { $0.key == "synergies" })?.value.value,
            case .object(let first)? = synergies.first?.value
        else {
            Issue.record("unexpected shape")
            return
        }
        let keys = Set(first.map { $0.key })
        #expect(
            keys.isSuperset(of: [
                "id", "rank", "kind", "score", "category", "resource", "explanation", "flags", "reason",
            ]))
        #expect(members.first?.value.value == .string("symbiose/recommendations@1"))
    }

    @Test func csvQuotesAndUsesDecimalCommas() {
        #expect(CSVWriter.field("a;b", separator: ";") == "\"a;b\"")
        #expect(CSVWriter.field("say \"hi\"", separator: ",") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("plain", separator: ";") == "plain")
        #expect(CSVWriter.field(" padded", separator: ",") == "\" padded\"")
        #expect(CSVWriter.field("two\nlines", separator: ",") == "\"two\nlines\"")
        #expect(
            CSVWriter.text([["a", "b c"], ["1,5", ""]], separator: ";", byteOrderMark: true)
                == "\u{FEFF}a;b c\r\n1,5;\r\n")
        #expect(NumberFormatting.plain(1234.5, decimalMark: ",") == "1234,5")
        #expect(NumberFormatting.plain(0.1, decimalMark: ".") == "0.1")
        #expect(Language.fr.takesPlural(0) == false && Language.en.takesPlural(0))
    }

    @Test func demoShortlistHasTheExpectedHeadliners() throws {
        let result = try demo()
        // The headliners a facilitator expects, in the top 20 (Verallia's flat flue-gas heat covers
        // about three quarters of the network's winter-peaking load, month by month).
        let top20 = result.synergies.prefix(20).map(\.id)
        #expect(top20.contains("verallia-cuffies.furnace-flue-gas>reseau-chaleur-soissons.network-heat"))
        #expect(top20.contains("pool.collection.material.paper.cardboard.asteelflash-soissons"))
        #expect(top20.contains("centre-tri-soissonnais.household-cullet>verallia-cuffies.cullet"))
        // Saica Pack and Saica Paper are one group: their exchange is internal, not proposed.
        #expect(!result.synergies.contains { $0.id.hasPrefix("saica-pack-venizel.board-trimmings>saica-paper") })
        // Service swaps come last, in their own section, whatever their score.
        let firstService = try #require(result.synergies.firstIndex { $0.isServiceSwap })
        #expect(result.synergies[firstService...].allSatisfy { $0.isServiceSwap })
        #expect(result.synergies[..<firstService].contains { $0.score < result.synergies[firstService].score })
        // Distractors stay out of the shortlist: hazardous spent acid finds no outlet at all.
        #expect(!result.synergies.contains { $0.id.hasPrefix("traitement-surface-aisne.spent-acid>") })
    }
}
