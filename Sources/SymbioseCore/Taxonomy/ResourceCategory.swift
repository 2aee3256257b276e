/// The six roots of the taxonomy; a resource's category is the first segment of its code.
public enum ResourceCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case heat
    case cold
    case water
    case material
    case energy
    case service

    /// The category of a dotted resource code (`heat.steam` → `.heat`), if its root is one.
    public init?(code: String) {
        let root = code.firstIndex(of: ".").map { code[..<$0] } ?? Substring(code)
        switch root {
        case "heat": self = .heat
        case "cold": self = .cold
        case "water": self = .water
        case "material": self = .material
        case "energy": self = .energy
        case "service": self = .service
        default: return nil
        }
    }

    public static func < (lhs: ResourceCategory, rhs: ResourceCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The languages every text a person reads exists in.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case fr
    case en

    /// French when a `LANG`-style locale string starts with `fr`, English otherwise.
    public init(locale: String?) {
        self = (locale?.lowercased().hasPrefix("fr") ?? false) ? .fr : .en
    }
}

/// A text in French and in English.
public struct LocalizedText: Sendable, Hashable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
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
