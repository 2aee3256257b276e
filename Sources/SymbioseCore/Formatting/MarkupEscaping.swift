/// Escaping for XML and HTML text and attribute values.
public enum MarkupEscaping {
    /// Escapes `&`, `<`, `>`, and in attributes (always written between double quotes) `"`, line breaks and tabs (which
    /// attribute normalisation would otherwise turn into spaces).
    public static func escape(_ value: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"" where attribute: result += "&quot;"
            case "\n" where attribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where attribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
