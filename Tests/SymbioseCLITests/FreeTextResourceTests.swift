import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseTestSupport
import SymbioseXML
import Testing

/// A resource given in the firm's own words, or by its List of Waste code alone: a confident
/// reading is applied with a warning naming the code and the runner-up, an ambiguous one is a
/// located error listing the candidates, in every input format alike.
@Suite struct FreeTextResourceTests {
    /// A joinery naming its releases in words (one clear, one ambiguous) and by a List of Waste
    /// code, and a boiler house naming its need in words.
    static let territory = """
        {"schema": "symbiose/profiles@1", "profiles": [
          {"company": {"id": "joinery", "name": "Menuiserie", "naf": "16.23Z", "employees": 20},
           "site": {"lat": 49.38, "lon": 3.32},
           "outputs": [{"id": "dust", "resourceText": "sciure de bois",
                        "quantity": {"value": 300, "unit": "t", "per": "year"}, "status": "by-product"},
                       {"id": "metal", "resourceText": "fer et acier",
                        "quantity": {"value": 10, "unit": "t", "per": "year"}, "status": "waste"},
                       {"id": "chips", "ewc": "03 01 05",
                        "quantity": {"value": 50, "unit": "t", "per": "year"}, "status": "waste"}]},
          {"company": {"id": "panels", "name": "Panneaux", "naf": "16.21Z", "employees": 80},
           "site": {"lat": 49.385, "lon": 3.325},
           "inputs": [{"id": "fibre", "resourceText": "Sawdust",
                       "quantity": {"value": 500, "unit": "t", "per": "year"}}]}
        ]}
        """

    private func bytes(as format: ProfileLoader.Format) throws -> [UInt8] {
        let json = Array(Self.territory.utf8)
        let profiles = ProfileJSON.decode(json, file: "t.json").profiles.map(\.profile)
        #expect(profiles.count == 2 && profiles[0].outputs.count == 3)
        switch format {
        case .json: return json
        case .xml: return Array(ProfileXML.encode(profiles, asCollection: true).utf8)
        case .csv: return Array(ProfileSheet.csv(profiles, language: .fr).utf8)
        case .xlsx: return try ProfileSheet.xlsx(profiles, language: .en)
        }
    }

