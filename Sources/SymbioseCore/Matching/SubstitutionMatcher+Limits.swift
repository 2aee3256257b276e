/// The per-release and per-receiver limits, applied once every need has its candidates.
///
/// A need's list holds short records of numbers (score, distance, volume, release), not
/// synergies: a national run weighs millions of candidates, and building each one's identifier,
/// references, flags and terms cost more than deciding which to keep. The limits work on
/// positions in those lists, and a synergy is built only for a candidate that survives both and
/// that ranking keeps (``SubstitutionCandidates``), by weighing its pair again. Releases and
/// receiving firms are told apart by number, not by their ids' text.
extension SubstitutionMatcher {
    /// A need's kept candidates, best first.
    struct NeedList: Sendable {
        var entries: [Entry] = []
        /// How many of the need's candidates were left out, below a full list or pushed out of it.
        var leftOut = 0

        /// Inserts in rank order (score, then distance, then id) and trims to `limit` (0: no
        /// limit); `idsInOrder` compares the identifiers of two releases' synergies for this need.
        mutating func insert(_ entry: Entry, keeping limit: Int, idsInOrder: (Int32, Int32) -> Bool) {
            let index =
                entries.firstIndex { kept in entry.ranksBefore(kept) { idsInOrder(entry.release, kept.release) } }
                ?? entries.endIndex
            if limit > 0 && index >= limit { return }
            if entries.isEmpty && limit > 0 { entries.reserveCapacity(limit) }
            entries.insert(entry, at: index)
            if limit > 0 && entries.count > limit { entries.removeLast() }
        }
    }

    /// A candidate kept in a need's list: what ranks it, and where its release is.
    struct Entry: Sendable {
        var score: Double
        /// The distance measured by the search; infinite when unknown.
        var distanceKm: Double
        /// The value of the volume term, as the synergy's terms would hold it: ranking reads it
        /// before any synergy is built.
        var volume: Double
        /// The release's position in the index.
        var release: Int32
        /// The number of the release's code among the need code's sources.
        var source: Int32

        /// Whether this candidate ranks before `other`: by score, then distance (unknown last),
        /// then identifier; `idsInOrder` compares the identifiers, worked out only for a tie.
        func ranksBefore(_ other: Entry, idsInOrder: () -> Bool) -> Bool {
            if score != other.score { return score > other.score }
            if distanceKm != other.distanceKm { return distanceKm < other.distanceKm }
            return idsInOrder()
        }
    }

    /// One candidate: its need, its place in that need's list, and its release's number.
    struct Place: Sendable {
        var need: Int32
        var slot: Int32
        var release: Int32
    }

    /// The candidates of every need, in need order, with each release's best
    /// `maximumPerRelease` proposals (0: all), then for each release and each receiving firm
    /// only the best-scoring use, not yet built into synergies. `receivers` holds each need's
    /// company number.
    func withLimits(
        _ byNeed: consuming [NeedList], index: MatchIndex, sources: [ResourceCode: [ReleaseSource]],
        receivers: [Int32]
    ) -> SubstitutionCandidates {
        let lists = byNeed
        let releaseKeys = Self.releaseKeys(index)
        var places: [Place] = []
        places.reserveCapacity(lists.reduce(0) { $0 + $1.entries.count })
        for (need, list) in lists.enumerated() {
            for (slot, entry) in list.entries.enumerated() {
                places.append(Place(need: Int32(need), slot: Int32(slot), release: releaseKeys[Int(entry.release)]))
            }
        }
        /// Whether the identifier of one place's synergy sorts before the other's, worked out
        /// only to break a tie.
        let idsInOrder: @Sendable (Place, Place) -> Bool = { a, b in
            func pair(_ place: Place) -> (IndexedFlow, IndexedFlow) {
                let release = lists[Int(place.need)].entries[Int(place.slot)].release
                return (index.outputs[Int(release)], index.inputs[Int(place.need)])
            }
            return Self.synergyIDPrecedes(pair(a), pair(b))
        }
        let kept = Self.bestPerRelease(
            places, of: lists, keeping: settings.maximumPerRelease, releases: releaseKeys.count,
            threads: settings.threads, idsInOrder: idsInOrder)
        let chosen = Self.bestPerReceiver(
            kept, of: lists, receivers: receivers, threads: settings.threads, idsInOrder: idsInOrder)
        return SubstitutionCandidates(matcher: self, lists: lists, chosen: chosen, index: index, sources: sources)
    }

