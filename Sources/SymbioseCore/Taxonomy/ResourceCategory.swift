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
        // Read as bytes: this runs for every flow of every stage, and a search by character
        // weighs each one as a possible cluster. A dot followed by a byte beyond ASCII could
        // begin such a cluster (a combining mark), so that rare case is read by character.
        let bytes = code.rawValue.utf8
        let dot = bytes.firstIndex(of: UInt8(ascii: "."))
        if dot.map({ bytes.index(after: $0) == bytes.endIndex || bytes[bytes.index(after: $0)] < 0x80 }) ?? true {
            let root = bytes[..<(dot ?? bytes.endIndex)]
            guard let category = Self.allCases.first(where: { root.elementsEqual($0.rawValue.utf8) }) else {
                return nil
            }
            self = category
            return
        }
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
