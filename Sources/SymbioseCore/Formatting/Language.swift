/// The languages every text a person reads exists in.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case fr
    case en

    /// The text in this language; the other is never made (a sentence written for every
    /// synergy of a long output would otherwise be made twice).
    public func pick(en: @autoclosure () -> String, fr: @autoclosure () -> String) -> String {
        self == .fr ? fr() : en()
    }

    /// French when a `LANG`-style locale string starts with `fr`, English otherwise.
    public init(locale: String?) {
        self = (locale?.lowercased().hasPrefix("fr") ?? false) ? .fr : .en
    }

    /// Whether a noun counted `count` times takes the plural: from 2 in French, for every count
    /// but 1 in English ("0 erreur", "0 errors").
    public func takesPlural(_ count: Int) -> Bool {
        switch self {
        case .fr: count > 1
        case .en: count != 1
        }
    }

    /// The mark between the integer and the fractional part of a number: a comma in French.
    public var decimalMark: Character {
        switch self {
        case .fr: ","
        case .en: "."
        }
    }

    /// The mark between groups of three digits: a narrow no-break space (U+202F) in French.
    public var groupMark: Character {
        switch self {
        case .fr: "\u{202F}"
        case .en: ","
        }
    }

    /// The sign of negative numbers: the true minus sign (U+2212) in French typography.
    public var minusSign: Character {
        switch self {
        case .fr: "−"
        case .en: "-"
        }
    }

    /// The field separator spreadsheets of this language expect in CSV: `;` in French, where
    /// the comma is the decimal mark; `,` in English.
    public var csvSeparator: Character {
        switch self {
        case .fr: ";"
        case .en: ","
        }
    }
}

/// A text in French and in English: the one way every message, label and sentence of Symbiose
/// is written, English first as in the code (`LocalizedText(en: "unknown unit", fr: "unité
/// inconnue")`), and read with `text[language]`.
public struct LocalizedText: Sendable, Hashable {
    public var fr: String
    public var en: String

    public init(en: String, fr: String) {
        self.fr = fr
        self.en = en
    }

    public subscript(language: Language) -> String {
        switch language {
        case .fr: fr
        case .en: en
        }
    }
}

extension LocalizedText {
    /// A count and its noun, each language with its own plural rule: "1 exchange", "0 exchanges",
    /// "0 échange", "2 échanges".
    public static func count(_ n: Int, en: (one: String, many: String), fr: (one: String, many: String))
        -> LocalizedText
    {
        LocalizedText(
            en: "\(n) " + (Language.en.takesPlural(n) ? en.many : en.one),
            fr: "\(n) " + (Language.fr.takesPlural(n) ? fr.many : fr.one))
    }
}
