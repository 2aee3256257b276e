/// JSON Lines (also called NDJSON): one value per line, so that DuckDB, pandas or `jq` read a
/// long list record by record without loading it whole (<https://jsonlines.org>).
extension JSONOutput {
    /// Writes `count` values made by `element`, one per line, a batch at a time rendered on up
    /// to `threads` threads: only one batch exists at once, whatever the count.
    public static func writeLines(
        count: Int, threads: Int = 1, element: @escaping @Sendable (Int) -> JSONOutput,
        to emit: (String) throws -> Void
    ) rethrows {
        try writeLines(
            count: count, threads: threads, element: element, toUTF8: { try JSONOutput.pass(&$0, asTextTo: emit) })
    }

    /// Writes the same lines as UTF-8 bytes.
    public static func writeLines(
        count: Int, threads: Int = 1, element: @escaping @Sendable (Int) -> JSONOutput,
        toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        try writeLines(count: count, threads: threads, element: { $1.value(element($0)) }, toUTF8: emit)
    }

    /// Writes the same lines as UTF-8 bytes, each value described to a compact writer by
    /// `element`, handed to `emit` as ``writeObject(_:streaming:count:threads:element:toUTF8:)``
    /// hands them.
    public static func writeLines(
        count: Int, threads: Int = 1, element: @escaping @Sendable (Int, inout JSONWriter) -> Void,
        toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        var text = JSONText()
        try forEachBatch(count: count, threads: threads, layout: .compact, to: emit, text: &text) { index, piece in
            element(index, &piece)
            piece.appendRaw("\n")
        }
    }
}
