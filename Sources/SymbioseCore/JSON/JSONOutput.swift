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
        var writer = JSONWriter()
        writer.value(self)
        writer.appendRaw("\n")
        return writer.text.string
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
            members, streaming: streamed, count: count, threads: threads, element: { $1.value(element($0)) },
            toUTF8: { try JSONOutput.pass(&$0, asTextTo: emit) })
    }

    /// Writes the same text as UTF-8 bytes, handed over as the next one does.
    public static func writeObject(
        _ members: [(String, JSONOutput)], streaming streamed: String, count: Int, threads: Int = 1,
        element: @escaping @Sendable (Int) -> JSONOutput, toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        try writeObject(
            members, streaming: streamed, count: count, threads: threads, element: { $1.value(element($0)) },
            toUTF8: emit)
    }

    /// Writes the same text as ``writeObject(_:streaming:count:threads:element:to:)``, as UTF-8
    /// bytes, each element described to a writer by `element` rather than made first: `emit`
    /// takes each piece and leaves the array empty, perhaps with room kept from an earlier
    /// piece, so that a long output is made in the same few buffers from start to end.
    public static func writeObject(
        _ members: [(String, JSONOutput)], streaming streamed: String, count: Int, threads: Int = 1,
        element: @escaping @Sendable (Int, inout JSONWriter) -> Void, toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        // The object itself is laid out here, around the streamed array; its members' values
        // are written by the writer, at their indentation.
        var writer = JSONWriter(text: JSONText(capacity: 1 << 16), indent: 2)
        writer.appendRaw("{\n")
        for (offset, member) in members.enumerated() {
            writer.appendRaw("  ")
            writer.text.appendQuoted(member.0)
            writer.appendRaw(": ")
            if member.0 != streamed {
                writer.value(member.1)
            } else if count == 0 {
                writer.appendRaw("[]")
            } else {
                writer.appendRaw("[\n")
                try forEachBatch(count: count, threads: threads, layout: .pretty, to: emit, text: &writer.text) {
                    index, piece in
                    piece.appendRaw("    ")
                    element(index, &piece)
                    piece.appendRaw(index == count - 1 ? "\n" : ",\n")
                }
                writer.appendRaw("  ]")
            }
            writer.appendRaw(offset == members.count - 1 ? "\n" : ",\n")
        }
        writer.appendRaw("}\n")
        try writer.text.handOver(to: emit)
    }

    /// Hands UTF-8 `bytes` to a writer of texts, as a text, and leaves them empty with their
    /// room: what the writers of strings get from the writers of bytes.
    public static func pass(_ bytes: inout [UInt8], asTextTo emit: (String) throws -> Void) rethrows {
        try emit(String(decoding: bytes, as: UTF8.self))
        bytes.removeAll(keepingCapacity: true)
    }

    /// Writes the texts of `count` elements a batch at a time, each batch made on up to
    /// `threads` threads, by writers with `layout` at the indentation of a streamed array's
    /// elements, and handed to `emit` after what `text` already holds, which is left empty. The
    /// threads write into buffers kept from batch to batch: a fresh buffer of a few megabytes is
    /// memory the system clears first, a tenth of the time of a long output.
    static func forEachBatch(
        count: Int, threads: Int, layout: JSONWriter.Layout, to emit: (inout [UInt8]) throws -> Void,
        text: inout JSONText, _ write: @escaping @Sendable (Int, inout JSONWriter) -> Void
    ) rethrows {
        let batch = 4_096
        let spare = JSONText.Spare()
        for start in stride(from: 0, to: count, by: batch) {
            let end = min(count, start + batch)
            var pieces = Parallel.map(end - start, threads: threads) { range in
                var writer = JSONWriter(text: spare.take(), layout: layout, indent: 4)
                for index in range { write(start + index, &writer) }
                return [writer.text]
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
        var text = JSONText()
        text.append(number: value)
        return text.string
    }
}

extension JSONOutput {
    /// An identifier, a code or a named case, as its text.
    public static func string<Identifier: RawRepresentable>(_ value: Identifier) -> JSONOutput
    where Identifier.RawValue == String {
        .string(value.rawValue)
    }
}
