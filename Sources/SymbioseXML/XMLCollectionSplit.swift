import Foundation

/// Where a large `<profiles>` document is cut so that its parts are read one by one, on
/// several threads when there are, each with exact line numbers.
///
/// libxml2 keeps an element's line in 16 bits: beyond line 65,535 it can only guess from the
/// text next to the element, and is usually one line late. Parts of fewer lines keep every line
/// exact, and are independent of the number of threads, so that results are the same on any.
///
/// A lexical pass finds, every `linesPerPart` lines or more, the start of a `<profile>` that is a
/// child of the root. Each part then becomes a document of its own: the bytes up to the end of
/// the root's start tag (declaration, comments and namespaces included), a line break, the
/// part's profiles, and the root's end tag. The schema asks nothing of a collection beyond each
/// profile, so the parts are valid exactly when the document is; lines and profile numbers are
/// shifted back to the document's.
///
/// Any doubt gives no split, and the document is read as one stream: another encoding than
/// UTF-8 declared, a root that is not a `<profiles>` with content, markup the pass cannot follow.
struct XMLCollectionSplit {
    /// A part's profiles: their bytes, the line they start on, and how many profiles come before.
    struct Part {
        var start: Int
        var end: Int
        var line: Int
        var profilesBefore: Int
    }

    /// The lines from which a part ends at the next profile: half of what libxml2 numbers
    /// exactly, so that only a profile of more than 32,767 lines can make a part too long.
    static let linesPerPart = 32_768

    private(set) var parts: [Part] = []
    /// The profiles that are children of the root, in the whole document.
    private(set) var profiles = 0
    /// Just after the root's start tag, and the line that is on.
    private var rootEnd = 0
    private var rootLine = 0
    private var rootName: [UInt8] = []

    /// The parts of `bytes`, or nil when it is one part or cannot be cut.
    init?(_ bytes: [UInt8], linesPerPart: Int = linesPerPart) {
        guard Self.declaresUTF8(bytes) else { return nil }
        var cuts: [(offset: Int, line: Int, before: Int)] = []
        guard scan(bytes, linesPerPart: linesPerPart, into: &cuts), !cuts.isEmpty else { return nil }
        let starts = [(offset: 0, line: 1, before: 0)] + cuts
        parts = starts.indices.map { index in
            Part(
                start: starts[index].offset, end: index + 1 < starts.count ? starts[index + 1].offset : bytes.count,
                line: starts[index].line, profilesBefore: starts[index].before)
        }
    }

    /// The document of part `index`.
    func document(_ index: Int, of bytes: [UInt8]) -> [UInt8] {
        let part = parts[index]
        var text: [UInt8] = []
        if index > 0 {
            text.reserveCapacity(rootEnd + 1 + part.end - part.start + rootName.count + 3)
            text.append(contentsOf: bytes[..<rootEnd])
            text.append(0x0A)
        }
        text.append(contentsOf: bytes[part.start..<part.end])
        if index + 1 < parts.count { text.append(contentsOf: Array("</".utf8) + rootName + [UInt8(ascii: ">")]) }
        return text
    }

    /// Where part `index` stands in the document.
    func place(ofPart index: Int) -> StreamPlace {
        guard index > 0 else { return StreamPlace(profilesInAll: profiles) }
        return StreamPlace(
            lineOffset: parts[index].line - (rootLine + 1), copiedLines: rootLine,
            profilesBefore: parts[index].profilesBefore, profilesInAll: profiles)
    }

