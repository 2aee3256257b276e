extension Array {
    /// The elements of `parts` (positions counted across them, part after part) taken in
    /// `order`; those `order` leaves out are let go. `parts` is emptied: the elements are moved,
    /// not copied: a synergy copied is a dozen references retained, and released later.
    ///
    /// - Precondition: `order` holds positions of the parts' elements, each at most once.
    package static func gathering(_ parts: inout [[Element]], in order: [Int]) -> [Element] {
        let slots = destinations(of: order, among: parts.reduce(0) { $0 + $1.count })
        return [Element](unsafeUninitializedCapacity: order.count) { buffer, count in
            var position = slots.count
            while var part = parts.popLast() {
                while let element = part.popLast() {
                    position -= 1
                    if slots[position] >= 0 { buffer.initializeElement(at: slots[position], to: consume element) }
                }
            }
            count = order.count
        }
    }

    /// The elements of the parts of `first`, then those of `second` (positions from 0 to their
    /// total count, part after part) taken in `order` and turned into elements by `wrapFirst`
    /// and `wrapSecond`; those `order` leaves out are let go. `first` and `second` are emptied:
    /// their elements are moved, not copied, and each part is let go once it is.
    ///
    /// - Precondition: `order` holds positions of either list, each at most once.
    package static func gathering<A, B>(
        _ first: inout [[A]], _ second: inout [B], in order: [Int], wrapping wrapFirst: (consuming A) -> Element,
        _ wrapSecond: (consuming B) -> Element
    ) -> [Element] {
        let slots = destinations(of: order, among: first.reduce(second.count) { $0 + $1.count })
        return [Element](unsafeUninitializedCapacity: order.count) { buffer, count in
            // From the end, as `popLast` moves an element out where `removeFirst` would shift the rest.
            var position = slots.count
            while let element = second.popLast() {
                position -= 1
                if slots[position] >= 0 {
                    buffer.initializeElement(at: slots[position], to: wrapSecond(consume element))
                }
            }
            while var part = first.popLast() {
                while let element = part.popLast() {
                    position -= 1
                    if slots[position] >= 0 {
                        buffer.initializeElement(at: slots[position], to: wrapFirst(consume element))
                    }
                }
            }
            count = order.count
        }
    }

    /// The elements of `parts`, in order, moved rather than copied; `parts` is emptied. A single
    /// part is taken as it is.
    package static func joining(_ parts: inout [[Element]]) -> [Element] {
        parts.count == 1 ? parts.removeLast() : .gathering(&parts) { $0 }
    }

    /// For each of `total` positions, the slot `order` gives it, or -1.
    private static func destinations(of order: [Int], among total: Int) -> [Int] {
        var slots = [Int](repeating: -1, count: total)
        for (slot, position) in order.enumerated() {
            precondition(position >= 0 && position < total, "a position among the elements")
            precondition(slots[position] < 0, "each element once")
            slots[position] = slot
        }
        return slots
    }

    /// What `keep` makes of each element of `parts`, in order, leaving out `nil`; `parts` emptied:
    /// the elements are moved, not copied. Inlinable, so that it is made for the caller's types:
    /// through the generic code, each element kept was copied once more, then let go.
    @inlinable
    package static func gathering<Part>(_ parts: inout [[Part]], _ keep: (consuming Part) -> Element?) -> [Element] {
        let total = parts.reduce(0) { $0 + $1.count }
        return [Element](unsafeUninitializedCapacity: total) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            // Filled from the end, then slid to the start past the elements left out.
            var slot = total
            while var part = parts.popLast() {
                while let element = part.popLast() {
                    if let kept = keep(consume element) {
                        slot -= 1
                        (base + slot).initialize(to: consume kept)
                    }
                }
            }
            if slot > 0 { base.moveInitialize(from: base + slot, count: total - slot) }
            count = total - slot
        }
    }
}
