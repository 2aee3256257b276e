import Foundation
import SymbioseCore

/// A lexical pass over XML bytes before libxml2 sees them: libxml2 checks an element's
/// attributes against each other, which is quadratic in their number (100,000 attributes on one
/// element took two minutes), so an element carrying more than `maximumAttributes` is refused
/// first (`xml.too-many-attributes`); a document of more elements than the reader's limit
/// is refused before any tree is built (`input.too-many-values`); and a document type
/// declaration is refused before libxml2 reads its entities (`xml.doctype`), which the parsers
/// also check for documents in encodings other than UTF-8. One pass, no allocation per byte.
enum XMLScreen {
    /// What the pass found, and on which line.
    enum Finding: Equatable {
        case tooManyAttributes(line: Int)
        case tooManyElements(line: Int)
        case doctype(line: Int)
    }

    /// The most attributes an element may carry: the profile schema's widest element has fewer
    /// than 20, a worksheet cell three.
    static let maximumAttributes = 64

    /// The first start tag carrying more than `maximumAttributes` attributes, the first beyond
    /// `maximumElements`, or the first `<!DOCTYPE`, outside comments, CDATA sections and
    /// processing instructions.
    ///
    /// Lines are counted only for a finding: the pass jumps from one `<` to the next, and over
    /// quoted values, with `memchr`. It runs on one thread before any other work starts; byte
    /// by byte, counting lines, it took over half as long again.
    static func firstProblem(in bytes: [UInt8], maximumElements: Int = .max) -> Finding? {
        bytes.withUnsafeBufferPointer { firstProblem(in: $0, maximumElements: maximumElements) }
    }

    private static func firstProblem(in bytes: UnsafeBufferPointer<UInt8>, maximumElements: Int) -> Finding? {
        let (lt, bang, question) = (UInt8(ascii: "<"), UInt8(ascii: "!"), UInt8(ascii: "?"))
        func line(_ position: Int) -> Int { 1 + bytes[..<position].count(where: { $0 == 0x0A }) }
        var index = 0
        var elements = 0
        while let open = find(lt, in: bytes, from: index), open + 1 < bytes.count {
            let next = bytes[open + 1]
            if next == bang, isDoctype(bytes, at: open + 2) { return .doctype(line: line(open)) }
            if next == bang || next == question {
                // Comments, CDATA, declarations and processing instructions hold no attributes.
                index = after(closing(bytes, open), in: bytes, from: open + 2)
                continue
            }
            if next != UInt8(ascii: "/") {
                elements += 1
                if elements > maximumElements { return .tooManyElements(line: line(open)) }
            }
            let (close, equals) = tagEnd(bytes, from: open + 1)
            if equals > maximumAttributes { return .tooManyAttributes(line: line(open)) }
            index = close + 1
        }
        return nil
    }

    /// The position of the first `byte` from `start`, if any.
    private static func find(_ byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The end of a tag read from `start`, as ``tagEnd(_:from:line:)`` gives it: quoted values
    /// are skipped whole.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (close: Int, equals: Int) {
        var equals = 0
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let end = find(byte, in: bytes, from: index + 1) else { return (bytes.count, equals) }
                index = end
            } else if byte == UInt8(ascii: "=") {
                equals += 1
            } else if byte == UInt8(ascii: ">") {
                break
            }
            index += 1
        }
        return (index, equals)
    }

    /// The position just after `marker`, searched from `start`; the end of the bytes without one.
    private static func after(_ marker: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        while let found = find(marker[0], in: bytes, from: index) {
            if found + marker.count <= bytes.count, bytes[found..<found + marker.count].elementsEqual(marker) {
                return found + marker.count
            }
            index = found + 1
        }
        return bytes.count
    }

    /// The end of a tag read from `start`: the index of its `>` outside quoted values (the end
    /// of the bytes when there is none), and the `=` outside quoted values on the way, counting
    /// lines.
    static func tagEnd(_ bytes: [UInt8], from start: Int, line: inout Int) -> (close: Int, equals: Int) {
        let found = bytes.withUnsafeBufferPointer { tagEnd($0, from: start) }
        if start < found.close { line += bytes[start..<found.close].count(where: { $0 == 0x0A }) }
        return found
    }

    /// Whether `DOCTYPE` starts at `index`.
    private static func isDoctype(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let word = "DOCTYPE".utf8
        return index + word.count <= bytes.count && bytes[index..<index + word.count].elementsEqual(word)
    }

    /// The end marker of a `<?…` or `<!…` construct starting at `index`: `?>`, `-->`, `]]>` or `>`.
    static func closing<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ index: Int) -> [UInt8]
    where Bytes.Index == Int {
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "?") { return Array("?>".utf8) }
        if index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
            return Array("-->".utf8)
        }
        if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "[") { return Array("]]>".utf8) }
        return [UInt8(ascii: ">")]
    }

    /// The index just after `marker`, searched from `start`, counting lines on the way.
    static func skip(_ bytes: [UInt8], from start: Int, to marker: [UInt8], line: inout Int) -> Int {
        let end = bytes.withUnsafeBufferPointer { after(marker, in: $0, from: start) }
        if start < end { line += bytes[start..<end].count(where: { $0 == 0x0A }) }
        return end
    }

    /// The error of a finding.
    static func diagnostic(_ finding: Finding, file: String, limits: ReaderLimits) -> Diagnostic {
        switch finding {
        case .tooManyAttributes(let line):
            .error(
                .xmlTooManyAttributes,
                LocalizedText(
                    en: "an element has more than \(maximumAttributes) attributes",
                    fr: "un élément a plus de \(maximumAttributes) attributs"),
                at: SourceLocation(file: file, line: line))
        case .tooManyElements(let line):
            limits.tooManyValues(at: SourceLocation(file: file, line: line))
        case .doctype(let line):
            .error(
                .xmlDoctype,
                LocalizedText(
                    en: "DOCTYPE declarations are not allowed in profiles",
                    fr: "les déclarations DOCTYPE sont interdites dans les profils"),
                at: SourceLocation(file: file, line: line),
                notes: [
                    LocalizedText(
                        en: "remove the <!DOCTYPE …> line: profiles are checked against Symbiose's own schema",
                        fr: "supprimez la ligne <!DOCTYPE …> : les profils sont vérifiés avec le schéma de Symbiose")
                ])
        }
    }
}
