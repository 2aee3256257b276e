import Foundation
import SymbioseTestSupport
import Testing

@Suite struct SpreadsheetCommandTests {
    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("symbiose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test(arguments: ["xlsx", "csv"])
    func exportThenImportGivesBackTheSameProfiles(format: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sheet = directory.appendingPathComponent("territory.\(format)").path
        let imported = directory.appendingPathComponent("imported").path
        let original = directory.appendingPathComponent("original.json").path
        let back = directory.appendingPathComponent("back.json").path

        let export = try Binary.run([
            "export", "Fixtures/soissonnais-valois", "--format", format, "-o", sheet, "--quiet",
        ])
        #expect(export.status == 0, "\(export.stderr)")
        let run = try Binary.run(["import", sheet, "-o", imported, "--format", "json", "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("43 profiles written to \(imported)\n"))
        #expect(FileManager.default.fileExists(atPath: imported + "/tereos-bucy.json"))
        _ = try Binary.run(["convert", "Fixtures/soissonnais-valois", "--to", "json", "--collection", "-o", original])
        _ = try Binary.run(["convert", imported, "--to", "json", "--collection", "-o", back])
        #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == Data(contentsOf: URL(fileURLWithPath: back)))
    }

    @Test func aDirectoryOfAnswersIsReadSpreadsheetsIncluded() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = try Binary.run([
            "export", "Fixtures/soissonnais-valois", "--format", "xlsx", "--quiet", "-o",
            directory.appendingPathComponent("answers.xlsx").path,
        ])
        #expect(export.status == 0, "\(export.stderr)")
        try Data("date;montant\n2024-01-01;12\n".utf8).write(to: directory.appendingPathComponent("accounts.csv"))
        let run = try Binary.run(["validate", directory.path, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("accounts.csv: warning: skipped: its first row is not the profile layout"))
        #expect(run.stderr.hasSuffix("43 profiles in 2 files: 0 errors, 5 warnings\n"))
    }

    @Test func anInputWithNoProfileIsAnErrorAndWritesNothing() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("answers")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for command in ["match", "report", "plan"] {
            let target = directory.appendingPathComponent("out.\(command)")
            let run = try Binary.run([command, empty.path, "--lang", "en", "-o", target.path])
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("no profile found"), "\(command)")
            #expect(run.stderr.contains("[input.empty]"), "\(command)")
            #expect(!FileManager.default.fileExists(atPath: target.path), "\(command)")
        }
    }

    @Test func spreadsheetErrorsAreLocatedAndNothingIsWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv =
            "Raison sociale;Sens;Ressource;Quantité;Unité\nAcme;rejet;heat.hot-water;2;GWh\nAcme;besoin;water.process;trois;m3\n"
        try Data(csv.utf8).write(to: directory.appendingPathComponent("bad.csv"))
        let output = directory.appendingPathComponent("out")
        let run = try Binary.run(["import", "bad.csv", "-o", output.path], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.csv:3:Quantité: error: expected a number, found \"trois\" [value.invalid]"))
        #expect(!FileManager.default.fileExists(atPath: output.path))

        let workbook = directory.appendingPathComponent("b.xlsx").path
        _ = try Binary.run(["export", "Fixtures/soissonnais-valois/tereos-bucy.json", "-o", workbook, "--quiet"])
        let missing = try Binary.run(["validate", workbook, "--sheet", "Feuil9"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("the workbook has no sheet named \"Feuil9\" [sheet.not-found]"))
        #expect(missing.stderr.contains("its sheets are \"Profiles\""))
        #expect(try Binary.run(["validate", workbook, "--sheet", "Profiles"]).status == 0)
    }

    @Test func templatesInSpreadsheetFormats() throws {
        let csv = try Binary.run(["template", "--format", "csv", "--lang", "fr"])
        #expect(csv.status == 0)
        let lines = csv.stdout.components(separatedBy: "\r\n")
        #expect(lines[0].hasPrefix("\u{FEFF}Identifiant entreprise;Raison sociale;Code NAF;"))
        #expect(lines.count == 3 && lines[2].isEmpty, "a header and one example row")
        // Through a pipe, a workbook goes to standard output.
        let xlsx = try Binary.run(["template", "--format", "xlsx"])
        #expect(xlsx.status == 0)
        #expect(xlsx.stdout.hasPrefix("PK"))
        let validated = try Binary.run(["validate", "-"], stdin: csv.stdout)
        #expect(validated.status == 1, "standard input is read as XML or JSON, not CSV")
    }

