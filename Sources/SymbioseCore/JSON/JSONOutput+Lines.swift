/// JSON Lines (also called NDJSON): one value per line, so that DuckDB, pandas or `jq` read a
/// long list record by record without loading it whole (<https://jsonlines.org>).
extension JSONOutput {
    private func writeCompact(into text: inout String) {
        switch self {
        case .array(let elements):
            text += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text += "," }
                element.writeCompact(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (offset, member) in members.enumerated() {
                if offset > 0 { text += "," }
                Self.writeString(member.0, into: &text)
                text += ":"
                member.1.writeCompact(into: &text)
            }
            text += "}"
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
        let batch = 4_096
        for start in stride(from: 0, to: count, by: batch) {
            let end = min(count, start + batch)
            let pieces = Parallel.map(end - start, threads: threads) { range in
                var piece = ""
                for index in range {
                    element(start + index).writeCompact(into: &piece)
                    piece += "\n"
                }
                return [piece]
            }
            try emit(pieces.joined())
        }
    }
}
