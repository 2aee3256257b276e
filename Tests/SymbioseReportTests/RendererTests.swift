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

    private func check(_ text: String, _ golden: String) {
        if let difference = TestSupport.compareGolden(text, golden) { Issue.record("\(difference)") }
    }

    @Test func demoTerritoryGoldenFiles() throws {
        let result = try demo()
        let top = Array(result.synergies.prefix(25))
        check(SynergyTable.render(top, result: result, taxonomy: taxonomy, language: .en), "demo-table-en.txt")
        check(SynergyTable.render(top, result: result, taxonomy: taxonomy, language: .fr), "demo-table-fr.txt")
        check(SynergyMarkdown.render(top, result: result, taxonomy: taxonomy, language: .fr), "demo-fr.md")
        check(
            RecommendationsJSON.render(
                result.synergies, result: result, taxonomy: taxonomy, settings: .default, language: .en),
            "demo-recommendations-en.json")
        check(
            SynergyCSV.render(result.synergies, taxonomy: taxonomy, language: .fr, separator: ";", byteOrderMark: true),
            "demo-fr.csv")
        check(
            SynergyCSV.render(
                result.synergies, taxonomy: taxonomy, language: .en, separator: ",", byteOrderMark: false),
            "demo-en.csv")
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        let first = try demo(), second = try demo()
        let a = RecommendationsJSON.render(
            first.synergies, result: first, taxonomy: taxonomy, settings: .default, language: .fr)
        let b = RecommendationsJSON.render(
            second.synergies, result: second, taxonomy: taxonomy, settings: .default, language: .fr)
        #expect(a == b)
    }

    @Test func tableFitsInOneHundredColumns() throws {
        let result = try demo()
        for language in Language.allCases {
            let table = SynergyTable.render(result.synergies, result: result, taxonomy: taxonomy, language: language)
            for line in table.split(separator: "\n") { #expect(line.count <= 100, "\(line)") }
        }
    }

    @Test func jsonIsValidAndCarriesTheFixedNames() throws {
        let result = try demo()
        let text = RecommendationsJSON.render(
            result.synergies, result: result, taxonomy: taxonomy, settings: .default, language: .en)
        let root = try JSONParser.parse(Array(text.utf8))
        guard case .object(let members) = root.value,
            case .array(let synergies)? = members.first(where: { $0.key == "synergies" })?.value.value,
            case .object(let first)? = synergies.first?.value
        else {
            Issue.record("unexpected shape")
            return
        }
        let keys = Set(first.map(\.key))
        #expect(
            keys.isSuperset(of: [
                "id", "rank", "kind", "score", "category", "resource", "explanation", "flags", "reason",
            ]))
        #expect(members.first?.value.value == .string("symbiose/recommendations@1"))
    }

    @Test func csvQuotesAndUsesDecimalCommas() {
        #expect(SynergyCSV.quote("a;b", separator: ";") == "\"a;b\"")
        #expect(SynergyCSV.quote("say \"hi\"", separator: ",") == "\"say \"\"hi\"\"\"")
        #expect(SynergyCSV.quote("plain", separator: ";") == "plain")
    }

    @Test func demoShortlistHasTheExpectedHeadliners() throws {
        let result = try demo()
        let top10 = result.synergies.prefix(10).map(\.id)
        #expect(top10.contains("verallia-cuffies.furnace-flue-gas>reseau-chaleur-soissons.network-heat"))
        #expect(top10.contains("pool.collection.material.paper.cardboard.asteelflash-soissons"))
        #expect(top10.contains("saica-pack-venizel.board-trimmings>saica-paper-venizel.recovered-paper"))
        // Distractors stay out of the shortlist: hazardous spent acid finds no outlet at all.
        #expect(!result.synergies.contains { $0.id.hasPrefix("traitement-surface-aisne.spent-acid>") })
    }
}
