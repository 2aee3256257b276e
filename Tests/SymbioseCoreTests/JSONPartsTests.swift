import Testing

@testable import SymbioseCore

/// A long array read in parts on several threads gives what a one-pass read gives: the same
/// elements at the same lines and columns, the same indices, the same first error.
@Suite struct JSONPartsTests {
    /// Elements, each with the index it was given, and how many parts were read.
    private struct Read: Equatable {
        var root: JSONNode
        var elements: [JSONNode]
        var indices: [Int]
        var parts: Int
    }

    private func read(_ text: [UInt8], threads: Int, maximumValues: Int = .max) -> Result<Read, JSONParser.Failure> {
        Result { () throws(JSONParser.Failure) -> Read in
            let read = try JSONParser.parse(
                text, streaming: "profiles", threads: threads, partBytes: 0, maximumValues: maximumValues,
                progress: { _ in },
                read: { (parser, index, _) throws(JSONParser.Failure) in (try parser.parseValue(), index) })
            let elements = read.parts.flatMap { $0 }
            return Read(
                root: read.root, elements: elements.map(\.0), indices: elements.map(\.1), parts: read.parts.count)
        }
    }

    /// A collection written over many lines, with accents before elements (columns count
    /// characters), and brackets, commas and quotes inside strings.
    private var collection: String { collection(of: 40) }

    private func collection(of count: Int) -> String {
        let elements = (0..<count).map { index in
            """
              {"id": "é\(index)", "text": "a [tricky], {\\"quoted\\"} \\\\ value ]", "list": [1, [2, {"x": null}]],
               "n": -\(index).5e1, "ok": true}
            """
        }
        return "{\"schema\": \"s\", \"profiles\": [\n" + elements.joined(separator: ",\n") + "\n], \"after\": [3]}\n"
    }

    @Test func partsGiveTheElementsOfOnePass() throws {
        for text in [collection, "\u{FEFF}" + collection.replacingOccurrences(of: "\n", with: " ")] {
            let bytes = Array(text.utf8)
            let one = try read(bytes, threads: 1).get()
            #expect(one.parts == 1)
            #expect(one.elements.count == 40)
            #expect(one.indices == Array(0..<40))
            for threads in [2, 3, 7] {
                var parted = try read(bytes, threads: threads).get()
                #expect(parted.parts == threads)
                parted.parts = 1
                #expect(parted == one)
            }
        }
    }

    @Test func aMalformedArrayFailsAsInOnePass() throws {
        let good = collection
        let broken = [
            good.replacingOccurrences(of: "\n]", with: ",\n]"),  // trailing comma
            good.replacingOccurrences(of: "\"é30\"", with: "\"é30"),  // unterminated string, late
            good.replacingOccurrences(of: "\"é25\", ", with: "\"é25\" "),  // missing comma
            good.replacingOccurrences(of: "true},\n  {\"id\": \"é20\"", with: "true}\n  {\"id\": \"é20\""),  // no comma between
            good.replacingOccurrences(of: "-33.5e1", with: "-033.5"),  // leading zero
            String(good.prefix(good.count - 20)),  // no end
        ]
        for text in broken {
            let bytes = Array(text.utf8)
            guard case .failure(let expected) = read(bytes, threads: 1) else {
                Issue.record("a broken text was read")
                continue
            }
            for threads in [2, 3, 7] {
                guard case .failure(let failure) = read(bytes, threads: threads) else {
                    Issue.record("a broken text was read on \(threads) threads")
                    continue
                }
                #expect(failure == expected)
            }
        }
    }

