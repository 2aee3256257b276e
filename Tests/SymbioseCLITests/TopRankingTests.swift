import Foundation
import SymbioseTestSupport
import Testing

/// `match --top N` ranks in full and keeps only the synergies it shows: what it writes must be
/// the first N of the whole list, with the whole list's counts.
@Suite struct TopRankingTests {
    private func document(_ arguments: [String]) throws -> [String: Any] {
        let output = try Binary.run(["match", "--format", "json"] + arguments)
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    private func synergies(_ document: [String: Any]) -> [NSDictionary] {
        (document["synergies"] as? [[String: Any]] ?? []).map { NSDictionary(dictionary: $0) }
    }

    @Test(arguments: ["score", "distance", "volume"])
    func theTopIsTheFirstOfTheWholeList(sort: String) throws {
        let whole = try document(["--top", "0", "--sort", sort])
        let top = try document(["--top", "4", "--sort", sort])
        let all = synergies(whole)
        #expect(all.count > 8)
        #expect(synergies(top) == Array(all.prefix(4)))
        let (wholeSummary, topSummary) = (whole["summary"] as? [String: Int], top["summary"] as? [String: Int])
        #expect(topSummary?["shown"] == 4)
        #expect(wholeSummary?["matching"] == all.count)
        for member in ["sites", "flows", "found", "matching", "needsOverPerNeedLimit", "leftOutByPerNeedLimit"] {
            #expect(topSummary?[member] != nil && topSummary?[member] == wholeSummary?[member], "\(member)")
        }
    }

    @Test func aTableCountsTheWholeList() throws {
        let whole = try document(["--top", "0", "--category", "heat"])
        let count = synergies(whole).count
        #expect(count > 3)
        let table = try Binary.run(["match", "--format", "table", "--top", "3", "--category", "heat"])
        #expect(table.stdout.contains("3 of \(count) synergies shown"), "\(table.stdout)")
    }
}
