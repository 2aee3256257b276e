import Testing

@testable import SymbioseCore

/// The writer lays a value out as it is described, without seeing it whole: a container goes
/// on one line until it cannot, then is laid out again. Its text must be that of the layout's
/// definition, which looks at each value whole (below, `definition`).
@Suite struct JSONWriterTests {
    private func written(_ value: JSONOutput, layout: JSONWriter.Layout = .pretty, indent: Int = 0) -> String {
        var writer = JSONWriter(layout: layout, indent: indent)
        writer.value(value)
        return writer.text.string
    }

    @Test func containersGoOnSeveralLinesWhenTheyCannotStayOnOne() {
        let four = JSONOutput.object([("a", .integer(1)), ("b", .string("x")), ("c", .null), ("d", .bool(true))])
        #expect(written(four) == #"{"a": 1, "b": "x", "c": null, "d": true}"#)
        let five = JSONOutput.object([
            ("a", .integer(1)), ("b", .string("x")), ("c", .null), ("d", .bool(true)), ("e", .number(0.5)),
        ])
        #expect(written(five) == "{\n  \"a\": 1,\n  \"b\": \"x\",\n  \"c\": null,\n  \"d\": true,\n  \"e\": 0.5\n}")
        let wide = JSONOutput.object([("name", .string(String(repeating: "w", count: 62)))])
        #expect(written(wide) == "{\n  \"name\": \"" + String(repeating: "w", count: 62) + "\"\n}")
        // An empty array is a container: the object around it takes several lines.
        let empty = JSONOutput.object([("a", .integer(1)), ("months", .array([]))])
        #expect(written(empty) == "{\n  \"a\": 1,\n  \"months\": []\n}")
        // Scalars written on one line before an object are laid out again, one per line.
        let mixed = JSONOutput.array([.string("a, b"), .integer(2), .object([("k", .null)]), .integer(3)])
        #expect(written(mixed, indent: 4) == "[\n      \"a, b\",\n      2,\n      {\"k\": null},\n      3\n    ]")
        #expect(written(mixed, layout: .compact) == #"["a, b",2,{"k":null},3]"#)
        #expect(written(.object([]), indent: 2) == "{}")
    }

    /// Random values of every shape the layout tells apart: small and large objects of
    /// scalars, wide texts, empty and nested containers, texts to escape and beyond ASCII.
    private func random(depth: Int, _ generator: inout SeededRandom) -> JSONOutput {
        let texts = ["", "t", "é", "a\"b", String(repeating: "x", count: 30), "🔥 chaleur", "a\nb"]
        switch generator.next() % (depth > 3 ? 5 : 8) {
        case 0: return .null
        case 1: return .integer(Int(generator.next() % 2_000) - 1_000)
        case 2: return .number(Double(Int(generator.next() % 100_000) - 50_000) / 64)
        case 3: return .bool(generator.next() % 2 == 0)
        case 4: return .string(texts[Int(generator.next() % UInt64(texts.count))])
        case 5, 6:
            let count = Int(generator.next() % 7)
            return .object(
                (0..<count).map { index in ("k\(index)", random(depth: depth + 1, &generator)) })
        default:
            return .array((0..<Int(generator.next() % 5)).map { _ in random(depth: depth + 1, &generator) })
        }
    }

    @Test func everyRandomValueIsWrittenAsTheLayoutDefinesIt() {
        var generator = SeededRandom(seed: 11)
        for _ in 0..<2_000 {
            let value = random(depth: 0, &generator)
            var expected = JSONText()
            definition(value, into: &expected, indent: 4)
            #expect(written(value, indent: 4) == expected.string)
            // Made whole by a builder, the value is the same.
            #expect(JSONTreeBuilder.build { $0.value(value) }.rendered() == value.rendered())
        }
    }

    /// The layout, as the whole value tells it: arrays of scalars on one line, objects of at
    /// most four scalars on one line if it is short enough, every other container one item a line.
    private func definition(_ value: JSONOutput, into text: inout JSONText, indent: Int) {
        func isScalar(_ value: JSONOutput) -> Bool {
            switch value {
            case .array, .object: false
            default: true
            }
        }
        func lines(_ items: [(String?, JSONOutput)], _ open: StaticString, _ close: StaticString) {
            text.append(open)
            for (offset, (key, item)) in items.enumerated() {
                text.append(offset == 0 ? "\n" : ",\n")
                text.appendSpaces(indent + 2)
                if let key {
                    text.appendQuoted(key)
                    text.append(": ")
                }
                definition(item, into: &text, indent: indent + 2)
            }
            text.append("\n")
            text.appendSpaces(indent)
            text.append(close)
        }
        switch value {
        case .array(let elements) where !elements.isEmpty:
            guard elements.allSatisfy(isScalar) else { return lines(elements.map { (nil, $0) }, "[", "]") }
            text.append("[")
            for (offset, element) in elements.enumerated() {
                if offset > 0 { text.append(", ") }
                definition(element, into: &text, indent: indent)
            }
            text.append("]")
        case .object(let members) where !members.isEmpty:
            let start = text.count
            if members.count <= 4, members.allSatisfy({ isScalar($0.1) }) {
                text.append("{")
                for (offset, member) in members.enumerated() {
                    if offset > 0 { text.append(", ") }
                    text.appendQuoted(member.0)
                    text.append(": ")
                    definition(member.1, into: &text, indent: indent)
                }
                text.append("}")
                if text.characters(from: start) <= JSONOutput.inlineObjectWidth { return }
                text.truncate(to: start)
            }
            lines(members.map { ($0.0, $0.1) }, "{", "}")
        case .array: text.append("[]")
        case .object: text.append("{}")
        case .null: text.append("null")
        case .bool(let flag): text.append(flag ? "true" : "false")
        case .integer(let number): text.append(String(number))
        case .number(let number): text.append(JSONOutput.format(number))
        case .string(let string): text.appendQuoted(string)
        }
    }
}