    /// Random damage anywhere (bytes removed, doubled, or replaced by a bracket, quote, comma,
    /// backslash, digit or line feed): whatever one pass makes of the text, parts make the same.
    @Test func damagedTextsReadTheSameInParts() throws {
        let original = Array(collection(of: 12).utf8)
        let replacements = Array("[]{}\",\\:0\n ".utf8)
        var random = SeededRandom(seed: 11)
        var failures = 0
        for _ in 0..<400 {
            var bytes = original
            for _ in 0...random.int(0...2) {
                let at = random.int(0...(bytes.count - 1))
                switch random.int(0...2) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(bytes[at], at: at)
                default: bytes[at] = replacements[random.int(0...(replacements.count - 1))]
                }
            }
            let one = read(bytes, threads: 1)
            if case .failure = one { failures += 1 }
            for threads in [2, 5] {
                var parted = read(bytes, threads: threads)
                if case .success(var read) = parted {
                    read.parts = 1
                    parted = .success(read)
                }
                #expect(parted == one)
            }
        }
        // Both outcomes were exercised.
        #expect(failures > 50 && failures < 400)
    }

    /// A profile nested to the deepest level allowed is read in a part as on one thread, and
    /// one level more fails alike.
    @Test func deepElementsInALatePart() throws {
        for depth in [JSONParser.maximumDepth - 3, JSONParser.maximumDepth - 2] {
            let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let text = collection.replacingOccurrences(of: "[1, [2, {\"x\": null}]]", with: deep)
            let bytes = Array(text.utf8)
            let one = read(bytes, threads: 1)
            #expect(
                read(bytes, threads: 3).map {
                    var read = $0; read.parts = 1; return read
                } == one)
            if depth == JSONParser.maximumDepth - 3 {
                #expect(try one.get().elements.count == 40)
            } else {
                #expect(one.failure?.kind == .tooDeep)
            }
        }
    }

    /// A part that does not end exactly where the next begins, or the last one not at the
    /// array's end, is given up.
    @Test func aPartNotEndingWhereTheNextBeginsIsGivenUp() throws {
        let text = Array(#"[{"a": 1}, {"bc": [2, 3]}, 4]"#.utf8)
        let second = 11, inside = 14, end = text.count - 1
        #expect(text[second] == UInt8(ascii: "{") && text[end] == UInt8(ascii: "]"))
        func part(next: Int?, end: Int) throws -> Int? {
            var parser = JSONParser(bytes: text)
            (parser.index, parser.depth) = (1, 1)
            return try parser.readPart(
                first: 0, next: next, end: end,
                read: { (parser, _, _) throws(JSONParser.Failure) in _ = try parser.parseValue() }, progress: { _ in }
            )?
            .count
        }
        #expect(try part(next: second, end: end) == 1)
        #expect(try part(next: inside, end: end) == nil)
        #expect(try part(next: nil, end: end) == 3)
        #expect(try part(next: nil, end: end - 1) == nil)
    }

    @Test func tooManyValuesInALatePartFailsAtTheSameValue() throws {
        let bytes = Array(collection.utf8)
        let values = 2 + 40 * 11 - 5
        guard case .failure(let expected) = read(bytes, threads: 1, maximumValues: values) else {
            Issue.record("the limit was not reached")
            return
        }
        #expect(expected.kind == .tooManyValues)
        for threads in [2, 3] {
            #expect(read(bytes, threads: threads, maximumValues: values).failure == expected)
        }
        #expect(try read(bytes, threads: 2, maximumValues: values + 10).get().elements.count == 40)
    }

    @Test func progressCountsEachByteOnceEvenWhenPartsAreGivenUp() throws {
        // Read again after the parts are given up, past two progress reports, until element 590.
        let text = collection(of: 600).replacingOccurrences(of: "\"é590\", ", with: "\"é590\" ")
        let bytes = Array(text.utf8)
        let told = SharedCount()
        _ = try? JSONParser.parse(
            bytes, streaming: "profiles", threads: 3, partBytes: 0, maximumValues: .max,
            progress: { _ = told.add($0) },
            read: { (parser, _, _) throws(JSONParser.Failure) in try parser.parseValue() })
        #expect(told.add(0) > bytes.count / 2)
        #expect(told.add(0) <= bytes.count)
    }
}

extension Result {
    fileprivate var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
