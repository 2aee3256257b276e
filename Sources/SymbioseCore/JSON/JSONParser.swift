/// A strict JSON parser (RFC 8259) over UTF-8 bytes that records the line and column of every
/// value and key.
///
/// It accepts a leading UTF-8 byte order mark, rejects duplicate keys, invalid UTF-8, lone
/// surrogates, leading zeros, trailing commas and any text after the value, and stops at a
/// nesting depth of ``maximumDepth`` so that hostile input cannot exhaust the stack.
///
/// - Complexity: O(*n*) in the size of the input.
public struct JSONParser {
    /// Why a text is not JSON, and where.
    public struct Failure: Error, Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case malformed
            case tooDeep
            case encoding
            /// More values than the parser's ``JSONParser/maximumValues``.
            case tooManyValues
        }

        public var kind: Kind
        public var text: LocalizedText
        public var position: TextPosition

        /// In English.
        public var message: String { text.en }
    }

    /// The deepest nesting of arrays and objects accepted.
    public static let maximumDepth = 128

    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1
    var depth = 0
    /// The most values read before the parse stops with ``Failure/Kind/tooManyValues``.
    var maximumValues = Int.max
    var values = 0
    /// The top-level member whose array elements `readElement` reads instead of the tree, from
    /// the byte offset where each starts.
    var streamedMember: String?
    var readElement: ((inout JSONParser, Int) throws(Failure) -> Void)?
    /// Reads the streamed member's array instead of `onElement`, on several threads.
    var arrayReader: (any StreamedArrayReader)?

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses one JSON document.
    ///
    /// - Throws: ``Failure`` with the position of the first problem.
    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        return try parser.parseDocument()
    }

    /// Parses one JSON document, handing each element of the top-level member `member`'s array
    /// to `each` as soon as it is read instead of keeping it: that member is an empty array in the
    /// tree returned. A long collection is then never held whole. `each` also gets the byte
    /// offset just after the element, to show progress.
    ///
    /// - Throws: ``Failure`` with the position of the first problem; elements already handed over
    ///   should then be dropped.
    /// More than `maximumValues` values (scalars, arrays and objects) stop the parse.
    public static func parse(
        _ bytes: [UInt8], streaming member: String, maximumValues: Int = .max, each: (JSONNode, Int) -> Void
    ) throws(Failure) -> JSONNode {
        try withoutActuallyEscaping(each) { (each) throws(Failure) -> JSONNode in
            var parser = JSONParser(bytes: bytes)
            parser.maximumValues = maximumValues
            parser.streamedMember = member
            parser.readElement = { (parser, _) throws(Failure) in
                let node = try parser.parseValue()
                each(node, parser.index)
            }
            return try parser.parseDocument()
        }
    }

    mutating func parseDocument() throws(Failure) -> JSONNode {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        let node = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw failure("unexpected text after the JSON value", "texte inattendu après la valeur JSON")
        }
        return node
    }

    var position: TextPosition { TextPosition(line: line, column: column) }

    func failure(_ en: String, _ fr: String, kind: Failure.Kind = .malformed) -> Failure {
        Failure(kind: kind, text: LocalizedText(en: en, fr: fr), position: position)
    }

    mutating func advance() {
        let byte = bytes[index]
        index += 1
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D, 0x0A: advance()
            default: return
            }
        }
    }

    func describeCurrent() -> LocalizedText {
        guard index < bytes.count else { return LocalizedText(en: "the end of the input", fr: "la fin du texte") }
        let byte = bytes[index]
        if byte >= 0x21 && byte < 0x7F {
            let character = "'\(Character(Unicode.Scalar(byte)))'"
            return LocalizedText(en: character, fr: character)
        }
        let hex = String(byte, radix: 16, uppercase: true)
        let code = "0x" + (hex.count == 1 ? "0" + hex : hex)
        return LocalizedText(en: "byte " + code, fr: "l'octet " + code)
    }

    package mutating func parseValue() throws(Failure) -> JSONNode {
        guard index < bytes.count else {
            throw failure(
                "expected a JSON value, found the end of the input",
                "une valeur JSON était attendue, trouvé la fin du texte")
        }
        values += 1
        if values > maximumValues {
            throw failure(
                "more than \(maximumValues) values", "plus de \(maximumValues) valeurs", kind: .tooManyValues)
        }
        let start = position
        switch bytes[index] {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(), at: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(), at: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "t"): try expectLiteral("true"); return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"): try expectLiteral("false"); return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"): try expectLiteral("null"); return JSONNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), at: start)
        default:
            throw failure(
                "expected a JSON value, found \(describeCurrent().en)",
                "une valeur JSON était attendue, trouvé \(describeCurrent().fr)")
        }
    }

    mutating func expectLiteral(_ literal: String) throws(Failure) {
        let start = position
        for byte in literal.utf8 {
            guard index < bytes.count, bytes[index] == byte else {
                throw Failure(
                    kind: .malformed, text: LocalizedText(en: "expected '\(literal)'", fr: "« \(literal) » attendu"),
                    position: start)
            }
            advance()
        }
    }

    mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth {
            throw failure(
                "nesting deeper than \(Self.maximumDepth) levels",
                "imbrication de plus de \(Self.maximumDepth) niveaux", kind: .tooDeep)
        }
    }

    mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        advance()  // {
        var members: [JSONMember] = []
        var seen = Set<String>()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            advance()
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                if !members.isEmpty, index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw failure(
                        "trailing comma before '}': remove the last ','",
                        "virgule en trop avant '}' : retirez la dernière ','")
                }
                throw failure(
                    "expected a quoted member name, found \(describeCurrent().en)",
                    "un nom de membre entre guillemets était attendu, trouvé \(describeCurrent().fr)")
            }
            members.append(try parseMember(after: members, seen: &seen))
            skipWhitespace()
            guard index < bytes.count else {
                throw failure("unterminated object: expected ',' or '}'", "objet non terminé : ',' ou '}' attendu")
            }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: "}") {
                advance()
                return .object(members)
            }
            throw failure(
                "expected ',' or '}' in object, found \(describeCurrent().en)",
                "',' ou '}' attendu dans l'objet, trouvé \(describeCurrent().fr)")
        }
    }

    /// One `"name": value` member of an object; the streamed member's array is handed out
    /// element by element and kept empty.
    ///
    /// A key is compared with those of the object's first members one by one, then through
    /// `seen` once the object has many: hashing every key of a file cost more than comparing it.
    private mutating func parseMember(after members: [JSONMember], seen: inout Set<String>) throws(Failure)
        -> JSONMember
    {
        let keyPosition = position
        let key = try parseString()
        let duplicate: Bool
        if members.count < 16 {
            duplicate = members.contains { $0.key == key }
        } else {
            if seen.isEmpty { seen = Set(members.map(\.key)) }
            duplicate = !seen.insert(key).inserted
        }
        if duplicate {
            throw Failure(
                kind: .malformed,
                text: LocalizedText(en: "duplicate member \"\(key)\"", fr: "membre « \(key) » en double"),
                position: keyPosition)
        }
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw failure(
                "expected ':' after member name, found \(describeCurrent().en)",
                "':' attendu après le nom du membre, trouvé \(describeCurrent().fr)")
        }
        advance()
        skipWhitespace()
        let value: JSONNode
        if depth == 1, key == streamedMember, index < bytes.count, bytes[index] == UInt8(ascii: "[") {
            let start = position
            if let arrayReader { try arrayReader.read(&self) } else { _ = try parseArray(streaming: true) }
            value = JSONNode(.array([]), at: start)
        } else {
            value = try parseValue()
        }
        return JSONMember(key: key, keyPosition: keyPosition, value: value)
    }

    /// - Parameter streaming: have `readElement` read each element instead of keeping it.
    mutating func parseArray(streaming: Bool = false) throws(Failure) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        advance()  // [
        var elements: [JSONNode] = []
        var count = 0
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if count > 0, index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw failure(
                    "trailing comma before ']': remove the last ','",
                    "virgule en trop avant ']' : retirez la dernière ','")
            }
            if streaming, let readElement { try readElement(&self, index) } else { elements.append(try parseValue()) }
            count += 1
            skipWhitespace()
            guard index < bytes.count else {
                throw failure("unterminated array: expected ',' or ']'", "tableau non terminé : ',' ou ']' attendu")
            }
            if bytes[index] == UInt8(ascii: ",") {
                advance()
                continue
            }
            if bytes[index] == UInt8(ascii: "]") {
                advance()
                return .array(elements)
            }
            throw failure(
                "expected ',' or ']' in array, found \(describeCurrent().en)",
                "',' ou ']' attendu dans le tableau, trouvé \(describeCurrent().fr)")
        }
    }

    mutating func parseNumber() throws(Failure) -> Double {
        let start = index
        let startPosition = position
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        guard index < bytes.count, isDigit(bytes[index]) else { throw failure("expected a digit", "chiffre attendu") }
        if bytes[index] == UInt8(ascii: "0") {
            advance()
            if index < bytes.count, isDigit(bytes[index]) {
                throw failure("leading zeros are not allowed", "les zéros en tête sont interdits")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            advance()
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("expected a digit after '.'", "chiffre attendu après '.'")
            }
            while index < bytes.count, isDigit(bytes[index]) { advance() }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            advance()
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                advance()
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw failure("expected a digit in exponent", "chiffre attendu dans l'exposant")
            }
            while index < bytes.count, isDigit(bytes[index]) { advance() }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text) else {
            throw Failure(
                kind: .malformed, text: LocalizedText(en: "invalid number \(text)", fr: "nombre invalide \(text)"),
                position: startPosition)
        }
        return value
    }
}
