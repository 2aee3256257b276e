/// The per-release and per-receiver limits, applied once every need has its candidates.
///
/// They work on positions in the needs' lists and copy only the synergies that survive both:
/// a national run holds millions of candidates, and copying each of them (its strings and
/// arrays) from list to list cost more than deciding which to keep. Releases and receiving
/// firms are told apart by number, not by their ids' text.
extension SubstitutionMatcher {
    /// A need's kept candidates, best first, with the position of each one's release.
    struct NeedList {
        var synergies: [SubstitutionSynergy] = []
        var releases: [Int32] = []

        /// Inserts in rank order (score, then distance, then id) and trims to `limit` (0: no limit).
        mutating func insert(_ synergy: SubstitutionSynergy, release: Int, keeping limit: Int) {
            let index = synergies.firstIndex { SubstitutionMatcher.ranksBefore(synergy, $0) } ?? synergies.endIndex
            if limit > 0 && index >= limit { return }
            synergies.insert(synergy, at: index)
            releases.insert(Int32(release), at: index)
            if limit > 0 && synergies.count > limit {
                synergies.removeLast()
                releases.removeLast()
            }
        }
    }

    /// One candidate: its need, its place in that need's list, and its release's number.
    struct Place {
        var need: Int32
        var slot: Int32
        var release: Int32
    }

    /// The candidates of every need, in need order, with each release's best `limit` proposals
    /// (0: all), then for each release and each receiving firm only the best-scoring use.
    /// `receivers` holds each need's company number, `releaseKeys` each release's number (equal
    /// for equal company and flow ids).
    static func withLimits(
        _ byNeed: consuming [NeedList], receivers: [Int32], releaseKeys: [Int32], perRelease limit: Int
    ) -> [SubstitutionSynergy] {
        var places: [Place] = []
        places.reserveCapacity(byNeed.reduce(0) { $0 + $1.synergies.count })
        for need in byNeed.indices {
            for slot in byNeed[need].releases.indices {
                let release = releaseKeys[Int(byNeed[need].releases[slot])]
                places.append(Place(need: Int32(need), slot: Int32(slot), release: release))
            }
        }
        let kept = bestPerRelease(places, of: byNeed, keeping: limit, releases: releaseKeys.count)
        let chosen = bestPerReceiver(kept, of: byNeed, receivers: receivers)
        // The survivors moved out of the needs' lists, not copied; the rest let go on the way.
        var starts: [Int] = []
        var lists: [[SubstitutionSynergy]] = []
        starts.reserveCapacity(byNeed.count)
        lists.reserveCapacity(byNeed.count)
        for need in byNeed.indices {
            starts.append((starts.last ?? 0) + (lists.last?.count ?? 0))
            lists.append([])
            swap(&lists[need], &byNeed[need].synergies)
        }
        return .gathering(&lists, in: chosen.map { starts[Int($0.need)] + Int($0.slot) })
    }

    /// Keeps each release's best `limit` proposals (0: all), in need order otherwise.
    static func bestPerRelease(_ places: [Place], of byNeed: [NeedList], keeping limit: Int, releases: Int) -> [Place] {
        guard limit > 0 else { return places }
        func ranksBefore(_ a: Place, _ b: Place) -> Bool {
            SubstitutionMatcher.ranksBefore(
                byNeed[Int(a.need)].synergies[Int(a.slot)], byNeed[Int(b.need)].synergies[Int(b.slot)])
        }
        var byRelease = [[Int]](repeating: [], count: releases)
        for position in places.indices {
            let place = places[position]
            let index = byRelease[Int(place.release)].firstIndex { ranksBefore(place, places[$0]) }
            let at = index ?? byRelease[Int(place.release)].endIndex
            guard at < limit else { continue }
            byRelease[Int(place.release)].insert(position, at: at)
            if byRelease[Int(place.release)].count > limit { byRelease[Int(place.release)].removeLast() }
        }
        var keep = [Bool](repeating: false, count: places.count)
        for list in byRelease { for position in list { keep[position] = true } }
        return places.indices.filter { keep[$0] }.map { places[$0] }
    }

    /// Keeps, for each release and each receiving firm, only the best-scoring use: the same
    /// cullet offered to one glassworks for its cullet need and for its batch need is one
    /// proposal, not two. Ties keep the alphabetically first id.
    static func bestPerReceiver(_ places: [Place], of byNeed: [NeedList], receivers: [Int32]) -> [Place] {
        var best: [Int: Place] = [:]
        var order: [Int] = []
        for place in places {
            let key = Int(place.release) << 32 | Int(UInt32(bitPattern: receivers[Int(place.need)]))
            let synergy = byNeed[Int(place.need)].synergies[Int(place.slot)]
            if let current = best[key] {
                let other = byNeed[Int(current.need)].synergies[Int(current.slot)]
                if synergy.score > other.score || (synergy.score == other.score && synergy.id < other.id) {
                    best[key] = place
                }
            } else {
                best[key] = place
                order.append(key)
            }
        }
        return order.map { best[$0]! }
    }

    /// A number per release of `index`, equal for releases of equal company and flow ids: its
    /// position when those ids name one release each, as in a valid territory.
    static func releaseKeys(_ index: MatchIndex) -> [Int32] {
        var keys = index.outputs.indices.map { Int32($0) }
        guard index.releaseNamesRepeat else { return keys }
        var byName: [String: Int32] = [:]
        for position in index.outputs.indices {
            let reference = index.outputs[position].reference
            let name = "\(reference.company.rawValue)\u{0}\(reference.flow.rawValue)"
            keys[position] = byName[name] ?? Int32(position)
            if byName[name] == nil { byName[name] = Int32(position) }
        }
        return keys
    }
}
