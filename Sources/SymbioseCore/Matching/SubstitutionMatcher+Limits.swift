/// The per-release and per-receiver limits, applied once every need has its candidates.
///
/// They work on positions in the needs' lists and copy only the synergies that survive both:
/// a national run holds millions of candidates, and copying each of them (its strings and
/// arrays) from list to list cost more than deciding which to keep.
extension SubstitutionMatcher {
    /// One candidate: its need, and its place in that need's list.
    struct Place {
        var need: Int32
        var slot: Int32
    }

    /// The candidates of every need, in need order, with each release's best `limit` proposals
    /// (0: all), then for each release and each receiving firm only the best-scoring use.
    static func withLimits(_ byNeed: [[SubstitutionSynergy]], perRelease limit: Int) -> [SubstitutionSynergy] {
        var places: [Place] = []
        places.reserveCapacity(byNeed.reduce(0) { $0 + $1.count })
        for need in byNeed.indices {
            for slot in byNeed[need].indices { places.append(Place(need: Int32(need), slot: Int32(slot))) }
        }
        let kept = bestPerRelease(places, of: byNeed, keeping: limit)
        return bestPerReceiver(kept, of: byNeed).map { byNeed[Int($0.need)][Int($0.slot)] }
    }

    /// Keeps each release's best `limit` proposals (0: all), in need order otherwise.
    static func bestPerRelease(_ places: [Place], of byNeed: [[SubstitutionSynergy]], keeping limit: Int) -> [Place] {
        guard limit > 0 else { return places }
        func ranksBefore(_ a: Place, _ b: Place) -> Bool {
            SubstitutionMatcher.ranksBefore(
                byNeed[Int(a.need)][Int(a.slot)], byNeed[Int(b.need)][Int(b.slot)])
        }
        var byRelease: [PairKey: [Int]] = [:]
        for position in places.indices {
            let place = places[position]
            let key = PairKey(byNeed[Int(place.need)][Int(place.slot)].supplier)
            var list = byRelease.removeValue(forKey: key) ?? []
            let index = list.firstIndex { ranksBefore(place, places[$0]) } ?? list.endIndex
            if index < limit {
                list.insert(position, at: index)
                if list.count > limit { list.removeLast() }
            }
            byRelease[key] = list
        }
        var keep = [Bool](repeating: false, count: places.count)
        for list in byRelease.values { for position in list { keep[position] = true } }
        return places.indices.filter { keep[$0] }.map { places[$0] }
    }

    /// Keeps, for each release and each receiving firm, only the best-scoring use: the same
    /// cullet offered to one glassworks for its cullet need and for its batch need is one
    /// proposal, not two. Ties keep the alphabetically first id.
    static func bestPerReceiver(_ places: [Place], of byNeed: [[SubstitutionSynergy]]) -> [Place] {
        var best: [PairKey: Place] = [:]
        var order: [PairKey] = []
        for place in places {
            let (need, slot) = (Int(place.need), Int(place.slot))
            let key = PairKey(byNeed[need][slot].supplier, receiver: byNeed[need][slot].receiver.company)
            if let current = best[key] {
                let (score, other) = (byNeed[need][slot].score, byNeed[Int(current.need)][Int(current.slot)].score)
                if score > other
                    || (score == other && byNeed[need][slot].id < byNeed[Int(current.need)][Int(current.slot)].id)
                {
                    best[key] = place
                }
            } else {
                best[key] = place
                order.append(key)
            }
        }
        return order.map { best[$0]! }
    }

    /// A release, or a release and a receiving firm.
    fileprivate struct PairKey: Hashable {
        var company: CompanyID
        var flow: FlowID
        var receiver: CompanyID?

        init(_ release: FlowReference, receiver: CompanyID? = nil) {
            (company, flow, self.receiver) = (release.company, release.flow, receiver)
        }
    }
}
