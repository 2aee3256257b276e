/// The six roots of the taxonomy; a resource's category is the first segment of its code.
public enum ResourceCategory: String, Sendable, Hashable, CaseIterable, Comparable {
    case heat
    case cold
    case water
    case material
    case energy
    case service

    /// The category of a dotted resource code (`heat.steam` → `.heat`), if its root is one.
    public init?(code: ResourceCode) {
        let code = code.rawValue
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
