import Foundation
import Testing

/// A site given by its postcode only is matched by distance, flagged, and never written back
/// with coordinates it did not give.
@Suite struct PostcodeSiteTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let printer = """
            {"schema": "symbiose/profile@1", "company": {"id": "printer", "name": "Printer"},
             "site": {"postcode": "02200"},
             "outputs": [{"id": "trim", "resource": "material.paper.cardboard",
                          "quantity": {"value": 80, "unit": "t", "per": "year"}}]}
            """
        let mill = """
            {"schema": "symbiose/profile@1", "company": {"id": "mill", "name": "Mill"},
             "site": {"lat": 49.40, "lon": 3.40},
             "inputs": [{"id": "fibre", "resource": "material.paper.fibre",
                         "quantity": {"value": 5000, "unit": "t", "per": "year"}}]}
            """
        try printer.write(to: folder.appendingPathComponent("printer.json"), atomically: true, encoding: .utf8)
        try mill.write(to: folder.appendingPathComponent("mill.json"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aPostcodeSiteIsMatchedByDistanceAndFlagged() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try Binary.run(["match", dir.path, "--format", "json"])
        #expect(output.status == 0)
        #expect(output.stderr.contains("[profile.located]"))
        #expect(!output.stderr.contains("[match.no-coordinates]"))
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let synergies = try #require(json["synergies"] as? [[String: Any]])
        let pair = try #require(synergies.first { ($0["id"] as? String) == "printer.trim>mill.fibre" })
        #expect(pair["distanceKm"] is Double)
        #expect((pair["flags"] as? [String])?.contains("approximate-location") == true)
    }

    @Test func convertWritesTheSiteAsGiven() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = try Binary.run(["convert", dir.appendingPathComponent("printer.json").path, "--to", "json"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("\"site\": {\"postcode\": \"02200\"}"))
        #expect(!output.stdout.contains("\"lat\""))
    }

    @Test func aTableOfPlacesPlacesASiteAndABadOneIsLocated() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let printer = dir.appendingPathComponent("printer.json")
        try String(contentsOf: printer, encoding: .utf8)
            .replacingOccurrences(of: "{\"postcode\": \"02200\"}", with: "{\"commune\": \"ZI du Pont\"}")
            .write(to: printer, atomically: true, encoding: .utf8)
        let places = dir.appendingPathComponent("places.csv")
        try "Commune;Latitude;Longitude\nZI du Pont;49,39;3,38\n".write(to: places, atomically: true, encoding: .utf8)
        let placed = try Binary.run(["validate", dir.path, "--locations", places.path])
        #expect(placed.status == 0)
        #expect(placed.stderr.contains("ZI du Pont, from the table of places given"))

        try "Commune;Latitude;Longitude\nZI du Pont;149;3,38\n".write(to: places, atomically: true, encoding: .utf8)
        let refused = try Binary.run(["match", dir.path, "--locations", places.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("places.csv:2: error:"))
        #expect(refused.stdout.isEmpty)
    }
}
