/// A text that names one kind of thing — a resource code, a company, a flow — typed by what it
/// names, so that a company id can never be passed where a resource code is expected.
public struct Identifier<Kind: IdentifierKind>: RawRepresentable, Sendable, Hashable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an `Identifier` names.
public protocol IdentifierKind: Sendable {}

public enum ResourceKind: IdentifierKind {}
public enum CompanyKind: IdentifierKind {}
public enum FlowKind: IdentifierKind {}

/// A resource code of the taxonomy, as `material.paper.cardboard`: dot-separated segments from
/// a category root down to the most specific resource.
public typealias ResourceCode = Identifier<ResourceKind>
/// A company's identifier in profiles: short, unique in a territory, lowercase.
public typealias CompanyID = Identifier<CompanyKind>
/// A flow's identifier, unique within its profile.
public typealias FlowID = Identifier<FlowKind>

extension Identifier where Kind == ResourceKind {
    /// Whether this code is `other` or lies below it: `material.paper.cardboard` is within
    /// `material.paper` and within itself, not within `material.pa`.
    public func isWithin(_ other: ResourceCode) -> Bool {
        rawValue == other.rawValue
            || (rawValue.utf8.count > other.rawValue.utf8.count && rawValue.hasPrefix(other.rawValue)
                && rawValue.utf8[rawValue.utf8.index(rawValue.utf8.startIndex, offsetBy: other.rawValue.utf8.count)]
                    == UInt8(ascii: "."))
    }

    /// The code one level up, `nil` for a category root.
    public var parent: ResourceCode? {
        guard let dot = rawValue.lastIndex(of: ".") else { return nil }
        return ResourceCode(String(rawValue[..<dot]))
    }

    /// The category the code belongs to, from its first segment.
    public var category: ResourceCategory? { ResourceCategory(code: self) }

    /// Whether the code is a category root (`heat`, `water`…).
    public var isRoot: Bool { !rawValue.contains(".") }
}
