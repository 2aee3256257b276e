/// Rows as CSV text, the one writer behind every CSV file Symbiose writes (RFC 4180).
///
/// Lines end in CRLF; a field is quoted when it holds the separator, a quote or a line break, or
/// begins or ends with a space (which spreadsheets would otherwise trim); quotes inside are
/// doubled. An optional UTF-8 byte order mark makes spreadsheets read accents correctly.
public enum CSVWriter {
    public static func text(_ rows: [[String]], separator: Character, byteOrderMark: Bool) -> String {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        let glue = String(separator)
        for row in rows {
            text += row.map { field($0, separator: separator) }.joined(separator: glue) + "\r\n"
        }
        return text
    }

    /// The characters that make a spreadsheet read a cell as a formula.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`), with an
    /// apostrophe before it as OWASP's CSV-injection guidance recommends; numbers (`-5`, `-0,5`,
    /// `+1e3`) are left as they are. Readers drop the apostrophe again (`neutralised(_:)`).
    public static func neutralised(_ value: String) -> String {
        guard let first = value.first, formulaStarts.contains(first), !isNumber(value) else { return value }
        return "'" + value
    }

    /// A cell read back: the apostrophe that neutralised a formula-like text is dropped.
    public static func restored(_ value: String) -> String {
        guard value.first == "'", let second = value.dropFirst().first, formulaStarts.contains(second) else {
            return value
        }
        return String(value.dropFirst())
    }

    static func isNumber(_ value: String) -> Bool {
        Double(value) != nil || Double(value.replacingOccurrences(of: ",", with: ".")) != nil
    }

    /// One field, neutralised against formula injection and quoted when it needs to be.
    public static func field(_ raw: String, separator: Character) -> String {
        let value = neutralised(raw)
        let needsQuotes =
            value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r")
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
