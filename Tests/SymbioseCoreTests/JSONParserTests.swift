import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct JSONParserTests {
    private func parse(_ text: String) throws(JSONParser.Failure) -> JSONNode {
        try JSONParser.parse(Array(text.utf8))
    }

    @Test func parsesNestedValuesWithPositions() throws {
        let node = try parse("{\n  \"a\": [1, -2.5e1, true, null],\n  \"b\": \"é\\u00e9\\ud83d\\ude00\"\n}")
        guard case .object(let members) = node.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == TextPosition(line: 2, column: 3))
        #expect(members[0].value.position == TextPosition(line: 2, column: 8))
        #expect(members[1].value.value == .string("éé😀"))
        guard case .array(let elements) = members[0].value.value else {
            Issue.record("not an array")
            return
        }
        #expect(elements.map(\.value) == [.number(1), .number(-25), .bool(true), .null])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let node = try parse("{\"é\": \"ü\", \"x\": 1}")
        guard case .object(let members) = node.value else { return }
        #expect(members[1].keyPosition == TextPosition(line: 1, column: 12))
    }

    @Test func acceptsByteOrderMark() throws {
        let node = try JSONParser.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8))
        #expect(node.value == .array([]))
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9, "trailing comma"),
        ("[1, 2,]", 1, 7, "trailing comma"),
        ("{\"a\": 1, \"a\": 2}", 1, 10, "duplicate"),
        ("{\"a\": 01}", 1, 8, "leading zeros"),
        ("[1] x", 1, 5, "after the JSON value"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("\"abc", 1, 5, "unterminated"),
        ("[tru]", 1, 2, "expected 'true'"),
        ("\n\n  @", 3, 3, "expected a JSON value"),
        ("\"a\tb\"", 1, 3, "control character"),
    ])
    func reportsMalformedInputWithPosition(text: String, line: Int, column: Int, fragment: String) {
        do {
            _ = try parse(text)
            Issue.record("parsed invalid JSON: \(text)")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.position == TextPosition(line: line, column: column), "\(text)")
            #expect(error.message.contains(fragment), "\(error.message)")
        }
    }

    /// Keys are compared one by one in small objects and through a set in large ones: a
    /// duplicate is found, at its own position, on either side of the switch.
    @Test(arguments: [3, 15, 16, 17, 40])
    func duplicateMembersAreFoundInObjectsOfAnySize(count: Int) {
        let members = (0..<count).map { "\"k\($0)\": \($0)" }
        let text = "{" + (members + ["\"k\(count - 1)\": 0"]).joined(separator: ", ") + "}"
        let column = text.count - "\"k\(count - 1)\": 0}".count + 1
        do {
            _ = try parse(text)
            Issue.record("accepted a duplicate member among \(count)")
        } catch {
            #expect(error.message.contains("duplicate member \"k\(count - 1)\""))
            #expect(error.position == TextPosition(line: 1, column: column))
        }
        #expect(throws: Never.self) { _ = try parse("{" + members.joined(separator: ", ") + "}") }
    }

    /// Strings of plain ASCII are read on a shorter path than those with escapes or accents:
    /// both give the same text and leave the same columns behind them.
    @Test func asciiAndNonASCIIStringsReadAlike() throws {
        let node = try parse("[\"plain\", \"caf\u{e9}\", \"tab\\there\", \"\u{e9}t\u{e9}\", 1]")
        guard case .array(let elements) = node.value else {
            Issue.record("not an array")
            return
        }
        #expect(
            elements.map(\.value) == [
                .string("plain"), .string("caf\u{e9}"), .string("tab\there"), .string("\u{e9}t\u{e9}"), .number(1),
            ])
        #expect(elements.map(\.position.column) == [2, 11, 19, 32, 39])
    }

    @Test func rejectsDeepNestingWithoutExhaustingTheStack() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.Failure.self) { _ = try parse(text) }
        do {
            _ = try parse(text)
        } catch {
            #expect(error.kind == .tooDeep)
        }
    }

    @Test func rejectsInvalidUTF8AndLoneSurrogates() {
        for bytes in [Array("[\"a".utf8) + [0xE9] + Array("\"]".utf8), Array("[\"\\ud800\"]".utf8)] {
            do {
                _ = try JSONParser.parse(bytes)
                Issue.record("accepted invalid text")
            } catch {
                #expect(error.kind == .encoding)
            }
        }
    }

    @Test func overflowingNumbersBecomeInfinityForTheDecoderToReport() throws {
        let node = try parse("1e999")
        #expect(node.value == .number(.infinity))
    }

    @Test func outputIsStableAndReadsBack() throws {
        let output = JSONOutput.object([
            ("b", .array([.integer(1), .number(0.1), .string("x\"\n")])),
            ("a", .object([("q", .number(2.5)), ("u", .string("t"))])),
            ("c", .object([("nested", .array([.object([("k", .null)])]))])),
        ])
        let text = output.rendered()
        #expect(
            text == """
                {
                  "b": [1, 0.1, "x\\"\\n"],
                  "a": {"q": 2.5, "u": "t"},
                  "c": {
                    "nested": [
                      {"k": null}
                    ]
                  }
                }

                """)
        _ = try JSONParser.parse(Array(text.utf8))
        #expect(JSONOutput.format(120000) == "120000")
        #expect(JSONOutput.format(49.3906) == "49.3906")
        #expect(JSONOutput.format(-0.5) == "-0.5")
    }

    @Test func textsAreEscapedExactlyWhereJSONNeedsIt() throws {
        let texts = [
            "Fonderie de l’Oise – Chauny", "🔥 chaleur", "\"\u{301}é", "a\\b\u{1}\r\n\t", "", "\u{1F}",
        ]
        let text = JSONOutput.array(texts.map { .string($0) }).rendered()
        #expect(
            text == #"["Fonderie de l’Oise – Chauny", "🔥 chaleur", "\"\#u{301}é", "a\\b\u0001\r\n\t", "", "\u001f"]"#
                + "\n")
        guard case .array(let values) = try JSONParser.parse(Array(text.utf8)).value else {
            Issue.record("not an array")
            return
        }
        #expect(values.map(\.value) == texts.map { .string($0) })
        // Indentation past the depths made in advance.
        var deep = JSONOutput.array([.integer(1), .object([])])
        for _ in 0..<30 { deep = .array([deep, .object([])]) }
        let lines = deep.rendered().split(separator: "\n")
        #expect(lines.map { $0.prefix { $0 == " " }.count }.max() == 62)
        // Numbers: integers as they are, whole doubles without a fraction, others shortest.
        let numbers: [JSONOutput] = [
            .integer(0), .integer(-7), .integer(Int.min), .integer(Int.max), .number(-0.0),
            .number(999_999_999_999_999),
            .number(1e15), .number(1e16), .number(-2.5), .number(0.1),
        ]
        #expect(
            JSONOutput.array(numbers).rendered()
                == "[0, -7, -9223372036854775808, 9223372036854775807, 0, 999999999999999, 1000000000000000.0, 1e+16, -2.5, 0.1]\n"
        )
        // A small object stays on one line when its characters, not its bytes, fit the width.
        let fits = JSONOutput.object([("name", .string(String(repeating: "é", count: 60)))]).rendered()
        #expect(fits == "{\"name\": \"" + String(repeating: "é", count: 60) + "\"}\n")
        let wide = JSONOutput.object([("name", .string(String(repeating: "é", count: 61)))]).rendered()
        #expect(wide == "{\n  \"name\": \"" + String(repeating: "é", count: 61) + "\"\n}\n")
    }
}

