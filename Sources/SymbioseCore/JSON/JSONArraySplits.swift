/// Where to cut a long JSON array into parts read on their own: the first element at or after
/// each equal share of the bytes, with its index and its line and column.
///
/// The scan follows only brackets, commas and strings (with their escapes); it checks nothing
/// else. On a valid array the cuts are exact; on an invalid one they may not be, and the parser
/// reading the parts finds out (``JSONParser/readPart(first:next:end:read:progress:)``).
struct ArraySplits {
    struct Start {
        var offset: Int
        /// The element's index in the array.
        var element: Int
        var line: Int
        var column: Int
    }

    /// The first byte of each part's first element, the first part's being the array's first
    /// element.
    private(set) var starts: [Start] = []
    /// The offset of the array's closing `]`.
    private(set) var end = 0

    /// Scans the array whose `[` is at `array`, at `line` and `column`, for up to `parts` parts
    /// of at least `partBytes` bytes each; `nil` if the array has no end.
    init?(_ bytes: [UInt8], array: Int, line: Int, column: Int, parts: Int, partBytes: Int) {
        let share = max(partBytes, (bytes.count - array) / max(parts, 1))
        let found = bytes.withUnsafeBufferPointer { buffer in
            Self.scan(buffer, array: array, line: line, column: column, parts: parts, share: share)
        }
        guard let found else { return nil }
        (starts, end) = found
    }

    /// The line state of the scan: the offset its columns count from, and the column there.
    private struct Line {
        var number: Int
        var start: Int
        var column: Int

        /// The column of `offset` on this line: columns count characters, not bytes.
        func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var column = self.column
            for position in start..<offset where bytes[position] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        mutating func feed(at offset: Int) {
            number += 1
            start = offset + 1
            column = 1
        }
    }

    private static func scan(
        _ bytes: UnsafeBufferPointer<UInt8>, array: Int, line: Int, column: Int, parts: Int, share: Int
    ) -> (starts: [Start], end: Int)? {
        var starts: [Start] = []
        var state = Line(number: line, start: array, column: column)
        var (depth, elements, expecting) = (0, 0, true)
        var target = array
        func element(at offset: Int) {
            if offset >= target, starts.count < parts {
                starts.append(
                    Start(
                        offset: offset, element: elements, line: state.number,
                        column: state.column(of: offset, in: bytes)))
                target = offset + share
            }
            elements += 1
            expecting = false
        }
        var index = array + 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                if depth == 0, expecting { element(at: index) }
                index = skipString(bytes, after: index, line: &state)
            case 0x0A: state.feed(at: index)
            case 0x20, 0x09, 0x0D: break
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0, expecting { element(at: index) }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return byte == UInt8(ascii: "]") ? (starts, index) : nil }
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 0 { expecting = true }
            default:
                if depth == 0, expecting { element(at: index) }
            }
            index += 1
        }
        return nil
    }

    /// The offset of the closing quote of the string opened at `quote` (or the end of the bytes).
    private static func skipString(_ bytes: UnsafeBufferPointer<UInt8>, after quote: Int, line: inout Line) -> Int {
        var index = quote + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index
            case UInt8(ascii: "\\"): index += 1
            case 0x0A: line.feed(at: index)
            default: break
            }
            index += 1
        }
        return index
    }
}
