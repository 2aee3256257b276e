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
    static func firstProblem(in bytes: [UInt8], maximumElements: Int = .max) -> Finding? {
        let (lt, gt, bang, question) = (UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "?"))
        var line = 1
        var index = 0
        var elements = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == lt, index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == bang, isDoctype(bytes, at: index + 2) { return .doctype(line: line) }
            if next == bang || next == question {
                // Comments, CDATA, declarations and processing instructions hold no attributes.
                index = skip(
                    bytes, from: index + 2, to: next == question ? [question, gt] : closing(bytes, index), line: &line)
                continue
            }
            let tagLine = line
            if next != UInt8(ascii: "/") {
                elements += 1
                if elements > maximumElements { return .tooManyElements(line: tagLine) }
            }
            let (close, equals) = tagEnd(bytes, from: index + 1, line: &line)
            if equals > maximumAttributes { return .tooManyAttributes(line: tagLine) }
            index = close + 1
        }
        return nil
    }

    /// The end of a tag read from `start`: the index of its `>` outside quoted values (the end
    /// of the bytes when there is none), and the `=` outside quoted values on the way, counting
    /// lines.
    static func tagEnd(_ bytes: [UInt8], from start: Int, line: inout Int) -> (close: Int, equals: Int) {
        var equals = 0
        var quote: UInt8?
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "=") {
                equals += 1
            } else if byte == UInt8(ascii: ">") {
                break
            }
            index += 1
        }
        return (index, equals)
    }

    /// Whether `DOCTYPE` starts at `index`.
    private static func isDoctype(_ bytes: [UInt8], at index: Int) -> Bool {
        let word = "DOCTYPE".utf8
        return index + word.count <= bytes.count && bytes[index..<index + word.count].elementsEqual(word)
    }

    /// The end marker of a `<!…` construct starting at `index`: `-->`, `]]>` or `>`.
    static func closing(_ bytes: [UInt8], _ index: Int) -> [UInt8] {
        if index + 3 < bytes.count, bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
            return Array("-->".utf8)
        }
        if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "[") { return Array("]]>".utf8) }
        return [UInt8(ascii: ">")]
    }

    /// The index just after `marker`, searched from `start`, counting lines on the way.
    static func skip(_ bytes: [UInt8], from start: Int, to marker: [UInt8], line: inout Int) -> Int {
        var index = start
        while index < bytes.count {
            if bytes[index] == 0x0A { line += 1 }
            if bytes[index] == marker[0], index + marker.count <= bytes.count,
                bytes[index..<index + marker.count].elementsEqual(marker)
            {
                return index + marker.count
            }
            index += 1
        }
        return bytes.count
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
