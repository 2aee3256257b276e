/// Text from profiles (names, notes) made safe for Markdown: it renders as the text it is,
/// never as HTML, emphasis, a link or a broken table.
enum MarkdownEscaping {
    /// Inside a paragraph: `<`, `>` and `&` as HTML entities, Markdown's punctuation behind a
    /// backslash, line breaks and other control characters as spaces.
    static func text(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            case "\\", "`", "*", "_", "[", "]": out += "\\" + String(character)
            default:
                if character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F }) {
                    out += " "
                } else {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// Inside a table cell: as in a paragraph, and `|` escaped.
    static func cell(_ value: String) -> String {
        text(value).replacingOccurrences(of: "|", with: "\\|")
    }
}