    @Test(arguments: ProfileLoader.Format.allCases)
    func wordsAreReadConfidentlyOrListCandidates(format: ProfileLoader.Format) throws {
        let file = "t.\(format.rawValue)"
        let outcome = Engine().run(.bytes(try bytes(as: format), file: file, format: format))
        let diagnostics = outcome.diagnostics
        let read = diagnostics.filter { $0.code == .flowResourceFromText }
        #expect(read.count == 2, "\(format): \(diagnostics.map(\.text.en))")
        #expect(read.contains { $0.text.en.hasPrefix("\"sciure de bois\" is read as material.wood.sawdust") })
        #expect(read.allSatisfy { $0.text.en.contains("next:") && $0.location?.file == file })
        let ambiguous = try #require(diagnostics.first { $0.code == .flowResourceAmbiguous }, "\(format)")
        #expect(ambiguous.severity == .error)
        #expect(ambiguous.notes.count >= 2 && ambiguous.notes[0].contains("material.metal."))
        #expect(ambiguous.location?.line != nil, "\(format): located")
        #expect(
            diagnostics.contains { $0.code == .flowResourceFromEWC && $0.text.en.contains("material.wood.shavings") })
        // The ambiguous flow is left out; the others are matched.
        let left = diagnostics.filter { $0.code == .matchExcludedFlow }
        #expect(left.count == 1 && left[0].text.en.hasPrefix("flow metal of joinery"), "\(format)")
        let matched = outcome.result.synergies.compactMap { synergy -> String? in
            guard case .substitution(let substitution) = synergy else { return nil }
            return "\(substitution.supplier.flow)→\(substitution.receiver.flow)"
        }
        #expect(matched.contains("dust→fibre"), "\(format): \(matched)")
    }

    @Test func importWritesTheChosenCodesBesideTheWords() throws {
        let clear = Self.territory.replacingOccurrences(of: "fer et acier", with: "ferraille")
        let engine = Engine()
        let validated = engine.validate(engine.load(.bytes(Array(clear.utf8), file: "t.json", format: .json)))
        #expect(!validated.diagnostics.containsErrors, "\(validated.diagnostics.map(\.text.en))")
        let joinery = try #require(validated.asGiven.first)
        #expect(
            joinery.outputs.map(\.resource.rawValue) == [
                "material.wood.sawdust", "material.metal.steel-scrap", "material.wood.shavings",
            ])
        #expect(joinery.outputs[0].resourceText == "sciure de bois")
        let xml = ProfileXML.encode([joinery], asCollection: false)
        #expect(xml.contains("resource=\"material.wood.sawdust\" resourceText=\"sciure de bois\""))
        let again = ProfileXML.decode(Array(xml.utf8), file: "j.xml")
        #expect(again.diagnostics.isEmpty && again.profiles.first?.profile == joinery)
    }

    @Test func importWritesNoPositionPlacedFromAPostcode() throws {
        let two = """
            {"schema": "symbiose/profiles@1", "profiles": [
             {"company": {"id": "a", "name": "A"}, "site": {"postcode": "02200"}},
             {"company": {"id": "b", "name": "B"}, "site": {"lat": 49.1, "lon": 3.2, "postcode": "02200"}}]}
            """
        let engine = Engine()
        let validated = engine.validate(engine.load(.bytes(Array(two.utf8), file: "t.json", format: .json)))
        try #require(validated.profiles.count == 2, "\(validated.diagnostics.map(\.text.en))")
        #expect(validated.profiles[0].profile.site.placedByPostcode)
        #expect(validated.profiles[0].profile.site.point != nil)
        let given = validated.asGiven
        #expect(given.count == 2)
        #expect(given[0].site.latitude == nil && given[0].site.longitude == nil && !given[0].site.approximate)
        #expect(given[0].site.postcode == "02200")
        #expect(given[1] == validated.profiles[1].profile)
    }

    @Test func aFlowWithNoResourceAtAllIsRefusedInEveryFormat() throws {
        let none = """
            {"schema": "symbiose/profile@1", "company": {"id": "a", "name": "A"}, "site": {"lat": 49, "lon": 3},
             "outputs": [{"id": "x", "quantity": {"value": 1, "unit": "t", "per": "year"}}]}
            """
        let json = ProfileJSON.decode(Array(none.utf8), file: "n.json")
        #expect(json.diagnostics.contains { $0.code == .jsonMissingField && $0.text.en.contains("resource") })
        let csv = "Company ID,Direction,Resource (text),Quantity,Unit\na,output,,1,t\n"
        let sheet = ProfileSheet.decodeCSV(Array(csv.utf8), file: "n.csv")
        #expect(sheet.diagnostics.contains { $0.code == .sheetMissingValue && $0.location?.line == 2 })
    }

    /// A complement says where a stream comes from, not what it is: the words before it decide
    /// when the whole is read as something else, and a whole read more specifically stands.
    @Test func theWordsBeforeAComplementSayWhatTheStreamIs() {
        let resolver = ResourceResolver(taxonomy: TaxonomyFile.builtIn)
        let cases: [(String, String, String?)] = [
            ("biogas from sewage sludge", "energy.biogas", "biogas"),
            ("carbon dioxide from fermentation", "material.gas.co2.biogenic", nil),
            ("waste heat from annealing furnaces", "heat", "waste heat"),
            ("sewage sludge", "material.sludge.sewage", nil),
        ]
        for (text, code, words) in cases {
            guard case .fromText(let best, _, let decided) = resolver.outcome(forText: text) else {
                Issue.record("\(text) is not read confidently")
                continue
            }
            #expect(best.code.rawValue == code, "\(text)")
            #expect(decided == words, "\(text)")
        }
    }

    /// The thresholds were set on the development list; on the held-out list, written after and
    /// never used to tune, a reading applied without asking is right at least 95 % of the time,
    /// and at least 80 % of names are read without asking (`Docs/taxonomy.md`).
    @Test(arguments: ["names.tsv", "held-out.tsv"])
    func confidentReadingsAreRightOnTheStreamNameLists(list: String) throws {
        let resolver = ResourceResolver(taxonomy: TaxonomyFile.builtIn)
        let text = try String(contentsOf: TestSupport.fixture("stream-names/\(list)"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        var (confident, right) = (0, 0)
        for row in rows {
            guard case .fromText(let best, _, _) = resolver.outcome(forText: row[0]) else { continue }
            confident += 1
            let accepted = row[2].split(separator: " ").map(String.init)
            if accepted.contains(where: { best.code.rawValue == $0 || best.code.rawValue.hasPrefix($0 + ".") }) {
                right += 1
            }
        }
        #expect(Double(confident) >= 0.8 * Double(rows.count), "\(confident)/\(rows.count) read without asking")
        #expect(Double(right) >= 0.95 * Double(confident), "\(right)/\(confident) right")
    }
}
