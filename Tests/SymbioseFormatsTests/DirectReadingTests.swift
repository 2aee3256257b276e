import SymbioseCore
import Testing

@testable import SymbioseFormats

/// A collection's sound profiles are read straight from the text; anything else is parsed and
/// decoded whole. Either way the result is the same.
@Suite struct DirectReadingTests {
    /// What a reading gives: the profiles, where each stands, their field locations, the
    /// diagnostics.
    private struct Read: Equatable {
        var profiles: [Profile]
        var wholes: [SymbioseCore.SourceLocation]
        var fields: [[String]]
        var diagnostics: [Diagnostic]
    }

    private func read(_ bytes: [UInt8], threads: Int, direct: Bool) -> Read {
        let (loaded, diagnostics) = ProfileJSON.decode(
            bytes, file: "t.json", threads: threads, limits: .standard, progress: nil, direct: direct)
        return Read(
            profiles: loaded.map(\.profile), wholes: loaded.map(\.source.whole),
            fields: loaded.map { $0.source.fields.all.map { "\($0.key) \($0.location)" }.sorted() },
            diagnostics: diagnostics)
    }

    /// The profiles read straight from the text, element by element (`nil` where the direct
    /// reading gave up).
    private func direct(_ bytes: [UInt8]) throws -> [Profile?] {
        let parsed = try JSONParser.parse(bytes, streaming: "profiles", threads: 1) {
            (parser, _, _) throws(JSONParser.Failure) -> Profile? in
            let mark = parser.mark
            let profile = try? ProfileJSON.directProfile(&parser)
            parser.reset(to: mark)
            _ = try parser.parseValue()
            return profile
        }
        return parsed.parts.flatMap { $0 }
    }

