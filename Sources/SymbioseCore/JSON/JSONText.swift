import Foundation

/// JSON text being written, as UTF-8 bytes: appending to an array of bytes skips the
/// bookkeeping a `String` does on every append (capacity, counts, the ASCII flag), which was
/// about half of the time spent writing long outputs.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    /// The text written so far.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func append<Bytes: Collection>(bytes other: Bytes) where Bytes.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    /// Appends the bytes at `range` of this text to `other`.
    func appendCopy(of range: Range<Int>, to other: inout JSONText) {
        bytes.withUnsafeBufferPointer { other.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// `value` in decimal, as `String(value)` writes it, without making the string.
    mutating func append(integer value: Int64) {
        if value < 0 { bytes.append(0x2D) }
        var rest = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: buffer[position...])
        }
    }

    /// `value` the same way on every machine: a whole number without a fraction, any other in
    /// the shortest form that reads back to the same double.
    mutating func append(number value: Double) {
        if value == value.rounded(), abs(value) < 1e15 {
            append(integer: Int64(value))
        } else {
            append(value.description)
        }
    }

    mutating func appendSpaces(_ count: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: count))
    }

    /// Hands the bytes written to `emit`, which may keep them, and goes on from what it leaves:
    /// an empty array, perhaps with room.
    mutating func handOver(to emit: (inout [UInt8]) throws -> Void) rethrows {
        try emit(&bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Buffers given back once their text is copied on, for the threads to write the next
    /// pieces into: each thread takes one, so a few exist however long the output.
    final class Spare: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: [JSONText] = []

        func take() -> JSONText {
            lock.lock()
            defer { lock.unlock() }
            return texts.popLast() ?? JSONText(capacity: 1 << 16)
        }

        /// Keeps `text`'s room for a later piece, and leaves `text` empty.
        func give(_ text: inout JSONText) {
            var kept = JSONText()
            swap(&kept, &text)
            kept.clear()
            lock.lock()
            texts.append(kept)
            lock.unlock()
        }
    }

    /// Forgets everything written, keeping the room it took.
    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Forgets everything written after the first `count` bytes.
    mutating func truncate(to count: Int) {
        bytes.removeLast(bytes.count - count)
    }

    /// The number of characters written since byte `start`, as `String.count` counts them.
    func characters(from start: Int) -> Int {
        let written = bytes[start...]
        // Escaped JSON text in ASCII has one character per byte (control characters, and so a
        // carriage return before a line feed, are escaped).
        if !written.contains(where: { $0 >= 0x80 }) { return written.count }
        return String(decoding: written, as: UTF8.self).count
    }

    /// `value` as a JSON string: quoted, with quotes, backslashes and control characters
    /// escaped. Every other character is kept as it is.
    mutating func appendQuoted(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            // Most texts need no escape: appended whole, not a byte at a time.
            guard utf8.contains(where: Self.needsEscape) else {
                bytes.append(contentsOf: utf8)
                return
            }
            // A byte below 0x80 is a whole character in UTF-8, so escaping byte by byte leaves
            // every other character whole.
            for byte in utf8 { appendEscaped(byte) }
        }
        bytes.append(0x22)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        switch byte {
        case 0x22: append("\\\"")
        case 0x5C: append("\\\\")
        case 0x0A: append("\\n")
        case 0x0D: append("\\r")
        case 0x09: append("\\t")
        case 0..<0x20:
            append("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        default: bytes.append(byte)
        }
    }
}
