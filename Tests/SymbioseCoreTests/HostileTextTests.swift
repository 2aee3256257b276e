import Foundation
import SymbioseCore
import Testing

/// Hostile text stays cheap and harmless: a megabyte where a code is expected costs no more
/// than a short one, and diagnostics print it cut and without terminal escapes.
@Suite struct HostileTextTests {
    @Test func diagnosticsEscapeControlsAndCutLongValues() {
        let escape = Diagnostic.printable("A\u{1B}[31mRED\u{7}")
        #expect(escape == "A\\u{1B}[31mRED\\u{7}")
        let long = Diagnostic.printable(String(repeating: "é", count: 100_000))
        #expect(long.count < Diagnostic.longestPrinted + 40)
        #expect(long.hasSuffix("… (100000 characters)"))
        let diagnostic = Diagnostic.error(
            .profileUnknownResource, LocalizedText(en: "unknown \u{1B}[2J", fr: "inconnu \u{1B}[2J"))
        #expect(!diagnostic.rendered.contains("\u{1B}"))
    }

    @Test func aHugeUnknownCodeCostsNoMoreThanAShortOne() {
        let taxonomy = TaxonomyFile.builtIn
        let huge = String(repeating: "é", count: 1_000_000)
        let clock = ContinuousClock()
        var suggestions: [ResourceCode] = []
        let elapsed = clock.measure { suggestions = taxonomy.suggestions(forUnknownCode: huge) }
        // Not a timing assertion: the work is bounded by the query cap, so nothing is found and
        // the call returns; the figure goes to the log for a person reading it.
        #expect(suggestions.isEmpty)
        print("suggestions for a 1,000,000-character code: \(elapsed)")
        #expect(
            taxonomy.suggestions(forUnknownCode: "material.metal.steel-scarp").first == "material.metal.steel-scrap")
        #expect(taxonomy.search(huge + " carton", language: .fr).isEmpty)
    }
}
