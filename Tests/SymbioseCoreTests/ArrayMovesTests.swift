import Testing

@testable import SymbioseCore

/// Ranking moves synergies into their order instead of copying them: the order and every
/// element must come out whole.
@Suite struct ArrayMovesTests {
    private final class Box {
        let name: String
        init(_ name: String) { self.name = name }
    }

    @Test func gatheringOnePartPutsEachElementAtItsSlot() {
        let names = (0..<1_000).map { "element \($0)" }
        var boxes = [names.map { (Box($0), [$0]) }]
        // A permutation with long cycles: slot i takes element (i × 7 + 3) mod 1,000.
        let order = (0..<1_000).map { ($0 * 7 + 3) % 1_000 }
        let gathered = [(Box, [String])].gathering(&boxes, in: order)
        #expect(gathered.map(\.0.name) == order.map { names[$0] })
        #expect(gathered.map(\.1) == order.map { [names[$0]] })
        var single = [[Box("one")]]
        #expect([Box].gathering(&single, in: [0]).map(\.name) == ["one"])
    }

    @Test func gatheringTwoListsTakesTheOrderAndLetsTheRestGo() {
        // The first list in parts, one of them empty: positions run across them.
        var first = [(0..<100).map { Box("s\($0)") }, [], (100..<300).map { Box("s\($0)") }]
        var second = (0..<5).map { $0 }
        weak var dropped = first[0][7]
        weak var droppedLater = first[2][51]
        // Every third position, backwards, across both lists: 300 and 303 are of the second.
        let order = stride(from: 303, through: 0, by: -3).map { $0 }
        let gathered = [String].gathering(&first, &second, in: order, wrapping: { $0.name }, { "p\($0)" })
        #expect(gathered.first == "p3" && gathered[1] == "p0" && gathered[2] == "s297" && gathered.last == "s0")
        #expect(gathered[67] == "s102" && gathered[68] == "s99")
        #expect(gathered.count == 102)
        #expect(first.isEmpty && second.isEmpty)
        #expect(dropped == nil && droppedLater == nil)
        var none: [[String]] = []
        var alsoNone: [Int] = []
        #expect([String].gathering(&none, &alsoNone, in: [], wrapping: { $0 }, { "\($0)" }).isEmpty)
    }

    @Test func gatheringPartsTakesPositionsAcrossThem() {
        var parts = [[Box("a"), Box("b")], [], [Box("c")], [Box("d"), Box("e"), Box("f")]]
        weak var left = parts[3][2]
        weak var kept = parts[0][1]
        let gathered = [Box].gathering(&parts, in: [3, 1, 2, 0])
        #expect(gathered.map(\.name) == ["d", "b", "c", "a"])
        #expect(parts.isEmpty)
        #expect(left == nil)
        #expect(kept != nil)
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
