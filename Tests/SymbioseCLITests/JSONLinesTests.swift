import Foundation
import SymbioseTestSupport
import Testing

/// `--format ndjson` writes one record per line, each the same object as the JSON document's
/// list element, the same bytes on 1 or 2 threads (Docs/output-format.md).
@Suite struct JSONLinesTests {
    private func objects(_ text: String) throws -> [NSDictionary] {
        try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? NSDictionary)
        }
    }

    private func list(_ json: String, _ member: String) throws -> [NSDictionary] {
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
        return try #require(document[member] as? [NSDictionary])
    }

    @Test func eachLineOfMatchIsOneSynergyOfTheDocument() throws {
        let lines = try Binary.run(["match", "--format", "ndjson", "--top", "0"])
        let document = try Binary.run(["match", "--format", "json", "--top", "0"])
        #expect(lines.status == 0 && document.status == 0)
        #expect(lines.stdout.hasSuffix("\n") && !lines.stdout.contains("\n\n"))
        let records = try objects(lines.stdout)
        #expect(records.count > 50)
        #expect(records == (try list(document.stdout, "synergies")))
    }

    @Test func eachLineOfPlanIsAnAllocationOrAPool() throws {
        let lines = try Binary.run(["plan", "--format", "ndjson"])
        let document = try Binary.run(["plan", "--format", "json"])
        #expect(lines.status == 0 && document.status == 0)
        let records = try objects(lines.stdout)
        func stripped(_ kind: String) -> [NSDictionary] {
            records.filter { $0["record"] as? String == kind }.map { record in
                var members = record as? [String: Any] ?? [:]
                members.removeValue(forKey: "record")
                return NSDictionary(dictionary: members)
            }
        }
        #expect(stripped("allocation") == (try list(document.stdout, "allocations")))
        #expect(stripped("pool") == (try list(document.stdout, "pools")))
        #expect(stripped("allocation").count + stripped("pool").count == records.count)
    }

    /// More records than one batch (4,096), on one and two threads.
    @Test func aLongListIsTheSameOnOneAndTwoThreads() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("symbiose-ndjson-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("territory.json").path
        #expect(try Binary.run(["generate", "--sites", "3000", "--seed", "5", "-o", input]).status == 0)
        let one = try Binary.run(["match", input, "--format", "ndjson", "--top", "0", "--threads", "1"])
        let two = try Binary.run(["match", input, "--format", "ndjson", "--top", "0", "--threads", "2"])
        #expect(one.status == 0 && two.status == 0)
        #expect(one.stdout.split(separator: "\n").count > 4_096)
        #expect(one.stdout == two.stdout)
    }

    /// The JSON and XML forms of one territory give the same synergies, byte for byte, whatever
    /// the number of threads reading and matching each.
    @Test func theJSONAndXMLFormsOfOneTerritoryMatchAlike() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("symbiose-forms-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [String] = []
        for (format, threads) in [("json", "1"), ("xml", "2"), ("xml", "1")] {
            let input = dir.appendingPathComponent("territory.\(format)").path
            let made = try Binary.run(["generate", "--sites", "2000", "--seed", "11", "--format", format, "-o", input])
            #expect(made.status == 0)
            let run = try Binary.run(["match", input, "--format", "ndjson", "--top", "0", "--threads", threads])
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(run.stdout)
        }
        #expect(outputs[0].split(separator: "\n").count > 2_000)
        #expect(outputs[0] == outputs[1])
        #expect(outputs[1] == outputs[2])
    }
}
