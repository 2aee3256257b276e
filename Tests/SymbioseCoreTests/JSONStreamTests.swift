import Testing

@testable import SymbioseCore

/// Long lists are written in batches made on several threads, into buffers kept from batch to
/// batch: the text is the same, byte for byte, as the whole value rendered at once.
@Suite struct JSONStreamTests {
    /// More elements than a batch holds, of every shape the layout tells apart.
    private func element(_ index: Int) -> JSONOutput {
        .object([
            ("id", .string("s\(index)")), ("rank", .integer(index + 1)),
            ("score", .number(Double(index % 97) / 7)),
            ("months", .array((0..<(index % 4)).map { .integer($0) })),
            ("quantity", .object([("value", .number(1.5)), ("unit", .string("t"))])),
            ("note", index % 5 == 0 ? .string("é\n\"\(index)\"") : .null),
        ])
    }

    private let members: [(String, JSONOutput)] = [
        ("schema", .string("test@1")), ("items", .null), ("after", .array([.bool(true), .integer(2)])),
    ]

    @Test(arguments: [1, 2]) func aStreamedObjectIsTheWholeObjectRendered(threads: Int) throws {
        let count = 9_000
        var whole = members
        whole[1].1 = .array((0..<count).map(element))
        let expected = JSONOutput.object(whole).rendered()
        var bytes: [UInt8] = []
        var pieces = 0
        JSONOutput.writeObject(
            members, streaming: "items", count: count, threads: threads, element: { element($0) },
            toUTF8: { piece in
                bytes += piece
                pieces += 1
                piece = []
            })
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        // One piece a batch of 4,096 elements, and the rest of the object.
        #expect(pieces == 4)
        var text = ""
        JSONOutput.writeObject(
            members, streaming: "items", count: count, threads: threads, element: { element($0) },
            to: { text += $0 })
        #expect(text == expected)
    }

    @Test(arguments: [1, 2]) func streamedLinesAreOneCompactValueEach(threads: Int) throws {
        var bytes: [UInt8] = []
        JSONOutput.writeLines(
            count: 5_000, threads: threads, element: { element($0) },
            toUTF8: {
                bytes += $0; $0.removeAll()
            })
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5_001)
        #expect(lines.last == "")
        #expect(
            lines[0]
                == #"{"id":"s0","rank":1,"score":0,"months":[],"quantity":{"value":1.5,"unit":"t"},"note":"é\n\"0\""}"#)
        #expect(lines[4_999].hasPrefix(#"{"id":"s4999","rank":5000,"#))
    }

    @Test func spareBuffersComeBackEmptyWithTheirRoom() {
        let spare = JSONText.Spare()
        var text = spare.take()
        text.append("a piece of text long enough to be kept")
        let room = text.bytes.capacity
        spare.give(&text)
        #expect(text.count == 0)
        let again = spare.take()
        #expect(again.count == 0)
        #expect(again.bytes.capacity == room)
    }
}
