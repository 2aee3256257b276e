import Testing

@testable import SymbioseCore

/// Folding a character at a time gives what folding the whole text gives.
@Suite struct TextFoldingTests {
    private let names = embeddedCommunesFR.split(separator: "\n").dropFirst().compactMap { line in
        line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
    }

    @Test func everyCommuneNameFoldsAsAWhole() {
        #expect(names.count > 30_000)
        let different = names.filter { TextFolding.fold($0) != TextFolding.foldWhole($0) }
        #expect(different.isEmpty, "\(different.prefix(5))")
    }

    /// A commune's key is its folded words, `st` and `ste` spelt out, without a leading article
    /// when a name follows it.
    @Test func everyCommuneKeyIsItsWordsWithoutALeadingArticle() {
        func expected(_ name: String) -> String {
            var words = TextFolding.foldWhole(name).split(separator: " ").map { word in
                word == "st" ? "saint" : word == "ste" ? "sainte" : String(word)
            }
            if words.count > 1, ["le", "la", "les", "l"].contains(words[0]) { words.removeFirst() }
            return words.joined(separator: " ")
        }
        let different = (names + ["L'Isle", "Le  Mans ", "St-Ouen-l'Aumône", "Ste Marie", "les", " ", "Œ"]).filter {
            PlaceTable.key($0) != expected($0)
        }
        #expect(different.isEmpty, "\(different.prefix(5))")
    }

    @Test(arguments: [
        "Drêches de Brasserie", "L'Haÿ-les-Roses", "ŒUVRE Æther Straße", "İzmir", "e\u{301}te\u{301}",
        "Łódź", "Ørsted", "Ǆemal", "Ελλάδα", "“Boues” — 10 % H₂O", "", "\t\n\u{0}", "ÀÉÎÕÜ àéîõü ÿŸ",
    ])
    func mixedTextFoldsAsAWhole(text: String) {
        #expect(TextFolding.fold(text) == TextFolding.foldWhole(text))
    }

    @Test func latinCharactersFoldAsAWholeInAnyOrder() {
        // Pseudo-random texts of characters below U+0180, the ones folded from the table.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<12 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(Unicode.Scalar(UInt32(state >> 33) % 0x180)!)
            }
            #expect(TextFolding.fold(text) == TextFolding.foldWhole(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test func foldingKeepsLettersAndDigitsOnly() {
        #expect(TextFolding.fold("St-Quentin (02) Œuvre") == "st quentin  02  oeuvre")
        #expect(PlaceTable.key("L'Abergement-Clémenciat") == "abergement clemenciat")
    }
}
