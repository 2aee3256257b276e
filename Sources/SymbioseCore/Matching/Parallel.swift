import Foundation

/// Work split over threads with results in input order, so that output never depends on how
/// many threads ran it.
public enum Parallel {
    /// Maps `0..<count` through `work`, chunk by chunk, on up to `threads` threads.
    ///
    /// - Parameters:
    ///   - count: how many items.
    ///   - threads: the most threads to use; 1 runs everything on the calling thread.
    ///   - chunks: how many chunks to cut the items into, handed out in turn (at most `count`);
    ///     by default 8 a thread. One an item when items' costs differ by orders of magnitude.
    ///   - work: turns a contiguous range of items into its results, in item order.
    /// - Returns: the chunks' results, concatenated in item order.
    package static func map<Result: Sendable>(
        _ count: Int, threads: Int, chunks: Int? = nil, _ work: @escaping @Sendable (Range<Int>) -> [Result]
    ) -> [Result] {
        var parts = inParts(count, threads: threads, chunks: chunks, work)
        // The chunks' results moved into one array, not copied: a copied synergy is a dozen
        // references retained, and released again with its chunk.
        return .joining(&parts)
    }

    /// Maps `0..<count` through `work` as ``map(_:threads:chunks:_:)`` does, but leaves the chunks'
    /// results apart, in item order: joining them holds every result twice for a moment, which
    /// a caller that moves them on anyway can do without.
    package static func inParts<Result: Sendable>(
        _ count: Int, threads: Int, chunks: Int? = nil, _ work: @escaping @Sendable (Range<Int>) -> [Result]
    ) -> [[Result]] {
        let threads = max(1, min(threads, count))
        guard threads > 1 else { return [work(0..<count)] }
        // Several chunks a thread, taken in turn, so that a slow chunk does not hold up the rest.
        let chunks = max(1, min(count, chunks ?? threads * 8))
        let bounds = (0...chunks).map { $0 * count / chunks }
        let shared = Chunks<Result>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let chunk = shared.next() {
                shared.store(work(bounds[chunk]..<bounds[chunk + 1]), at: chunk)
            }
        }
        return shared.take()
    }

    /// The number of processors the system offers: the default number of threads.
    public static var processors: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The chunks handed out and their results, behind a lock.
private final class Chunks<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextChunk = 0
    private var results: [[Result]]

    init(count: Int) {
        results = Array(repeating: [], count: count)
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextChunk < results.count else { return nil }
        nextChunk += 1
        return nextChunk - 1
    }

    /// The results, once every chunk is stored; they are no longer held here.
    func take() -> [[Result]] {
        lock.lock()
        defer { lock.unlock() }
        var taken: [[Result]] = []
        swap(&taken, &results)
        return taken
    }

    func store(_ values: [Result], at chunk: Int) {
        lock.lock()
        results[chunk] = values
        lock.unlock()
    }
}

/// A count shared by threads, for progress.
package final class SharedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    package init() {}

    /// Adds `amount` and returns the new total.
    package func add(_ amount: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        return value
    }

    /// Adds `amount` and tells `show` the new total before any other thread adds: totals shown
    /// from several threads then never go back.
    package func add(_ amount: Int, show: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        value += amount
        show(value)
    }
}
