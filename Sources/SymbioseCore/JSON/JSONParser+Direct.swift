/// The names of an object's members, numbered in the order given, for reading the object
/// straight from the text (``JSONParser/readObject(_:_:)``).
package struct JSONKeys: Sendable {
    /// The names by length in bytes, each with its number.
    private let byLength: [[(name: [UInt8], number: Int)]]

    /// At most 64 names.
    package init(_ names: [String]) {
        precondition(names.count <= 64, "at most 64 member names")
        var byLength = [[(name: [UInt8], number: Int)]](repeating: [], count: (names.map(\.utf8.count).max() ?? 0) + 1)
        for (number, name) in names.enumerated() { byLength[name.utf8.count].append((Array(name.utf8), number)) }
        self.byLength = byLength
    }

    /// The number of the name held by `bytes[range]`.
    func number(of bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard range.count < byLength.count else { return nil }
        for (name, number) in byLength[range.count] where name.elementsEqual(bytes[range]) { return number }
        return nil
    }
}

/// Reading values straight from the text, without making nodes, for a reader that knows the
/// shape it expects: each reader takes the next value when it has the type asked for and
/// returns `nil` (or `false`) otherwise, without a diagnostic. A reader that meets anything
/// unexpected goes back to a ``mark`` and parses the value whole, which finds the problem and
/// says where, exactly as a parse that never tried.
///
/// Values are counted, nesting is bounded and positions move as in ``parseValue()``; what is
/// read this way is what a parse would read (strings and numbers are read by the same code).
extension JSONParser {
    /// Where the parser stands.
    package struct Mark: Sendable {
        fileprivate let index: Int, line: Int, column: Int, depth: Int, values: Int
    }

    package var mark: Mark { Mark(index: index, line: line, column: column, depth: depth, values: values) }

    /// Back to where `mark` was taken.
    package mutating func reset(to mark: Mark) {
        (index, line, column, depth, values) = (mark.index, mark.line, mark.column, mark.depth, mark.values)
    }

    /// The line and column of the next byte.
    package var textPosition: TextPosition { position }

    /// Where the next byte is in the text.
    package var offset: Int { index }

    /// The next byte, if any.
    private var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Counts one more value, as ``parseValue()`` does; `false` past the most allowed.
    private mutating func countValue() -> Bool {
        values += 1
        return values <= maximumValues
    }

    /// The next value, when it is a string.
    package mutating func readString() throws(Failure) -> String? {
        guard next == UInt8(ascii: "\""), countValue() else { return nil }
        return try parseString()
    }

    /// The next value, when it is a number (infinite for a literal beyond `Double`'s range).
    package mutating func readNumber() throws(Failure) -> Double? {
        guard let byte = next, byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")),
            countValue()
        else { return nil }
        return try parseNumber()
    }

    /// The next value, when it is `true` or `false`.
    package mutating func readBool() throws(Failure) -> Bool? {
        switch next {
        case UInt8(ascii: "t")?:
            guard countValue() else { return nil }
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f")?:
            guard countValue() else { return nil }
            try expectLiteral("false")
            return false
        default:
            return nil
        }
    }

    /// Reads the next value when it is an object whose members are all named in `keys`, each
    /// once: `member` gets the number of each member's name, with the parser at its value, and
    /// reads the value. `false` when the value is not such an object, when a name has escapes,
    /// or when `member` returns `false`; the parser is then anywhere within the object.
    package mutating func readObject(
        _ keys: JSONKeys, _ member: (inout JSONParser, Int) throws(Failure) -> Bool
    ) throws(Failure) -> Bool {
        guard next == UInt8(ascii: "{"), countValue() else { return false }
        try enter()
        defer { depth -= 1 }
        advance()  // {
        skipWhitespace()
        if next == UInt8(ascii: "}") {
            advance()
            return true
        }
        var seen: UInt64 = 0
        while true {
            skipWhitespace()
            guard let number = readKey(keys), seen & (1 << number) == 0 else { return false }
            seen |= 1 << number
            skipWhitespace()
            guard next == UInt8(ascii: ":") else { return false }
            advance()
            skipWhitespace()
            guard try member(&self, number) else { return false }
            skipWhitespace()
            switch next {
            case UInt8(ascii: ",")?: advance()
            case UInt8(ascii: "}")?:
                advance()
                return true
            default: return false
            }
        }
    }

    /// The number in `keys` of the member name here, read past it; `nil` for a name not in
    /// `keys` or written with escapes.
    private mutating func readKey(_ keys: JSONKeys) -> Int? {
        guard next == UInt8(ascii: "\"") else { return nil }
        let start = index + 1
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
            // Names are ASCII: anything else is left to the parse.
            guard bytes[end] >= 0x20, bytes[end] < 0x80, bytes[end] != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        guard end < bytes.count, let number = keys.number(of: bytes, start..<end) else { return nil }
        column += end + 1 - index
        index = end + 1
        return number
    }

    /// Reads the next value when it is an array: `element` reads each element, with the parser
    /// at its start. `false` when the value is not an array or `element` returns `false`.
    package mutating func readArray(_ element: (inout JSONParser) throws(Failure) -> Bool) throws(Failure) -> Bool {
        guard next == UInt8(ascii: "["), countValue() else { return false }
        try enter()
        defer { depth -= 1 }
        advance()  // [
        skipWhitespace()
        if next == UInt8(ascii: "]") {
            advance()
            return true
        }
        while true {
            skipWhitespace()
            guard try element(&self) else { return false }
            skipWhitespace()
            switch next {
            case UInt8(ascii: ",")?: advance()
            case UInt8(ascii: "]")?:
                advance()
                return true
            default: return false
            }
        }
    }
}
