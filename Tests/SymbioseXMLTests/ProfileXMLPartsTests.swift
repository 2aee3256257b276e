import Foundation
import SymbioseCore
import Testing

@testable import SymbioseXML

/// A large collection is read in parts, on one or two threads: the profiles, every field's
/// line and path, and every error must be those of reading it whole.
@Suite struct ProfileXMLPartsTests {
    private static let collection = ProfileXML.encode(
        TerritoryGenerator(sites: 300, seed: 3).generate(), asCollection: true)

    private typealias Result = (profiles: [LoadedProfile], diagnostics: [Diagnostic])

    private func read(_ text: String, linesPerPart: Int, threads: Int) -> Result {
        ProfileXML.decode(
            Array(text.utf8), file: "t.xml", threads: threads, limits: .standard, linesPerPart: linesPerPart)
    }

    /// Each profile's whole location and every field's, then every diagnostic, as text.
    private func located(_ result: Result) -> [String] {
        result.profiles.map { loaded in
            let fields = loaded.source.fields.all.sorted { $0.key < $1.key }
            return "\(loaded.source.whole) " + fields.map { "\($0.key)=\($0.location)" }.joined(separator: "; ")
        } + result.diagnostics.map { "\($0.code) \($0.location.map(\.prefix) ?? "") \($0.message)" }
    }

    /// The document read whole, then in parts of 40 lines on one and on two threads.
    private func readings(_ text: String) -> [Result] {
        [
            read(text, linesPerPart: .max, threads: 1), read(text, linesPerPart: 40, threads: 1),
            read(text, linesPerPart: 40, threads: 2),
        ]
    }

    /// `text` with the `ordinal`th occurrence (from 1) of `target` replaced.
    private func replacing(_ ordinal: Int, of target: String, with replacement: String, in text: String) -> String {
        let pieces = text.components(separatedBy: target)
        precondition(pieces.count > ordinal)
        return pieces[..<ordinal].joined(separator: target) + replacement
            + pieces[ordinal...].joined(separator: target)
    }

    /// The line of the first occurrence of `target`.
    private func line(of target: String, in text: String) -> Int {
        let end = text.range(of: target)!.lowerBound
        return text[..<end].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
    }

    @Test func aCollectionReadInPartsIsTheSameAsReadWhole() throws {
        let bytes = Array(Self.collection.utf8)
        #expect(XMLCollectionSplit(bytes, linesPerPart: .max)?.parts.count == nil)
        let split = try #require(XMLCollectionSplit(bytes, linesPerPart: 40))
        #expect(split.parts.count > 50)
        let results = readings(Self.collection)
        #expect(results[0].profiles.count == 300)
        #expect(results[0].diagnostics.allSatisfy { $0.severity != .error })
        #expect(results[0].profiles.last?.source.whole.path == "/profiles/profile[300]")
        for result in results.dropFirst() {
            #expect(result.profiles.map(\.profile) == results[0].profiles.map(\.profile))
            #expect(located(result) == located(results[0]))
        }
    }

    @Test func schemaViolationsInSeveralPartsAreAllReportedAtTheirLines() {
        var text = replacing(250, of: #" unit="t""#, with: #" unit="tonnes""#, in: Self.collection)
        text = replacing(10, of: #" unit="t""#, with: #" unit="tons""#, in: text)
        let results = readings(text)
        #expect(results[0].profiles.isEmpty)
        #expect(results[0].diagnostics.map(\.code) == [.xmlSchema, .xmlSchema])
        #expect(
            results[0].diagnostics.map(\.location?.line) == [line(of: "tons", in: text), line(of: "tonnes", in: text)])
        for result in results.dropFirst() { #expect(located(result) == located(results[0])) }
    }

    @Test func aMalformationLateInTheDocumentIsTheOneReported() {
        var text = replacing(280, of: "</output>", with: "</outpt>", in: Self.collection)
        text = replacing(30, of: #" unit="t""#, with: #" unit="tons""#, in: text)
        let results = readings(text)
        #expect(results[0].diagnostics.map(\.code) == [.xmlMalformed])
        #expect(results[0].diagnostics.first?.location?.line == line(of: "</outpt>", in: text))
        for result in results.dropFirst() { #expect(located(result) == located(results[0])) }
    }

    /// Comments and processing instructions over several lines, between profiles and inside
    /// one, with markup in them: the parts still start at profiles and count every line.
    @Test func commentsAndInstructionsKeepEveryLineInParts() {
        var text = replacing(
            40, of: "<profile>", with: "<!-- a\n<profile> in\n a comment -->\n<?note\n<profile>\n?>\n<profile>",
            in: Self.collection)
        text = replacing(200, of: "<site ", with: "<!-- \n<site/>\n --><site ", in: text)
        let results = readings(text)
        #expect(results[0].profiles.count == 300)
        #expect(results[0].diagnostics.allSatisfy { $0.severity != .error })
        for result in results.dropFirst() { #expect(located(result) == located(results[0])) }
    }

    @Test func aCollectionOfOneProfileKeepsItsPathWithoutIndex() throws {
        let one = ProfileXML.encode(
            Array(TerritoryGenerator(sites: 1, seed: 3).generate().prefix(1)), asCollection: true)
        let padded = one.replacingOccurrences(of: "<profile>", with: String(repeating: "\n", count: 100) + "<profile>")
        for result in readings(padded) {
            #expect(result.profiles.map(\.source.whole.path) == ["/profiles/profile"])
        }
    }

    /// libxml2 keeps an element's line in 16 bits; beyond line 65,535 the parts keep it exact.
    @Test func linesBeyond65535AreExact() throws {
        let text = ProfileXML.encode(TerritoryGenerator(sites: 6_000, seed: 5).generate(), asCollection: true)
        let lines = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        try #require(lines > 70_000)
        let result = ProfileXML.decode(Array(text.utf8), file: "big.xml", threads: 2)
        let last = try #require(result.profiles.last)
        let start = text.range(of: "<profile>", options: .backwards)!.lowerBound
        let profileLine = text[..<start].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
        #expect(last.source.whole.line == profileLine)
        #expect(last.source.locate("company.name").line == profileLine + 1)
        #expect(last.source.locate("site").line == profileLine + 2)
    }
}