    /// Profiles using every member of the format, strings with escapes and accents, numbers
    /// in every notation.
    static let rich = #"""
        {"schema": "symbiose/profiles@1", "profiles": [
          {"schema": "symbiose/profile@1",
           "company": {"id": "c1", "name": "Fonderie \"Le Creuset\" — Île", "naf": "24.51Z",
                       "siret": "12345678900011", "employees": 120, "group": "G\u00e9n\u00e9rale"},
           "site": {"lat": 45.5, "lon": -0.25e1, "approximate": true, "commune": "Saint-Étienne",
                    "postcode": "42000", "zone": "ZI Nord", "address": "1 rue\tdes Forges"},
           "contact": {"name": "Zoé", "email": "z@example.org", "phone": "+33 4 00 00 00 00"},
           "outputs": [
             {"id": "o1", "resource": "heat.hot-water", "quantity": {"value": 1.5E3, "unit": "MWh", "per": "year"},
              "temperature": 85, "medium": "water", "months": [10, 11, 12, 1, 2], "status": "surplus",
              "confidence": "measured", "maxDistanceKm": 4.5, "note": "ligne 1\nligne 2",
              "monthShares": [1, 2, 3.5, 0, 1e-2], "confidential": false, "planned": true},
             {"id": "o2", "ewc": "10 09 03", "quantity": {"value": 200, "unit": "t"}, "state": "solid",
              "hazardous": false, "contaminants": ["Pb", "Zn"], "disposalCost": {"value": 80, "unit": "t"},
              "outlet": "landfill", "oneOff": "2027-03", "purity": 92.5, "existingPartner": "c9"},
             {"id": "o3", "resourceText": "boues de station", "quantity": {"value": 2, "unit": "MW", "hours": 4000},
              "status": "by-product", "grade": "process", "methane": 60}
           ],
           "inputs": [
             {"id": "i1", "resource": "water.process", "quantity": {"value": 5000, "unit": "m3", "per": "month"},
              "price": {"value": 1.2, "currency": "EUR", "unit": "m3"}, "grade": "process", "months": []}
           ]},
          {"company": {"id": "c2", "name": "B"}, "site": {}},
          {"company": {"id": "c3", "name": "C"}, "site": {"lat": 0, "lon": 0}, "outputs": [], "inputs": [],
           "contact": {}}
        ]}
        """#

    @Test func everyGeneratedProfileIsReadDirectlyAsTheTreeReadsIt() throws {
        let generated = TerritoryGenerator(sites: 600, seed: 11).generate()
        let bytes = Array(ProfileJSON.encode(generated, asCollection: true).utf8)
        let profiles = try direct(bytes)
        #expect(profiles.count == generated.count)
        #expect(profiles.allSatisfy { $0 != nil })
        let tree = read(bytes, threads: 1, direct: false)
        #expect(profiles.compactMap { $0 } == tree.profiles)
        for threads in [1, 2, 3] {
            #expect(read(bytes, threads: threads, direct: true) == tree)
        }
    }

    @Test func everyMemberOfTheFormatIsReadDirectly() throws {
        let bytes = Array(Self.rich.utf8)
        let profiles = try direct(bytes)
        #expect(profiles.count == 3)
        #expect(profiles.allSatisfy { $0 != nil })
        let tree = read(bytes, threads: 1, direct: false)
        #expect(tree.diagnostics.isEmpty)
        #expect(profiles.compactMap { $0 } == tree.profiles)
        #expect(read(bytes, threads: 1, direct: true) == tree)
        // The profile read directly has what the text says.
        let first = try #require(profiles.first ?? nil)
        #expect(first.company.name == "Fonderie \"Le Creuset\" — Île")
        #expect(first.company.group == "Générale")
        #expect(first.site.longitude == -2.5)
        #expect(
            first.outputs.map(\.availability) == [
                .seasonal(months: [10, 11, 12, 1, 2]), .oneOff(year: 2027, month: 3), .continuous,
            ])
        #expect(first.outputs[2].quantity?.period == nil)
        #expect(first.inputs.first?.availability == .seasonal(months: []))
    }

    /// Each change makes the tree's decoding report something, or the text not JSON: the
    /// direct reading gives up there, and both readings give the same profiles and diagnostics.
    static let changes: [(String, String)] = [
        (#""employees": 120"#, #""employees": 120.5"#),
        (#""lat": 45.5"#, #""lat": 1e999"#), (#""lat": 45.5"#, #""lat": "45.5""#),
        (#""unit": "MWh""#, #""unit": "Mwh""#), (#""per": "year""#, #""per": "annum""#),
        (#""medium": "water""#, #""medium": "eau""#), (#""months": [10, 11"#, #""months": [10.5, 11"#),
        (#""oneOff": "2027-03""#, #""oneOff": "mars""#),
        (#""id": "o3", "#, #""id": "o3", "months": [1], "oneOff": "2027-01", "#),
        (#""id": "o1", "#, ""), (#"{"id": "c2", "name": "B"}"#, #"{"id": "c2"}"#),
        (#""site": {}"#, #""site": []"#), (#""naf": "24.51Z""#, #""naf": "24.51Z", "naf": "x""#),
        (#""siret""#, #""siren""#), (#""contaminants": ["Pb""#, #""contaminants": [1"#),
        (#""monthShares": [1"#, #""monthShares": ["1""#), (#""planned": true"#, #""planned": "true""#),
        (#""outputs": [],"#, #""outputs": [,],"#), (#""confidential": false"#, #""confidential": false,"#),
        (#""schema": "symbiose/profile@1","#, #""schema": "symbiose/profile@2","#),
        (#""quantity": {"value": 200, "unit": "t"}"#, #""quantity": {"unit": "t"}"#),
        (#""contact": {}"#, #""contact": 3"#), (#""Zoé""#, "\"Zo\u{1}\""), (#""address""#, #""address": 1, "x""#),
    ]

    @Test func whatTheTreeWouldReportIsReadThroughTheTree() {
        for (from, to) in Self.changes {
            let text = Self.rich.replacingOccurrences(of: from, with: to)
            #expect(text != Self.rich, "no \(from)")
            let bytes = Array(text.utf8)
            let tree = read(bytes, threads: 1, direct: false)
            #expect(!tree.diagnostics.isEmpty, "\(to)")
            #expect(read(bytes, threads: 1, direct: true) == tree, "\(to)")
        }
    }

    /// A member name written with escapes, or a member given as null, is sound but left to the
    /// tree.
    @Test(arguments: [(#""naf""#, #""na\u0066""#), (#""employees": 120"#, #""employees": null"#)])
    func soundTextsTheDirectReadingLeavesToTheTree(from: String, to: String) throws {
        let bytes = Array(Self.rich.replacingOccurrences(of: from, with: to).utf8)
        #expect(try direct(bytes).first == .some(nil))
        let tree = read(bytes, threads: 1, direct: false)
        #expect(tree.diagnostics.isEmpty)
        #expect(tree.profiles.count == 3)
        #expect(read(bytes, threads: 1, direct: true) == tree)
    }

    /// Random damage — a byte replaced, dropped or repeated — never makes the two readings differ.
    @Test func damagedTextsReadTheSameBothWays() {
        var random = SeededRandom(seed: 5)
        let original = Array(Self.rich.utf8)
        let bytes: [UInt8] = Array(#"{}[]",:0123456789.eE-+tfn\u "#.utf8) + [0xC3, 0xA9, 0xFF, 0x0A]
        var differing = 0
        for _ in 0..<1_500 {
            var text = original
            let at = random.int(0...text.count - 1)
            switch random.int(0...2) {
            case 0: text[at] = bytes[random.int(0...bytes.count - 1)]
            case 1: text.remove(at: at)
            default: text.insert(text[at], at: at)
            }
            let tree = read(text, threads: 1, direct: false)
            if tree != read(original, threads: 1, direct: false) { differing += 1 }
            #expect(read(text, threads: 1, direct: true) == tree)
        }
        // Most damage changes what is read: the comparison is not between unchanged texts.
        #expect(differing > 1_000)
    }
}
