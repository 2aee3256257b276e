import Testing

@testable import SymbioseCore

/// Ranking moves synergies into their order instead of copying them: the order and every
/// element must come out whole.
@Suite struct ArrayMovesTests {
    private final class Box {
        let name: String
        init(_ name: String) { self.name = name }
    }

    @Test func permutingPutsEachElementAtItsSlot() {
        let names = (0..<1_000).map { "element \($0)" }
        var boxes = names.map { (Box($0), [$0]) }
        // A permutation with long cycles: slot i takes element (i × 7 + 3) mod 1,000.
        let order = (0..<1_000).map { ($0 * 7 + 3) % 1_000 }
        boxes.permute(by: order)
        #expect(boxes.map(\.0.name) == order.map { names[$0] })
        #expect(boxes.map(\.1) == order.map { [names[$0]] })
        var single = [Box("one")]
        single.permute(by: [0])
        #expect(single.map(\.name) == ["one"])
    }

    @Test func joiningMovesBothListsInOrder() {
        var first = (0..<300).map { "s\($0)" }
        var second = (0..<5).map { $0 }
        let joined = [String].joined(&first, &second, wrapping: { $0 }, { "p\($0)" })
        #expect(joined == (0..<300).map { "s\($0)" } + (0..<5).map { "p\($0)" })
        #expect(first.isEmpty && second.isEmpty)
        var none: [String] = []
        var alsoNone: [Int] = []
        #expect([String].joined(&none, &alsoNone, wrapping: { $0 }, { "\($0)" }).isEmpty)
    }
}

extension ArrayMovesTests {
    @Test func gatheringKeepsOrderAcrossPartsAndLeavesOutNil() {
        var parts: [[(name: String?, note: Int)]] = [
            [("a", 0), (nil, 1), ("b", 2)], [], [(nil, 3)], [("c", 4), ("d", 5)],
        ]
        let names = [String].gathering(&parts) { $0.name }
        #expect(names == ["a", "b", "c", "d"])
        #expect(parts.isEmpty)
        var none: [[(name: String?, note: Int)]] = [[(nil, 0)], []]
        #expect([String].gathering(&none) { $0.name }.isEmpty)
        var many = (0..<10).map { part in (0..<100).map { "\(part)-\($0)" } }
        let expected = many.flatMap { $0 }
        #expect([String].gathering(&many) { $0 } == expected)
    }
}
