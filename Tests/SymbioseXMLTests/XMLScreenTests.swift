import Testing

@testable import SymbioseXML

/// The pass before libxml2 finds what it refuses, on the line of the tag, and only outside
/// quoted values, comments, CDATA sections and processing instructions.
@Suite struct XMLScreenTests {
    private func screen(_ text: String, maximumElements: Int = .max) -> XMLScreen.Finding? {
        XMLScreen.firstProblem(in: Array(text.utf8), maximumElements: maximumElements)
    }

    @Test func markupInsideValuesCommentsAndSectionsIsNotMarkup() {
        let text = """
            <?xml version="1.0"?>
            <!-- <!DOCTYPE x> <a b="1" c="2"> -->
            <p a='x > y' b="<!DOCTYPE" c="=">
              <![CDATA[ <!DOCTYPE q> <e/><e/> ]]>
              <?pi <!DOCTYPE?>
              <e f="1"/>
            </p>
            """
        #expect(screen(text) == nil)
        #expect(screen(text, maximumElements: 2) == nil)
        #expect(screen(text, maximumElements: 1) == .tooManyElements(line: 6))
    }

    @Test func findingsStandOnTheirTagsLine() {
        #expect(screen("<a>\n\n <!DOCTYPE a>") == .doctype(line: 3))
        let many = (0...XMLScreen.maximumAttributes).map { "a\($0)='=' " }.joined()
        #expect(screen("<r>\n<e\n \(many)/>\n</r>") == .tooManyAttributes(line: 2))
        #expect(screen("<r>\n<e \(many.dropLast(8))/>") == nil)
        // An unclosed value or comment runs to the end: nothing more is counted.
        #expect(screen("<r a=\"<e/><e/>", maximumElements: 1) == nil)
        #expect(screen("<r><!-- <e/><e/>", maximumElements: 1) == nil)
        #expect(screen("<r/><", maximumElements: 1) == nil)
    }
}
