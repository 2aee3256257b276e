extension Ranker {
    /// The first `count` of `positions` in the order `precedes` gives, in that order: the whole
    /// range sorted when it holds no more, otherwise a heap of the best `count` found so far,
    /// whose root is the last of them. A candidate that does not precede the root costs one
    /// comparison: `--top 1000` of two million synergies compares each about once, where
    /// sorting them all compares each some twenty times.
    ///
    /// - Precondition: `precedes` is a strict total order (no two positions tie).
    /// - Complexity: O(*n* log *k*) for *n* positions and *k* = `count`.
    static func first(_ count: Int, of positions: Range<Int>, by precedes: (Int, Int) -> Bool) -> [Int] {
        guard count < positions.count else { return positions.sorted(by: precedes) }
        guard count > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(count)
        for position in positions {
            if heap.count < count {
                heap.append(position)
                siftUp(&heap, from: heap.count - 1, by: precedes)
            } else if precedes(position, heap[0]) {
                heap[0] = position
                siftDown(&heap, from: 0, by: precedes)
            }
        }
        return heap.sorted(by: precedes)
    }

    /// Moves the position at `slot` up until its parent comes after it.
    private static func siftUp(_ heap: inout [Int], from slot: Int, by precedes: (Int, Int) -> Bool) {
        var child = slot
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    /// Moves the position at `slot` down until both its children come before it.
    private static func siftDown(_ heap: inout [Int], from slot: Int, by precedes: (Int, Int) -> Bool) {
        var parent = slot
        while true {
            var last = parent
            let (left, right) = (2 * parent + 1, 2 * parent + 2)
            if left < heap.count, precedes(heap[last], heap[left]) { last = left }
            if right < heap.count, precedes(heap[last], heap[right]) { last = right }
            guard last != parent else { return }
            heap.swapAt(parent, last)
            parent = last
        }
    }

    /// The positions of two sorted lists in one sorted list.
    static func merging(_ a: [Int], _ b: [Int], by precedes: (Int, Int) -> Bool) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if precedes(b[j], a[i]) {
                merged.append(b[j])
                j += 1
            } else {
                merged.append(a[i])
                i += 1
            }
        }
        merged += a[i...]
        merged += b[j...]
        return merged
    }
}
