import Testing

@testable import SymbioseCore

/// The per-release and per-receiver limits keep the same candidates, in the same order, on any
/// number of threads: each thread weighs the releases of its own share.
@Suite struct MatchLimitsTests {
    typealias Matcher = SubstitutionMatcher

    /// `needs` lists of candidates: need `n` gets releases `(n * 7 + k) % releases`, with
    /// scores that tie often, and distances that break some ties.
    private func lists(needs: Int, perNeed: Int, releases: Int) -> ([Matcher.NeedList], [Matcher.Place]) {
        var lists: [Matcher.NeedList] = []
        var places: [Matcher.Place] = []
        for need in 0..<needs {
            var list = Matcher.NeedList()
            for slot in 0..<perNeed {
                let release = Int32((need * 7 + slot) % releases)
                list.entries.append(
                    Matcher.Entry(
                        score: Double((need + slot) % 4) / 4, distanceKm: Double((need * slot) % 3), volume: 0,
                        release: release, source: 0))
                places.append(Matcher.Place(need: Int32(need), slot: Int32(slot), release: release))
            }
            lists.append(list)
        }
        return (lists, places)
    }

    /// Ties left after score and distance go to the lower need, as an identifier order would.
    private let byNeed: @Sendable (Matcher.Place, Matcher.Place) -> Bool = { $0.need < $1.need }

    private func key(_ place: Matcher.Place) -> [Int32] { [place.need, place.slot, place.release] }

    @Test func everyThreadCountKeepsTheSamePlacesInTheSameOrder() {
        let (lists, places) = lists(needs: 400, perNeed: 5, releases: 37)
        let receivers = (0..<400).map { Int32($0 / 3) }
        var results: [[[Int32]]] = []
        for threads in 1...4 {
            let kept = Matcher.bestPerRelease(
                places, of: lists, keeping: 3, releases: 37, threads: threads, idsInOrder: byNeed)
            let chosen = Matcher.bestPerReceiver(
                kept, of: lists, receivers: receivers, threads: threads, idsInOrder: byNeed)
            results.append(chosen.map(key))
        }
        #expect(results.allSatisfy { $0 == results[0] })
        #expect(!results[0].isEmpty)
    }

    @Test func eachReleaseKeepsItsBestAndEachFirmItsBestUse() {
        // Release 0 is offered to four needs; the limit keeps its three best.
        var lists: [Matcher.NeedList] = []
        let scores = [0.5, 0.9, 0.7, 0.9]
        for score in scores {
            var list = Matcher.NeedList()
            list.entries.append(Matcher.Entry(score: score, distanceKm: 1, volume: 0, release: 0, source: 0))
            lists.append(list)
        }
        let places = (0..<4).map { Matcher.Place(need: Int32($0), slot: 0, release: 0) }
        for threads in 1...3 {
            let kept = Matcher.bestPerRelease(
                places, of: lists, keeping: 3, releases: 1, threads: threads, idsInOrder: byNeed)
            // In need order, without need 0 (the lowest score).
            #expect(kept.map(\.need) == [1, 2, 3])
            // Needs 1 and 3 are one firm's: its best use is need 1 (a tie, the lower need).
            let chosen = Matcher.bestPerReceiver(
                kept, of: lists, receivers: [0, 1, 2, 1], threads: threads, idsInOrder: byNeed)
            #expect(chosen.map(\.need) == [1, 2])
        }
    }
}
