/// JSON Lines (also called NDJSON): one value per line, so that DuckDB, pandas or `jq` read a
/// long list record by record without loading it whole (<https://jsonlines.org>).
extension JSONOutput {
    private func writeCompact(into text: inout JSONText) {
        switch self {
        case .array(let elements):
            text.append("[")
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text.append(",") }
                element.writeCompact(into: &text)
            }
            text.append("]")
        case .object(let members):
            text.append("{")
            for (offset, member) in members.enumerated() {
                if offset > 0 { text.append(",") }
                text.appendQuoted(member.0)
                text.append(":")
                member.1.writeCompact(into: &text)
            }
            text.append("}")
        default:
            // Scalars are written the same way in both layouts.
            write(into: &text, indent: 0)
        }
    }

    /// Writes `count` values made by `element`, one per line, a batch at a time rendered on up
    /// to `threads` threads: only one batch exists at once, whatever the count.
    public static func writeLines(
        count: Int, threads: Int = 1, element: @escaping @Sendable (Int) -> JSONOutput,
        to emit: (String) throws -> Void
    ) rethrows {
        try writeLines(
            count: count, threads: threads, element: element,
            toUTF8: { try JSONOutput.pass(&$0, asTextTo: emit) })
    }

    /// Writes the same lines as UTF-8 bytes, handed to `emit` as
    /// ``writeObject(_:streaming:count:threads:element:toUTF8:)`` hands them.
    public static func writeLines(
        count: Int, threads: Int = 1, element: @escaping @Sendable (Int) -> JSONOutput,
        toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        var text = JSONText()
        try forEachBatch(count: count, threads: threads, to: emit, text: &text) { index, piece in
            element(index).writeCompact(into: &piece)
            piece.append("\n")
        }
    }
}
