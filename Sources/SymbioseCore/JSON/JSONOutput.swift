/// A JSON value to write, with object members in the order given, so that output is
/// deterministic and laid out for people as well as programs.
public indirect enum JSONOutput: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered())
    }

    /// Objects of at most four scalar members that fit in this many characters stay on one line.
    static let inlineObjectWidth = 72

    /// The value as JSON text: two-space indentation, one member per line, arrays of scalars and
    /// small objects of scalars (a quantity, a cost) on one line, and a final newline.
    public func rendered() -> String {
        var text = ""
        write(into: &text, indent: 0)
        text += "\n"
        return text
    }

    /// Renders an object like `.object(members).rendered()`, except that the member named
    /// `streamed` is an array of `count` elements made by `element` a batch at a time, the batch
    /// rendered on up to `threads` threads: only one batch's trees and text exist at once, and the
    /// text goes to `emit` batch by batch, so that memory stays flat for long lists.
    public static func writeObject(
        _ members: [(String, JSONOutput)], streaming streamed: String, count: Int, threads: Int = 1,
        element: @escaping @Sendable (Int) -> JSONOutput, to emit: (String) throws -> Void
    ) rethrows {
        let batch = 4_096
        var text = "{\n"
        for (offset, member) in members.enumerated() {
            text += "  "
            writeString(member.0, into: &text)
            text += ": "
            if member.0 != streamed {
                member.1.write(into: &text, indent: 2)
            } else if count == 0 {
                text += "[]"
            } else {
                text += "[\n"
                for start in stride(from: 0, to: count, by: batch) {
                    let end = min(count, start + batch)
                    let pieces = Parallel.map(end - start, threads: threads) { range in
                        var piece = ""
                        for index in range {
                            piece += "    "
                            element(start + index).write(into: &piece, indent: 4)
                            piece += start + index == count - 1 ? "\n" : ",\n"
                        }
                        return [piece]
                    }
                    for piece in pieces { text += piece }
                    try emit(text)
                    text = ""
                }
                text += "  ]"
            }
            text += offset == members.count - 1 ? "\n" : ",\n"
        }
        try emit(text + "}\n")
    }

    /// Formats a number the same way on every machine: integers without a fraction, other values
    /// in the shortest form that reads back to the same double.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// Indentations made once, not once per line.
    private static let indentations = (0..<24).map { String(repeating: " ", count: $0) }

    private static func spaces(_ count: Int) -> String {
        count < indentations.count ? indentations[count] : String(repeating: " ", count: count)
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    func write(into text: inout String, indent: Int) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        // JSON has no infinity or NaN: such a value is written as null, never as invalid JSON.
        case .number(let value): text += value.isFinite ? Self.format(value) : "null"
        case .integer(let value): text += String(value)
        case .string(let value): Self.writeString(value, into: &text)
        case .array(let elements):
            if elements.isEmpty {
                text += "[]"
            } else if elements.allSatisfy(\.isScalar) {
                text += "["
                for (offset, element) in elements.enumerated() {
                    if offset > 0 { text += ", " }
                    element.write(into: &text, indent: indent)
                }
                text += "]"
            } else {
                text += "[\n"
                for (offset, element) in elements.enumerated() {
                    text += Self.spaces(indent + 2)
                    element.write(into: &text, indent: indent + 2)
                    text += offset == elements.count - 1 ? "\n" : ",\n"
                }
                text += Self.spaces(indent)
                text += "]"
            }
        case .object(let members):
            if members.isEmpty {
                text += "{}"
                return
            }
            if members.count <= 4, members.allSatisfy({ $0.1.isScalar }) {
                var inline = "{"
                for (offset, member) in members.enumerated() {
                    if offset > 0 { inline += ", " }
                    Self.writeString(member.0, into: &inline)
                    inline += ": "
                    member.1.write(into: &inline, indent: indent)
                }
                inline += "}"
                if inline.count <= Self.inlineObjectWidth {
                    text += inline
                    return
                }
            }
            text += "{\n"
            for (offset, member) in members.enumerated() {
                text += Self.spaces(indent + 2)
                Self.writeString(member.0, into: &text)
                text += ": "
                member.1.write(into: &text, indent: indent + 2)
                text += offset == members.count - 1 ? "\n" : ",\n"
            }
            text += Self.spaces(indent)
            text += "}"
        }
    }

    static func writeString(_ value: String, into text: inout String) {
        text += "\""
        // Most texts need no escape: appended whole, not a character at a time.
        guard value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else {
            text += value
            text += "\""
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}

extension JSONOutput {
    /// An identifier, a code or a named case, as its text.
    public static func string<Identifier: RawRepresentable>(_ value: Identifier) -> JSONOutput
    where Identifier.RawValue == String {
        .string(value.rawValue)
    }
}
