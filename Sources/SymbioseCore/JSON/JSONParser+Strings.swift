extension JSONParser {
    mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw failure("unterminated \\u escape", "échappement \\u non terminé") }
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default:
                throw failure(
                    "expected a hexadecimal digit in \\u escape, found \(describeCurrent().en)",
                    "chiffre hexadécimal attendu dans l'échappement \\u, trouvé \(describeCurrent().fr)")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    mutating func parseString() throws(Failure) -> String {
        advance()  // opening quote
        let start = index
        // Fast path: no escapes. No byte here is a line feed, so only the column moves.
        var high: UInt8 = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= byte
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        if high < 0x80, index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            // ASCII throughout, hence valid UTF-8: no buffer and no validation.
            let string = Self.asciiString(bytes, start..<index)
            advance()
            return string
        }
        var buffer = Array(bytes[start..<index])
        while true {
            guard index < bytes.count else { throw failure("unterminated string", "chaîne non terminée") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                guard let string = String(validating: buffer, as: UTF8.self) else {
                    throw failure("string is not valid UTF-8", "la chaîne n'est pas en UTF-8 valide", kind: .encoding)
                }
                return string
            case UInt8(ascii: "\\"):
                advance()
                try parseEscape(into: &buffer)
            default:
                if byte < 0x20 {
                    throw failure(
                        "control character in string: escape it", "caractère de contrôle dans une chaîne : échappez-le")
                }
                buffer.append(byte)
                advance()
            }
        }
    }

    /// The string of `range` of `bytes`, all ASCII.
    private static func asciiString(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { all in
            String(unsafeUninitializedCapacity: range.count) { target in
                _ = target.initialize(from: all[range])
                return range.count
            }
        }
    }

    /// After a backslash: the escaped character, appended to `buffer`.
    private mutating func parseEscape(into buffer: inout [UInt8]) throws(Failure) {
        guard index < bytes.count else { throw failure("unterminated escape", "échappement non terminé") }
        let escape = bytes[index]
        advance()
        switch escape {
        case UInt8(ascii: "\""): buffer.append(0x22)
        case UInt8(ascii: "\\"): buffer.append(0x5C)
        case UInt8(ascii: "/"): buffer.append(0x2F)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            buffer.append(contentsOf: Array(String(Character(try parseUnicodeEscape())).utf8))
        default:
            throw failure(
                "invalid escape '\\\(Character(Unicode.Scalar(escape)))'",
                "échappement '\\\(Character(Unicode.Scalar(escape)))' invalide")
        }
    }

    /// After `\u`: four hex digits, and a second escape for a surrogate pair.
    private mutating func parseUnicodeEscape() throws(Failure) -> Unicode.Scalar {
        var scalar = try parseHex4()
        if (0xD800...0xDBFF).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else {
                throw failure(
                    "lone high surrogate in \\u escape", "demi-codet haut isolé dans l'échappement \\u",
                    kind: .encoding)
            }
            advance()
            advance()
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure(
                    "invalid low surrogate in \\u escape", "demi-codet bas invalide dans l'échappement \\u",
                    kind: .encoding)
            }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(scalar) {
            throw failure(
                "lone low surrogate in \\u escape", "demi-codet bas isolé dans l'échappement \\u",
                kind: .encoding)
        }
        guard let unicode = Unicode.Scalar(scalar) else {
            throw failure("invalid \\u escape", "échappement \\u invalide", kind: .encoding)
        }
        return unicode
    }
}
