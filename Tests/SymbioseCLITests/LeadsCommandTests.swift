import Foundation
import SymbioseServer
import SymbioseStore
import Testing

/// `symbiose leads` on the demo's database, as a facilitator working offline would use it.
@Suite struct LeadsCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("leads-\(UUID())")

    /// The demo loaded into a new database file: a run, and a dozen leads at every stage.
    func demo() async throws -> String {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("portal.sqlite").path
        var portal = Portal(store: try SQLiteStore(path: db), publicURL: "http://127.0.0.1:8080")
        portal.passwordCost = 4
        _ = try await DemoTerritory(portal: portal).load()
        return db
    }

    @Test func theDemoShipsADozenLeadsAtEveryStage() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await demo()
        let list = try Binary.run(["leads", "list", "--territory", "1", "--db", db, "--lang", "fr"])
        #expect(list.status == 0)
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 12)
        for status in ["détectée", "contactée", "à l'étude", "en négociation", "réalisée", "abandonnée"] {
            #expect(lines.contains { $0.contains("\t\(status)\t") }, "no lead \(status)")
        }
        #expect(lines.contains { $0.contains("\t!20") })  // an overdue action stands out
        let realised = try Binary.run(["leads", "list", "--territory", "1", "--status", "realised", "--db", db])
        #expect(realised.stdout.split(separator: "\n").count == 2)
    }

    @Test func aLeadIsOpenedOnAResultMovedAndRefusedWhenAChangeIsIncomplete() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await demo()
        let csv = try Binary.run(["leads", "export", "--territory", "1", "--format", "json", "--db", db]).stdout
        #expect(csv.contains("\"schema\": \"symbiose/leads@1\""))
        let recommendations = try #require(
            try await SQLiteStore(path: db).latestRun(territoryID: 1, publishedOnly: false)?.outputs.recommendations)
        let ids = recommendations.components(separatedBy: "\"id\": \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        let synergy = String(try #require(ids.last))
        let badContact = try Binary.run(
            [
                "leads", "add", "--territory", "1", "--synergy", synergy, "--author", "anne@cci.test", "--db", db,
                "--contact", "nobody:M. X",
            ])
        #expect(badContact.status == 1 && badContact.stderr.contains("--contact nobody:M. X"))
        let added = try Binary.run(
            [
                "leads", "add", "--territory", "1", "--synergy", synergy, "--author", "anne@cci.test", "--db", db,
                "--next-action", "Appeler le responsable environnement", "--due", "2030-01-15",
            ])
        #expect(added.status == 0)
        let id = String(added.stdout.prefix { $0 != "\t" })
        #expect(id == "13")  // the refused one stored nothing
        let move = ["leads", "move", id, "--author", "anne@cci.test", "--db", db, "--lang", "en"]
        let noReason = try Binary.run(move + ["--to", "abandoned"])
        #expect(noReason.status == 1)
        #expect(noReason.stderr.contains("an abandonment needs its reason"))
        let noQuantity = try Binary.run(move + ["--to", "realised"])
        #expect(noQuantity.status == 1 && noQuantity.stderr.contains("needs the quantity exchanged"))
        let noStart = try Binary.run(move + ["--to", "realised", "--quantity", "12", "--unit", "t"])
        #expect(noStart.status == 1 && noStart.stderr.contains("start date"))
        #expect(try Binary.run(move + ["--to", "contacted", "--note", "Appel"]).status == 0)
        let backwards = try Binary.run(move + ["--to", "detected"])
        #expect(backwards.status == 1 && backwards.stderr.contains("cannot become detected"))
        #expect(try Binary.run(move + ["--to", "abandoned", "--reason", "timing"]).status == 0)
        let shown = try Binary.run(["leads", "show", id, "--db", db, "--lang", "en"]).stdout
        #expect(shown.contains("Status: abandoned"))
        #expect(shown.contains("contacted — anne@cci.test: Appel"))
        #expect(shown.contains("[timing]"))
        #expect(try Binary.run(["leads", "show", "999", "--db", db]).status == 1)
        // By hand, after a call: a firm and its flow, another firm, words for the resource.
        let byHand = try Binary.run(
            [
                "leads", "add", "--territory", "1", "--firm", "tereos-bucy:fermentation-co2", "--firm",
                "serres-de-bucy",
                "--resource", "CO2 de fermentation", "--origin", "call", "--author", "anne@cci.test", "--db", db,
            ])
        #expect(byHand.status == 0)
        let handID = String(byHand.stdout.prefix { $0 != "\t" })
        let hand = try Binary.run(["leads", "show", handID, "--db", db, "--lang", "en"]).stdout
        #expect(hand.contains("supplier: Tereos sucrerie-distillerie de Bucy (tereos-bucy) flow fermentation-co2"))
        #expect(hand.contains("Origin: call"))
        let unknown = try Binary.run(
            [
                "leads", "add", "--territory", "1", "--firm", "nobody", "--firm", "serres-de-bucy", "--resource", "CO2",
                "--author", "anne@cci.test", "--db", db,
            ])
        #expect(unknown.status == 1 && unknown.stderr.contains("no firm nobody"))
    }

    @Test func exportsLeaveContactsOutUnlessAsked() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try await demo()
        let store = try SQLiteStore(path: db)
        var stored = try #require(try await store.lead(id: 1))
        stored.lead.parties[0].contact = .init(name: "Mme Durand", email: "durand@example.org")
        try await store.updateLead(id: 1, stored.lead, readWith: stored.lead.history.count, at: Date())
        for format in ["csv", "json"] {
            let plain = try Binary.run(["leads", "export", "--territory", "1", "--format", format, "--db", db])
            #expect(plain.status == 0 && !plain.stdout.contains("Durand"))
            let asked = try Binary.run(
                ["leads", "export", "--territory", "1", "--format", format, "--with-contacts", "--db", db])
            #expect(asked.stdout.contains("durand@example.org"))
        }
        let file = folder.appendingPathComponent("leads.xlsx").path
        let xlsx = try Binary.run(["leads", "export", "--territory", "1", "--format", "xlsx", "-o", file, "--db", db])
        #expect(xlsx.status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)).prefix(2) == Data("PK".utf8))
        #expect(try Binary.run(["leads", "list", "--territory", "7", "--db", db]).status == 74)
    }
}