    /// Follows the markup of the whole document, noting the first child `<profile>` at least
    /// `linesPerPart` lines after the last cut; false when it meets what it cannot follow.
    private mutating func scan(
        _ bytes: [UInt8], linesPerPart: Int, into cuts: inout [(offset: Int, line: Int, before: Int)]
    ) -> Bool {
        var index = 0
        var line = 1
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            guard byte == UInt8(ascii: "<"), index + 1 < bytes.count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                index = XMLScreen.skip(bytes, from: index + 2, to: XMLScreen.closing(bytes, index), line: &line)
                continue
            }
            let (start, startLine) = (index, line)
            guard let tag = Self.tag(bytes, at: index, line: &line) else { return false }
            index = tag.end
            if tag.closing {
                depth -= 1
                if depth < 0 { return false }
                continue
            }
            if depth == 0 {
                guard rootName.isEmpty, !tag.empty, Self.localName(tag.name).elementsEqual("profiles".utf8) else {
                    return false
                }
                (rootEnd, rootLine, rootName) = (index, line, Array(tag.name))
            } else if depth == 1, Self.localName(tag.name).elementsEqual("profile".utf8) {
                if profiles > 0, startLine - (cuts.last?.line ?? 1) >= linesPerPart {
                    cuts.append((start, startLine, profiles))
                }
                profiles += 1
            }
            if !tag.empty { depth += 1 }
        }
        return depth == 0 && !rootName.isEmpty
    }

    /// The tag starting at `index`: its name, whether it ends one (`</…>`) or is empty (`<…/>`),
    /// and the index after it; nil when it does not end.
    private static func tag(
        _ bytes: [UInt8], at index: Int, line: inout Int
    ) -> (name: ArraySlice<UInt8>, closing: Bool, empty: Bool, end: Int)? {
        let closing = bytes[index + 1] == UInt8(ascii: "/")
        let nameStart = closing ? index + 2 : index + 1
        var cursor = nameStart
        while cursor < bytes.count, !isNameEnd(bytes[cursor]) { cursor += 1 }
        let name = bytes[nameStart..<cursor]
        let (close, _) = XMLScreen.tagEnd(bytes, from: cursor, line: &line)
        guard close < bytes.count, !name.isEmpty else { return nil }
        let empty = !closing && bytes[close - 1] == UInt8(ascii: "/")
        return (name, closing, empty, close + 1)
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: ">")
    }

    /// A qualified name without its prefix.
    private static func localName(_ name: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        name.lastIndex(of: UInt8(ascii: ":")).map { name[($0 + 1)...] } ?? name
    }

    /// Whether the document declares no encoding, or UTF-8.
    private static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
        guard bytes.starts(with: "<?xml".utf8) else { return true }
        let end = bytes.prefix(1024).firstIndex(of: UInt8(ascii: ">")) ?? min(bytes.count, 1024)
        let declaration = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
        guard let encoding = declaration.range(of: "encoding") else { return true }
        let value = declaration[encoding.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" }
        return value.hasPrefix("utf-8") || value.hasPrefix("utf8")
    }
}

/// Where the document a stream reads stands in the file: the whole of it, or one part of a
/// collection read on several threads (``XMLCollectionSplit``).
struct StreamPlace: Sendable {
    /// What to add to a line of the stream's document to give the file's.
    var lineOffset = 0
    /// The lines of the stream's document copied from the file's start (the declaration and the
    /// root's start tag, which the first part reports), or 0.
    var copiedLines = 0
    /// The profiles of the collection before the stream's first.
    var profilesBefore = 0
    /// The profiles of the whole collection, when a split has counted them.
    var profilesInAll: Int?

    /// The file's line for a line of the stream's document; nil for a copied line.
    func line(_ line: Int) -> Int? {
        guard copiedLines > 0 else { return line }
        return line > copiedLines ? line + lineOffset : nil
    }

    /// A libxml2 message with the lines it quotes (`output line 10 and outpt`) shifted to the
    /// file's.
    func shiftingLines(in message: String) -> String {
        guard copiedLines > 0, message.contains("line ") else { return message }
        var result = ""
        var rest = Substring(message)
        while let found = rest.range(of: "line ") {
            result += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let number = Int(digits), let shifted = line(number) {
                result += String(shifted)
                rest = rest.dropFirst(digits.count)
            }
        }
        return result + rest
    }
}
