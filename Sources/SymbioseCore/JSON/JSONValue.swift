/// A position in a text: 1-based line and column (columns count characters, not bytes).
public struct TextPosition: Sendable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A parsed JSON value that remembers where it stood in the text, so that every later problem
/// can be located by line, column and JSON path.
public struct JSONNode: Sendable, Hashable {
    public var value: JSONValue
    public var position: TextPosition

    public init(_ value: JSONValue, at position: TextPosition) {
        self.value = value
        self.position = position
    }
}

/// A JSON value. Objects keep their members in document order.
///
/// Each value is boxed (`indirect`), though arrays would give the recursion its indirection.
/// Held inline, values read no faster (`validate` on 100,000 sites, three pairs), so the boxes
/// stay. (The crashes once seen with inline values came from incremental builds that did not
/// recompile every module using the type after its layout changed: rebuild all after such a
/// change.)
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The JSON name of the value's type, for messages ("expected a number, found a string").
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The same in French.
    public var typeNameFR: String {
        switch self {
        case .null: "null"
        case .bool: "un booléen"
        case .number: "un nombre"
        case .string: "une chaîne"
        case .array: "un tableau"
        case .object: "un objet"
        }
    }
}

/// One `"key": value` pair of an object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var keyPosition: TextPosition
    public var value: JSONNode

    public init(key: String, keyPosition: TextPosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

/// A JSON path, as written in diagnostics: `$.outputs[0].quantity.unit`.
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    public private(set) var components: [Component]

    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public static let root = JSONPath()

    public func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    public var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .key(let key):
                if key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !key.isEmpty {
                    text += "." + key
                } else {
                    text += "[\"" + key.replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
