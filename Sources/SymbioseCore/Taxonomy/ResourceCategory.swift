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
        // The dot found by byte: this runs for every flow of every stage, and a search by
        // character weighs each one as a possible cluster. A dot followed by a byte beyond ASCII
        // could carry a combining mark and then separate nothing, so that rare case is searched
        // by character, as before.
        let text = code.rawValue
        var dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) ?? text.endIndex
        if dot < text.endIndex, case let next = text.utf8.index(after: dot), next < text.endIndex,
            text.utf8[next] >= 0x80
        {
            dot = text.firstIndex(of: ".") ?? text.endIndex
        }
        self.init(rawValue: String(text[..<dot]))
    }

    public static func < (lhs: ResourceCategory, rhs: ResourceCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
