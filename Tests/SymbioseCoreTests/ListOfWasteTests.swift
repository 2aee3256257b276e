import SymbioseCore
import SymbioseTestSupport
import Testing

/// The whole European List of Waste is embedded, each entry mapped to a code that exists, and
/// flows are checked against it.
@Suite struct ListOfWasteTests {
    let list = ListOfWaste.shared
    let taxonomy = TaxonomyFile.builtIn

    @Test func everyEntryIsEmbeddedAndMappedToACodeThatExists() {
        // Decision 2000/532/EC as amended by 2014/955/EU: 842 entries under 20 chapters and
        // 111 sub-chapters.
        #expect(list.count == 842)
        #expect(list.headingCount == 131)
        #expect(list.all.filter(\.isHazardous).count == 408)
        for entry in list.all {
            #expect(taxonomy[entry.resource] != nil, "\(entry.code) → \(entry.resource)")
            #expect(["listed", "search", "chapter"].contains(entry.method))
            #expect(!entry.text.en.isEmpty && !entry.text.fr.isEmpty, "\(entry.code)")
        }
    }

    @Test func everyCodeTheTaxonomyListsIsAnEntryWithItsMark() {
        for code in taxonomy.codes {
            for ewc in taxonomy[code]?.ewc ?? [] {
                #expect(list.entry(ewc)?.code == ewc, "\(code): \(ewc)")
            }
        }
    }

    @Test func entriesAreFoundWithOrWithoutTheirMark() throws {
        let slag = try #require(list.entry("10 02 02"))
        #expect(slag.text.fr == "laitiers non traités" && !slag.isHazardous)
        #expect(list.headings(of: "10 02 02").map(\.en).last == "Wastes from the iron and steel industry")
        #expect(list.entry("16 06 01")?.code == "16 06 01*")
        #expect(list.entry("10 02 98") == nil)
    }

    private func findings(_ ewc: String) -> [Diagnostic] {
        let profile = MatchFixture.profile(
            "acme", at: MatchFixture.origin,
            outputs: [
                MatchFixture.output("slag", "material.mineral.slag", Quantity(value: 10, unit: .tonne)) {
                    $0.quality.ewc = ewc
                }
            ])
        return ProfileValidator(taxonomy: taxonomy).validate([profile]).filter { $0.code == .flowUnknownEWC }
    }

    @Test func aCodeThatIsNotInTheListIsALocatedError() throws {
        #expect(findings("10 02 02").isEmpty)
        let unknown = try #require(findings("10 02 98").first)
        #expect(unknown.severity == .error)
        #expect(unknown.notes.first?.contains("10 02 01") == true)
        let marked = try #require(findings("10 02 02*").first)
        #expect(marked.text.en.hasSuffix("the entry is 10 02 02, non-hazardous, without *"))
    }

    @Test func searchReadsTheListsTexts() {
        let found = taxonomy.search("laitiers non traités", language: .fr)
        let slag = found.prefix(3).first { $0.code == "material.mineral.slag" }
        #expect(slag?.reasons.contains { $0.field == "ewc" && $0.text == "laitiers non traités" } == true)
    }
}