@Suite struct StreamedParsingTests {
    @Test func elementsOfTheStreamedMemberAreHandedOverInOrderAndNotKept() throws {
        let text = #"{"schema": "x", "profiles": [{"a": 1}, [2], "three"], "after": {"profiles": [9]}}"#
        var seen: [JSONNode] = []
        var offsets: [Int] = []
        let root = try JSONParser.parse(Array(text.utf8), streaming: "profiles") {
            seen.append($0)
            offsets.append($1)
        }
        #expect(seen.count == 3)
        // The offset just after each element: after `}`, `]` and the closing quote.
        #expect(offsets == [37, 42, 51])
        #expect(seen[2].value == .string("three"))
        #expect(seen[1].position == TextPosition(line: 1, column: 40))
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.first { $0.key == "profiles" }?.value.value == .array([]))
        // Only the top-level member is streamed.
        let after = members.first { $0.key == "after" }?.value
        guard case .object(let inner)? = after?.value else {
            Issue.record("no inner object")
            return
        }
        #expect(inner.first?.value.value == .array([JSONNode(.number(9), at: TextPosition(line: 1, column: 78))]))
    }

    @Test func errorsAfterStreamedElementsAreStillLocated() {
        let text = "{\"profiles\": [1, 2,]}"
        var seen = 0
        #expect(throws: JSONParser.Failure.self) {
            _ = try JSONParser.parse(Array(text.utf8), streaming: "profiles") { _, _ in seen += 1 }
        }
        #expect(seen == 2)
        do {
            _ = try JSONParser.parse(Array(text.utf8), streaming: "profiles") { _, _ in }
        } catch {
            #expect(error.position == TextPosition(line: 1, column: 20))
        }
    }
}

@Suite struct NoInfinityTests {
    @Test func nonFiniteNumbersAreWrittenAsNull() throws {
        let document = JSONOutput.object([
            ("huge", .number(.infinity)), ("none", .number(.nan)), ("fine", .number(1.5)),
        ]).rendered()
        #expect(!document.contains("inf") && !document.contains("nan"))
        let root = try JSONParser.parse(Array(document.utf8))
        guard case .object(let members) = root.value else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.value.value) == [.null, .null, .number(1.5)])
    }

    @Test func absurdQuantitiesAreErrors() throws {
        var profile = TestSupport.sampleProfile()
        profile.outputs[0].quantity = Quantity(value: 1e308, unit: .tonne)
        let found = ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate([TestSupport.loaded(profile)])
        #expect(found.contains { $0.code == .valueTooLarge && $0.severity == .error })
    }
}
