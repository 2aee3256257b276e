/// Takes a JSON value as it is described, member by member: a ``JSONWriter`` writes it as text
/// straight away, a ``JSONTreeBuilder`` makes a ``JSONOutput`` of it. What an output holds is
/// then described once, for both.
///
/// An object's members are each a ``key(_:)`` followed by one value; a value is a scalar or an
/// object or array opened, filled and closed.
public protocol JSONSink {
    mutating func beginObject()
    mutating func endObject()
    mutating func beginArray()
    mutating func endArray()
    /// The name of the next member of the object being described.
    mutating func key(_ name: String)
    mutating func string(_ value: String)
    /// A number; one that is not finite is written as `null`, since JSON has no such value.
    mutating func number(_ value: Double)
    mutating func integer(_ value: Int)
    mutating func bool(_ value: Bool)
    mutating func null()
}

extension JSONSink {
    /// A value made before, described member by member.
    public mutating func value(_ output: JSONOutput) {
        switch output {
        case .null: null()
        case .bool(let value): bool(value)
        case .number(let value): number(value)
        case .integer(let value): integer(value)
        case .string(let value): string(value)
        case .array(let elements):
            beginArray()
            for element in elements { value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for (name, member) in members {
                key(name)
                value(member)
            }
            endObject()
        }
    }

    /// A number, or `null` when there is none.
    public mutating func number(_ value: Double?) {
        if let value { number(value) } else { null() }
    }

    public mutating func member(_ name: String, _ value: String) {
        key(name)
        string(value)
    }

    /// A number member, `null` when there is none.
    public mutating func member(_ name: String, _ value: Double?) {
        key(name)
        number(value)
    }

    public mutating func member(_ name: String, integer value: Int) {
        key(name)
        integer(value)
    }

    public mutating func member(_ name: String, _ value: Bool) {
        key(name)
        bool(value)
    }

    /// An object, filled by `body`.
    public mutating func object(_ body: (inout Self) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// An object member, filled by `body`.
    public mutating func object(_ name: String, _ body: (inout Self) -> Void) {
        key(name)
        object(body)
    }

    /// An array member, filled by `body`.
    public mutating func array(_ name: String, _ body: (inout Self) -> Void) {
        key(name)
        beginArray()
        body(&self)
        endArray()
    }
}

/// Makes a ``JSONOutput`` of what it is told, for the documents still made whole.
public struct JSONTreeBuilder: JSONSink {
    /// An open container, with the name it will have in its parent.
    private struct Open {
        var name: String?
        var isObject: Bool
        var members: [(String, JSONOutput)] = []
        var elements: [JSONOutput] = []
    }

    private var open: [Open] = []
    private var name: String?
    /// The value described, once it is complete.
    public private(set) var result: JSONOutput?

    public init() {}

    /// The value `describe` tells a builder of.
    public static func build(_ describe: (inout JSONTreeBuilder) -> Void) -> JSONOutput {
        var builder = JSONTreeBuilder()
        describe(&builder)
        return builder.result ?? .null
    }

    private mutating func add(_ value: JSONOutput) {
        guard let last = open.indices.last else {
            result = value
            return
        }
        if open[last].isObject {
            open[last].members.append((name ?? "", value))
        } else {
            open[last].elements.append(value)
        }
        name = nil
    }

    public mutating func beginObject() {
        open.append(Open(name: name, isObject: true))
        name = nil
    }

    public mutating func beginArray() {
        open.append(Open(name: name, isObject: false))
        name = nil
    }

    public mutating func endObject() { close() }
    public mutating func endArray() { close() }

    private mutating func close() {
        guard let container = open.popLast() else { return }
        name = container.name
        add(container.isObject ? .object(container.members) : .array(container.elements))
    }

    public mutating func key(_ name: String) { self.name = name }
    public mutating func string(_ value: String) { add(.string(value)) }
    public mutating func number(_ value: Double) { add(.number(value)) }
    public mutating func integer(_ value: Int) { add(.integer(value)) }
    public mutating func bool(_ value: Bool) { add(.bool(value)) }
    public mutating func null() { add(.null) }
}
