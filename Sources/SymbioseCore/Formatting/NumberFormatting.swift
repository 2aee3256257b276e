import Foundation

/// Numbers as people read them: `12 345,6` in French, `12,345.6` in English.
///
/// French groups thousands with a narrow no-break space (U+202F) and uses a decimal comma;
/// English groups with commas and uses a decimal point. The same value always gives the same
/// text on every machine (no locale database is consulted).
public enum NumberFormatting {
    /// Formats `value` with at most `decimals` decimals, trailing zeros removed.
    public static func format(_ value: Double, decimals: Int = 0, language: Language) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        let negative = value < 0 && rounded > 0
        let integerPart = rounded.rounded(.down)
        var fraction = ""
        if decimals > 0 {
            let fractionDigits = Int(((rounded - integerPart) * scale).rounded())
            if fractionDigits > 0 {
                var digits = String(fractionDigits)
                digits = String(repeating: "0", count: max(0, decimals - digits.count)) + digits
                while digits.hasSuffix("0") { digits.removeLast() }
                fraction = digits
            }
        }
        let sign = negative ? String(language.minusSign) : ""
        let grouped = grouped(integerPart, mark: language.groupMark)
        guard !fraction.isEmpty else { return sign + grouped }
        return sign + grouped + String(language.decimalMark) + fraction
    }

    /// The digits of a whole, non-negative `value`, in groups of three.
    private static func grouped(_ value: Double, mark: Character) -> String {
        // Below 2^63 the integer's digits are the double's exact digits, without a format string.
        let digits = Array((value < 9.2e18 ? String(Int64(value)) : String(format: "%.0f", value)).utf8)
        var grouped = ""
        grouped.reserveCapacity(digits.count * 2)
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { grouped.append(mark) }
            grouped.unicodeScalars.append(Unicode.Scalar(digit))
        }
        return grouped
    }

    /// A number as exactly as it is stored (the shortest text that reads back to the same
    /// double, integers without a fraction) with the given decimal mark (a language's
    /// `decimalMark`): for values a spreadsheet or a person reads back, such as CSV cells and
    /// impact factors.
    public static func plain(_ value: Double, decimalMark: Character) -> String {
        let text = JSONOutput.format(value)
        return decimalMark == "." ? text : text.replacingOccurrences(of: ".", with: String(decimalMark))
    }

    /// A sensible number of decimals for a quantity: none from 100 up, one from 10, two below.
    public static func quantity(_ value: Double, language: Language) -> String {
        let magnitude = abs(value)
        let decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
        return format(value, decimals: decimals, language: language)
    }

    /// A distance in km with one decimal (two below 1 km).
    public static func distance(_ km: Double, language: Language) -> String {
        format(km, decimals: km < 1 ? 2 : 1, language: language)
    }
}

/// Month names and periods in both languages.
public enum MonthNames {
    static let names = [
        ("January", "janvier"), ("February", "février"), ("March", "mars"), ("April", "avril"), ("May", "mai"),
        ("June", "juin"), ("July", "juillet"), ("August", "août"), ("September", "septembre"),
        ("October", "octobre"), ("November", "novembre"), ("December", "décembre"),
    ].map { LocalizedText(en: $0.0, fr: $0.1) }

    /// "de janvier", but "d'avril", "d'août", "d'octobre".
    static func from(_ frenchMonth: String) -> String {
        "aeiouâéè".contains(frenchMonth.prefix(1)) ? "d'" + frenchMonth : "de " + frenchMonth
    }

    public static func name(_ month: Int, language: Language) -> String {
        names[((month - 1) % 12 + 12) % 12][language]
    }

    /// "all year", "September–January", "June–August and November" / "toute l'année",
    /// "de septembre à janvier", …
    public static func period(_ months: MonthSet, language: Language) -> String {
        if months == .all { return LocalizedText(en: "all year", fr: "toute l'année")[language] }
        let parts = months.runs.map { run -> String in
            if run.count == 1 {
                return (LocalizedText(en: "in ", fr: "en ")[language]) + name(run.lowerBound, language: language)
            }
            let first = name(run.lowerBound, language: language), last = name(run.upperBound, language: language)
            return LocalizedText(en: "\(first)–\(last)", fr: "\(Self.from(first)) à \(last)")[language]
        }
        return parts.joined(separator: LocalizedText(en: " and ", fr: " et ")[language])
    }
}
