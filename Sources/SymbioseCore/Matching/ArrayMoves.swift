extension Array {
    /// Reorders the elements so that the one at `order[slot]` comes at `slot`, moving them rather
    /// than copying: a synergy copied is a dozen references retained, and released later.
    ///
    /// - Precondition: `order` holds every position of the array exactly once.
    package mutating func permute(by order: [Int]) {
        precondition(order.count == count, "an order of every element")
        guard count > 1 else { return }
        var seen = [Bool](repeating: false, count: count)
        for position in order {
            precondition(!seen[position], "each element once")
            seen[position] = true
        }
        let moved = UnsafeMutablePointer<Element>.allocate(capacity: count)
        defer { moved.deallocate() }
        withUnsafeMutableBufferPointer { buffer in
            let base = buffer.baseAddress!
            moved.moveInitialize(from: base, count: buffer.count)
            for (slot, position) in order.enumerated() { (base + slot).initialize(to: (moved + position).move()) }
        }
    }

    /// The elements of `first` then those of `second`, turned into elements by `wrapFirst` and
    /// `wrapSecond`; `first` and `second` emptied: their elements are moved, not copied.
    package static func joined<A, B>(
        _ first: inout [A], _ second: inout [B], wrapping wrapFirst: (A) -> Element, _ wrapSecond: (B) -> Element
    ) -> [Element] {
        let total = first.count + second.count
        return [Element](unsafeUninitializedCapacity: total) { buffer, count in
            // From the end, as `popLast` moves an element out where `removeFirst` would shift the rest.
            var slot = total
            while let element = second.popLast() {
                slot -= 1
                (buffer.baseAddress! + slot).initialize(to: wrapSecond(element))
            }
            while let element = first.popLast() {
                slot -= 1
                (buffer.baseAddress! + slot).initialize(to: wrapFirst(element))
            }
            count = total
        }
    }

    /// What `keep` makes of each element of `parts`, in order, leaving out `nil`; `parts` emptied:
    /// the elements are moved, not copied.
    package static func gathering<Part>(_ parts: inout [[Part]], _ keep: (consuming Part) -> Element?) -> [Element] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Element](unsafeUninitializedCapacity: total) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            // Filled from the end, then slid to the start past the elements left out.
            var slot = total
            while var part = parts.popLast() {
                while let element = part.popLast() {
                    if let kept = keep(element) {
                        slot -= 1
                        (base + slot).initialize(to: kept)
                    }
                }
            }
            if slot > 0 { base.moveInitialize(from: base + slot, count: total - slot) }
            count = total - slot
        }
    }
}
