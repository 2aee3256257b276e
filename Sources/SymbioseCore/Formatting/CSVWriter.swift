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

    /// One field, quoted when it needs to be.
    public static func field(_ value: String, separator: Character) -> String {
        let needsQuotes =
            value.contains(separator) || value.contains("\"") || value.contains("\n") || value.contains("\r")
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
