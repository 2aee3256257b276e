import Foundation
import SymbioseTestSupport
import Testing

/// The demo's shortlist tells the workshop story: every headline the fixture's README lists is
/// in the first 20 synergies of `symbiose match`.
@Suite struct HeadlineTests {
    @Test func theDemoShortlistCarriesTheHeadlines() throws {
        let readme = try String(contentsOfFile: "Fixtures/soissonnais-valois/README.md", encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- headlines -->"))
        let end = try #require(readme.range(of: "<!-- /headlines -->"))
        let headlines = readme[start.upperBound..<end.lowerBound].split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("- `"), let close = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<close])
        }
        #expect(headlines.count >= 8)
        let output = try Binary.run(["match", "Fixtures/soissonnais-valois", "--top", "20", "--format", "csv"])
        #expect(output.status == 0)
        let ids = output.stdout.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",")[1] }
        #expect(ids.count == 20)
        for headline in headlines {
            #expect(ids.contains { $0 == headline }, "\(headline) is not in the top 20")
        }
    }

    /// The shortlist a facilitator reviews: the first 30 hold no pair inside one group, no
    /// exchange already in place, no service swap ahead of resources, and no heat pump for a
    /// source hotter than its need.
    @Test func theDemoTop30HasNoNoise() throws {
        let output = try Binary.run(["match", "Fixtures/soissonnais-valois", "--top", "30", "--format", "json"])
        #expect(output.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let synergies = try #require(json["synergies"] as? [[String: Any]])
        #expect(synergies.count == 30)
        var seenService = false
        for synergy in synergies {
            let flags = synergy["flags"] as? [String] ?? []
            #expect(!flags.contains("same-group") && !flags.contains("existing"), "\(synergy["id"] ?? "")")
            let isService =
                (synergy["category"] as? String) == "service" && (synergy["kind"] as? String) == "substitution"
            if isService { seenService = true }
            #expect(isService || !seenService, "a resource after a service swap: \(synergy["id"] ?? "")")
            if synergy["heatPumpCOP"] != nil {
                let source = try #require(synergy["supplierTemperature"] as? Double)
                let sink = try #require(synergy["receiverTemperature"] as? Double)
                #expect(source < sink, "heat pump for a hotter source: \(synergy["id"] ?? "")")
            }
        }
    }
}