    /// Keeps each release's best `limit` proposals (0: all), in need order otherwise;
    /// `idsInOrder` compares two places' synergy identifiers, to break ties. The releases are
    /// split in shares by number (``shareCount(_:)``), each weighed on a thread of its own, and
    /// what is kept does not depend on how many shares there are.
    static func bestPerRelease(
        _ places: [Place], of byNeed: [NeedList], keeping limit: Int, releases: Int, threads: Int,
        idsInOrder: @escaping @Sendable (Place, Place) -> Bool
    ) -> [Place] {
        guard limit > 0 else { return places }
        @Sendable func ranksBefore(_ a: Place, _ b: Place) -> Bool {
            let (first, second) = (byNeed[Int(a.need)].entries[Int(a.slot)], byNeed[Int(b.need)].entries[Int(b.slot)])
            return first.ranksBefore(second) { idsInOrder(a, b) }
        }
        let shares = shareCount(threads)
        let kept = Parallel.map(shares, threads: shares) { range in
            var kept: [Int] = []
            for share in range {
                // The kept positions of each release of this share, best first.
                var byRelease = [[Int]](repeating: [], count: releases / shares + 1)
                for position in places.indices where Int(places[position].release) % shares == share {
                    let place = places[position]
                    let release = Int(place.release) / shares
                    let index = byRelease[release].firstIndex { ranksBefore(place, places[$0]) }
                    let at = index ?? byRelease[release].endIndex
                    guard at < limit else { continue }
                    byRelease[release].insert(position, at: at)
                    if byRelease[release].count > limit { byRelease[release].removeLast() }
                }
                for list in byRelease { kept += list }
            }
            return kept
        }
        var keep = [Bool](repeating: false, count: places.count)
        for position in kept { keep[position] = true }
        return places.indices.filter { keep[$0] }.map { places[$0] }
    }

    /// Keeps, for each release and each receiving firm, only the best-scoring use: the same
    /// cullet offered to one glassworks for its cullet need and for its batch need is one
    /// proposal, not two. Ties keep the alphabetically first id. Uses come out in the order of
    /// each pair's first place; the releases are weighed in shares, as in ``bestPerRelease``.
    static func bestPerReceiver(
        _ places: [Place], of byNeed: [NeedList], receivers: [Int32], threads: Int,
        idsInOrder: @escaping @Sendable (Place, Place) -> Bool
    ) -> [Place] {
        let shares = shareCount(threads)
        // One run a share: each pair's first position and best place, in first positions' order.
        let runs = Parallel.map(shares, threads: shares) { range in
            range.map { share in
                var uses: [(first: Int, place: Place)] = []
                var best: [Int: Int] = [:]
                for position in places.indices where Int(places[position].release) % shares == share {
                    let place = places[position]
                    let key = Int(place.release) << 32 | Int(UInt32(bitPattern: receivers[Int(place.need)]))
                    guard let at = best[key] else {
                        best[key] = uses.count
                        uses.append((position, place))
                        continue
                    }
                    let current = uses[at].place
                    let score = byNeed[Int(place.need)].entries[Int(place.slot)].score
                    let other = byNeed[Int(current.need)].entries[Int(current.slot)].score
                    if score > other || (score == other && idsInOrder(place, current)) { uses[at].place = place }
                }
                return uses
            }
        }
        return merged(runs.filter { !$0.isEmpty }).map(\.place)
    }

    /// How many shares of the releases to weigh apart: each thread reads every place to find
    /// its own, so no more shares than threads, nor than processors.
    private static func shareCount(_ threads: Int) -> Int {
        max(1, min(threads, Parallel.processors))
    }

    /// Runs each in the order of their first positions, merged into one in that order.
    private static func merged(_ runs: [[(first: Int, place: Place)]]) -> [(first: Int, place: Place)] {
        guard runs.count > 1 else { return runs.first ?? [] }
        var heads = [Int](repeating: 0, count: runs.count)
        var merged: [(first: Int, place: Place)] = []
        merged.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        while true {
            var next: Int?
            for run in runs.indices where heads[run] < runs[run].count {
                if let best = next, runs[best][heads[best]].first < runs[run][heads[run]].first { continue }
                next = run
            }
            guard let run = next else { return merged }
            merged.append(runs[run][heads[run]])
            heads[run] += 1
        }
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
