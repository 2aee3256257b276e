import Testing

@testable import SymbioseCore

/// Work split over threads comes back in item order, however it is cut into chunks.
@Suite struct ParallelTests {
    @Test func resultsComeBackInItemOrderForAnyChunking() {
        let expected = (0..<100).map { $0 * 3 }
        for threads in 1...4 {
            for chunks in [nil, 1, 7, 100, 105] as [Int?] {
                let mapped = Parallel.map(100, threads: threads, chunks: chunks) { range in range.map { $0 * 3 } }
                #expect(mapped == expected, "\(threads) threads, \(String(describing: chunks)) chunks")
            }
        }
    }

    @Test func chunksAreCutAsAsked() {
        // One chunk an item: each part holds one result.
        let parts = Parallel.inParts(12, threads: 2, chunks: 12) { range in Array(range) }
        #expect(parts == (0..<12).map { [$0] })
        // By default, 8 a thread; never more than the items.
        #expect(Parallel.inParts(100, threads: 2) { range in Array(range) }.count == 16)
        #expect(Parallel.inParts(5, threads: 2, chunks: 50) { range in Array(range) }.count == 5)
        #expect(Parallel.map(0, threads: 2, chunks: 0) { range in Array(range) }.isEmpty)
    }
}
