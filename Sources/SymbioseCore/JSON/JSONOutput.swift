/// A JSON value to write, with object members in the order given, so that output is
/// deterministic and laid out for people as well as programs.
public enum JSONOutput: Sendable, Hashable {
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
        var text = JSONText()
        write(into: &text, indent: 0)
        text.append("\n")
        return text.string
    }

    /// Renders an object like `.object(members).rendered()`, except that the member named
    /// `streamed` is an array of `count` elements made by `element` a batch at a time, the batch
    /// rendered on up to `threads` threads: only one batch's trees and text exist at once, and the
    /// text goes to `emit` batch by batch, so that memory stays flat for long lists.
    public static func writeObject(
        _ members: [(String, JSONOutput)], streaming streamed: String, count: Int, threads: Int = 1,
        element: @escaping @Sendable (Int) -> JSONOutput, to emit: (String) throws -> Void
    ) rethrows {
        try writeObject(
            members, streaming: streamed, count: count, threads: threads, element: element,
            toUTF8: { try JSONOutput.pass(&$0, asTextTo: emit) })
    }

    /// Writes the same text as ``writeObject(_:streaming:count:threads:element:to:)``, as UTF-8
    /// bytes: `emit` takes each piece and leaves the array empty, perhaps with room kept from an
    /// earlier piece, so that a long output is made in the same few buffers from start to end.
    public static func writeObject(
        _ members: [(String, JSONOutput)], streaming streamed: String, count: Int, threads: Int = 1,
        element: @escaping @Sendable (Int) -> JSONOutput, toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        var text = JSONText(capacity: 1 << 16)
        text.append("{\n")
        for (offset, member) in members.enumerated() {
            text.append("  ")
            text.appendQuoted(member.0)
            text.append(": ")
            if member.0 != streamed {
                member.1.write(into: &text, indent: 2)
            } else if count == 0 {
                text.append("[]")
            } else {
                text.append("[\n")
                try forEachBatch(count: count, threads: threads, to: emit, text: &text) { index, piece in
                    piece.append("    ")
                    element(index).write(into: &piece, indent: 4)
                    if index == count - 1 { piece.append("\n") } else { piece.append(",\n") }
                }
                text.append("  ]")
            }
            if offset == members.count - 1 { text.append("\n") } else { text.append(",\n") }
        }
        text.append("}\n")
        try text.handOver(to: emit)
    }

    /// Hands UTF-8 `bytes` to a writer of texts, as a text, and leaves them empty with their
    /// room: what the writers of strings get from the writers of bytes.
    public static func pass(_ bytes: inout [UInt8], asTextTo emit: (String) throws -> Void) rethrows {
        try emit(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the texts of `count` elements a batch at a time, each batch made on up to
    /// `threads` threads and handed to `emit` after what `text` already holds, which is left
    /// empty. The threads write into buffers kept from batch to batch: a fresh buffer of a few
    /// megabytes is memory the system clears first, a tenth of the time of a long output.
    static func forEachBatch(
        count: Int, threads: Int, to emit: (inout [UInt8]) throws -> Void, text: inout JSONText,
        _ write: @escaping @Sendable (Int, inout JSONText) -> Void
    ) rethrows {
        let batch = 4_096
        let spare = JSONText.Spare()
        for start in stride(from: 0, to: count, by: batch) {
            let end = min(count, start + batch)
            var pieces = Parallel.map(end - start, threads: threads) { range in
                var piece = spare.take()
                for index in range { write(start + index, &piece) }
                return [piece]
            }
            // Each piece taken out of the list, so that its buffer is kept, not copied.
            for index in pieces.indices {
                text.append(bytes: pieces[index].bytes)
                spare.give(&pieces[index])
            }
            try text.handOver(to: emit)
        }
    }

    /// Formats a number the same way on every machine: integers without a fraction, other values
    /// in the shortest form that reads back to the same double.
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return value.description
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    func write(into text: inout JSONText, indent: Int) {
        switch self {
        case .null: text.append("null")
        case .bool(let value): text.append(value ? "true" : "false")
        // JSON has no infinity or NaN: such a value is written as null, never as invalid JSON.
        case .number(let value): text.append(value.isFinite ? Self.format(value) : "null")
        case .integer(let value): text.append(String(value))
        case .string(let value): text.appendQuoted(value)
        case .array(let elements): Self.write(elements, into: &text, indent: indent)
        case .object(let members): Self.write(members, into: &text, indent: indent)
        }
    }

    private static func write(_ elements: [JSONOutput], into text: inout JSONText, indent: Int) {
        if elements.isEmpty {
            text.append("[]")
        } else if elements.allSatisfy(\.isScalar) {
            text.append("[")
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text.append(", ") }
                element.write(into: &text, indent: indent)
            }
            text.append("]")
        } else {
            text.append("[\n")
            for (offset, element) in elements.enumerated() {
                text.appendSpaces(indent + 2)
                element.write(into: &text, indent: indent + 2)
                if offset == elements.count - 1 { text.append("\n") } else { text.append(",\n") }
            }
            text.appendSpaces(indent)
            text.append("]")
        }
    }

    private static func write(_ members: [(String, JSONOutput)], into text: inout JSONText, indent: Int) {
        if members.isEmpty {
            text.append("{}")
            return
        }
        if members.count <= 4, members.allSatisfy({ $0.1.isScalar }) {
            let start = text.count
            text.append("{")
            for (offset, member) in members.enumerated() {
                if offset > 0 { text.append(", ") }
                text.appendQuoted(member.0)
                text.append(": ")
                member.1.write(into: &text, indent: indent)
            }
            text.append("}")
            if text.characters(from: start) <= inlineObjectWidth { return }
            text.truncate(to: start)
        }
        text.append("{\n")
        for (offset, member) in members.enumerated() {
            text.appendSpaces(indent + 2)
            text.appendQuoted(member.0)
            text.append(": ")
            member.1.write(into: &text, indent: indent + 2)
            if offset == members.count - 1 { text.append("\n") } else { text.append(",\n") }
        }
        text.appendSpaces(indent)
        text.append("}")
    }
}

extension JSONOutput {
    /// An identifier, a code or a named case, as its text.
    public static func string<Identifier: RawRepresentable>(_ value: Identifier) -> JSONOutput
    where Identifier.RawValue == String {
        .string(value.rawValue)
    }
}
