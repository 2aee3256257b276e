import SymbioseCore

/// Text from profiles (names, notes) made safe for Markdown: it renders as the text it is,
/// never as HTML, emphasis, a link or a broken table.
enum MarkdownEscaping {
    /// Inside a paragraph: Markdown's punctuation behind a backslash, line breaks and other
    /// control characters as spaces, then `<`, `>` and `&` as HTML entities (`MarkupEscaping`).
    static func text(_ value: String) -> String {
        var plain = ""
        plain.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                plain += " "
            } else {
                if "\\`*_[]".unicodeScalars.contains(scalar) { plain += "\\" }
                plain.unicodeScalars.append(scalar)
            }
        }
        return MarkupEscaping.escape(plain, attribute: false)
    }

    /// Inside a table cell: as in a paragraph, and `|` escaped.
    static func cell(_ value: String) -> String {
        text(value).replacingOccurrences(of: "|", with: "\\|")
    }
}
