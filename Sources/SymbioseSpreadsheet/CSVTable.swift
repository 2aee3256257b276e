import Foundation
import SymbioseCore

/// A CSV file as spreadsheets write it, read into rows of text cells.
///
/// French spreadsheets save CSV with `;` between fields and a decimal comma, in Windows-1252
/// unless "UTF-8" was chosen; others use `,`. The reader detects the encoding (UTF-8 with or
/// without a byte order mark, else Windows-1252), the separator (`;`, `,` or tab, from the first
/// line), and reads RFC 4180 quoting: fields in double quotes may hold separators, doubled quotes
/// and line breaks. Every row keeps the line it starts on, for located errors.
public struct CSVTable: Sendable, Hashable {
    /// How the bytes were decoded.
    public enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 with BOM"
        case windows1252 = "Windows-1252"
    }

    public struct Row: Sendable, Hashable {
        /// The line of the file the row starts on, from 1.
        public var line: Int
        public var cells: [String]
    }

    public var encoding: Encoding
    public var separator: Character
    /// Every row, the header first; blank lines are skipped.
    public var rows: [Row]

    /// A problem that stops reading: an unterminated quoted field (`csv.quote`), or more fields
    /// than the reader's limit (`input.too-many-values`).
    public struct Failure: Error, Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var text: LocalizedText
        public var code: DiagnosticCode = .csvQuote
    }

    /// Reads a CSV file of at most `maximumFields` fields, empty ones included.
    ///
    /// - Throws: ``Failure`` for a quoted field that never closes, with where it opened, or at
    ///   the first field beyond `maximumFields`.
    public init(_ bytes: [UInt8], maximumFields: Int = .max) throws(Failure) {
        let (text, encoding) = Self.decode(bytes)
        self.encoding = encoding
        separator = Self.separator(in: text)
        rows = try Self.parse(text, separator: separator, maximumFields: maximumFields)
    }

    /// The text of the bytes: UTF-8 when they are valid UTF-8 (a byte order mark is dropped),
    /// Windows-1252 otherwise — what French Excel writes by default.
    static func decode(_ bytes: [UInt8]) -> (String, Encoding) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]), let text = String(validating: bytes.dropFirst(3), as: UTF8.self) {
            return (text, .utf8WithBOM)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte), let mapped = windows1252[Int(byte - 0x80)] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return (String(scalars), .windows1252)
    }

    /// Windows-1252's characters for bytes 0x80…0x9F (`nil` where the code page has none).
    private static let windows1252: [Unicode.Scalar?] = [
        "\u{20AC}", nil, "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", nil, "\u{017D}", nil,
        nil, "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", nil, "\u{017E}", "\u{0178}",
    ]

    /// The separator of the first line: the most frequent of `;`, `,` and tab outside quotes
    /// (`;` on a tie, as French spreadsheets write).
    static func separator(in text: String) -> Character {
        var counts: [UInt8: Int] = [UInt8(ascii: ";"): 0, UInt8(ascii: ","): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            if !quoted, let count = counts[byte] { counts[byte] = count + 1 }
        }
        var best = UInt8(ascii: ";")
        for candidate in [UInt8(ascii: ","), UInt8(ascii: "\t")] where counts[candidate]! > counts[best]! {
            best = candidate
        }
        return Character(Unicode.Scalar(best))
    }

    /// Splits the text into rows over its UTF-8 bytes: separators, quotes and line breaks are
    /// ASCII, so no multi-byte character can be mistaken for one, and fields are copied out once.
    private static func parse(_ text: String, separator: Character, maximumFields: Int) throws(Failure) -> [Row] {
        var scanner = Scanner(bytes: Array(text.utf8), separator: separator.asciiValue ?? UInt8(ascii: ";"))
        scanner.maximumFields = maximumFields
        try scanner.run()
        return scanner.rows
    }

    /// The state of one pass over a CSV text.
    private struct Scanner {
        let bytes: [UInt8]
        let separator: UInt8
        var rows: [Row] = []
        var cells: [String] = []
        var field: [UInt8] = []
        var line = 1
        var rowLine = 1
        var index = 0
        var lineStart = 0
        var maximumFields = Int.max
        var fields = 0

        static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")

        init(bytes: [UInt8], separator: UInt8) {
            self.bytes = bytes
            self.separator = separator
        }

        mutating func endField() throws(Failure) {
            fields += 1
            guard fields <= maximumFields else {
                throw Failure(
                    line: line, column: index - lineStart + 1, text: ReaderLimits.tooManyValues(maximumFields),
                    code: .inputTooManyValues)
            }
            cells.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }

        mutating func endRow() throws(Failure) {
            try endField()
            if !(cells.count == 1 && cells[0].isEmpty) { rows.append(Row(line: rowLine, cells: cells)) }
            cells = []
        }

        mutating func run() throws(Failure) {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.quote && field.isEmpty {
                    try quotedField()
                    continue
                }
                switch byte {
                case separator:
                    try endField()
                    index += 1
                case Self.newline, Self.cr:
                    try endRow()
                    index += byte == Self.cr && index + 1 < bytes.count && bytes[index + 1] == Self.newline ? 2 : 1
                    line += 1
                    lineStart = index
                    rowLine = line
                default:
                    field.append(byte)
                    index += 1
                }
            }
            if !field.isEmpty || !cells.isEmpty { try endRow() }
        }

        /// A quoted field: up to the closing quote; `""` stands for one quote.
        mutating func quotedField() throws(Failure) {
            // Where it opened, as byte offsets: the column in characters is counted only for
            // the error (counting it for every field was quadratic on a line of many fields).
            let opened = (line: line, lineStart: lineStart, at: index)
            index += 1
            while index < bytes.count {
                let inner = bytes[index]
                if inner == Self.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                        field.append(Self.quote)
                        index += 2
                        continue
                    }
                    index += 1
                    return
                }
                if inner == Self.newline
                    || (inner == Self.cr && !(index + 1 < bytes.count && bytes[index + 1] == Self.newline))
                {
                    line += 1
                    lineStart = index + 1
                }
                field.append(inner)
                index += 1
            }
            let column = String(decoding: bytes[opened.lineStart..<opened.at], as: UTF8.self).count + 1
            throw Failure(
                line: opened.line, column: column,
                text: LocalizedText(
                    en: "a quoted field opened here never closes: add the closing \"",
                    fr: "un champ entre guillemets ouvert ici ne se ferme pas : ajoutez le \" final"))
        }
    }

    /// A number as spreadsheets write it: `1234,5`, `1 234,5` (spaces, no-break spaces),
    /// `1234.5`; `nil` when it is not one.
    public static func number(_ text: String) -> Double? {
        // Most cells are plain numbers: read them without any rewriting.
        if let value = Double(text) { return value.isFinite ? value : nil }
        var cleaned = trimmed(text)
        cleaned.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard !cleaned.isEmpty else { return nil }
        if cleaned.contains(",") {
            guard !cleaned.contains(".") else { return nil }
            cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        }
        guard let value = Double(cleaned), value.isFinite else { return nil }
        return value
    }

    /// The text without white space or line breaks at either end; the same string, uncopied,
    /// when there are none (most cells).
    public static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let isSpace = { (scalar: Unicode.Scalar) in scalar.properties.isWhitespace }
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
            let end = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[start...end])
    }
}