    @Test func templateFromAnActivityCodeValidates() throws {
        let template = try Binary.run(["template", "--naf", "10.81Z", "--employees", "180", "--format", "json"])
        #expect(template.status == 0)
        #expect(template.stdout.contains("\"resource\": \"material.food.lime-sludge\""))
        #expect(template.stdout.contains("\"confidence\": \"estimated\""))
        let validated = try Binary.run(["validate", "-", "--errors-only"], stdin: template.stdout)
        #expect(validated.status == 0, "\(validated.stderr)")
        let unknown = try Binary.run(["template", "--naf", "10.99Z"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("known codes of division 10: 10.11Z"))
        #expect(try Binary.run(["template", "--employees", "3"]).status == 64)
    }

    @Test func suggestListsUsualFlowsNotDeclared() throws {
        let run = try Binary.run(["suggest", "Fixtures/soissonnais-valois/tereos-bucy.json", "--lang", "en"])
        #expect(run.status == 0)
        #expect(
            run.stdout.hasPrefix(
                "Tereos sucrerie-distillerie de Bucy (10.81Z, Manufacture of sugar): 2 usual flows not in the profile\n"
                    + "  - usually releases molasses, September–January: about"))
        #expect(!run.stdout.contains("beet pulp"), "declared flows are not suggested")
        let json = try Binary.run(["suggest", "Fixtures/soissonnais-valois/tereos-bucy.json", "--format", "json"])
        #expect(json.stdout.contains("\"resource\": \"material.food.molasses\""))
    }

    @Test func inferredFlowsAreMarkedInEveryOutput() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The brewery keeps only its identity, site and activity code.
        let brewery = try String(
            contentsOf: TestSupport.fixture("soissonnais-valois/brasserie-de-retz.json"), encoding: .utf8)
        var object = try #require(JSONSerialization.jsonObject(with: Data(brewery.utf8)) as? [String: Any])
        object["outputs"] = nil
        object["inputs"] = nil
        try JSONSerialization.data(withJSONObject: object).write(
            to: directory.appendingPathComponent("brasserie-de-retz.json"))
        for name in try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture("soissonnais-valois").path)
        where name != "brasserie-de-retz.json" && (name.hasSuffix(".json") || name.hasSuffix(".xml")) {
            try FileManager.default.copyItem(
                at: TestSupport.fixture("soissonnais-valois/" + name), to: directory.appendingPathComponent(name))
        }
        let plain = try Binary.run(["match", ".", "--format", "json", "--quiet"], in: directory)
        #expect(!plain.stdout.contains("\"inferred\""))
        let json = try Binary.run(["match", ".", "--infer", "--format", "json", "--lang", "en"], in: directory)
        #expect(json.status == 0)
        #expect(
            json.stderr.contains(
                "Flows inferred from the activity code for 1 firm(s) that declared none: brasserie-de-retz"))
        #expect(json.stdout.contains("\"inferred\": true"))
        let document = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let synergies = try #require(document["synergies"] as? [[String: Any]])
        #expect(synergies.contains { ($0["flags"] as? [String])?.contains("inferred") == true })
        #expect(json.stdout.contains("flow inferred from the activity code, not declared"))
        let table = try Binary.run(
            ["match", ".", "--infer", "--company", "brasserie-de-retz", "--quiet"], in: directory)
        #expect(table.stdout.contains("inferred"))
        let report = directory.appendingPathComponent("report.html").path
        #expect(
            try Binary.run(["report", ".", "--infer", "-o", report, "--quiet", "--lang", "fr"], in: directory).status
                == 0)
        #expect(
            try String(contentsOfFile: report, encoding: .utf8).contains("flux déduit du code d'activité, non déclaré"))
    }

    @Test func aUserActivityFileAddsCodesAndIsCheckedAtItsLines() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = """
            {"schema": "symbiose/activities@1", "version": "aisne-2026",
             "sources": [{"id": "enquete-cci", "citation": "CCI Aisne, enquête flux 2026"}],
             "activities": [
              {"naf": "10.89Z", "name": {"fr": "Autres produits alimentaires", "en": "Other food products"},
               "sector": "agri-food", "employees": 40, "source": "enquete-cci",
               "flows": [{"direction": "output", "resource": "material.organic.food-waste", "range": [1, 4],
                          "unit": "t", "status": "waste"},
                         {"direction": "input", "resource": "heat.steam", "range": [20, 60], "unit": "MWh",
                          "temperature": 150, "source": "bref-fdm-2019"}]}]}
            """
        try Data(good.utf8).write(to: directory.appendingPathComponent("good.json"))
        let template = try Binary.run(
            ["template", "--naf", "10.89Z", "--employees", "10", "--activities", "good.json", "--format", "json"],
            in: directory)
        #expect(template.status == 0, "\(template.stderr)")
        #expect(template.stdout.contains("\"resource\": \"material.organic.food-waste\""))
        #expect(template.stdout.contains("CCI Aisne, enquête flux 2026"))
        #expect(try Binary.run(["template", "--naf", "10.89Z"], in: directory).status == 64)

        let bad = good.replacingOccurrences(of: "material.organic.food-waste", with: "material.organic.food-wast")
            .replacingOccurrences(of: "\"unit\": \"MWh\"", with: "\"unit\": \"m2\"")
        try Data(bad.utf8).write(to: directory.appendingPathComponent("bad.json"))
        let run = try Binary.run(
            ["template", "--naf", "10.89Z", "--activities", "bad.json", "--lang", "en"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.json:6:50: error: not a taxonomy code [activities.unknown-resource]"))
        #expect(run.stderr.contains("[activities.unit-mismatch]"))
    }
}
