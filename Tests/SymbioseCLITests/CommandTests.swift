import Foundation
import SymbioseCLI
import SymbioseCore
import SymbioseEngine
import SymbioseReport
import SymbioseTestSupport
import Testing

@Suite(.serialized) struct CommandTests {
    @Test(arguments: [
        "", "validate", "match", "convert", "taxonomy", "template", "report", "plan", "factors", "import", "export",
        "suggest", "generate",
    ])
    func helpMatchesGolden(subcommand: String) throws {
        let arguments = (subcommand.isEmpty ? [] : [subcommand]) + ["--help"]
        let output = try Binary.run(arguments, environment: ["COLUMNS": "100", "LANG": "C"])
        #expect(output.status == 0)
        let name = "help-\(subcommand.isEmpty ? "symbiose" : subcommand).txt"
        if let difference = TestSupport.compareGolden(output.stdout, name) { Issue.record("\(difference)") }
    }

    /// What `suggest`, `factors` and `taxonomy` print, in both languages, as people read it.
    @Test(arguments: [
        ("suggest-fr.txt", ["suggest", "Fixtures/soissonnais-valois", "--lang", "fr"]),
        ("suggest-en.json", ["suggest", "Fixtures/soissonnais-valois", "--format", "json", "--lang", "en"]),
        ("factors-fr.txt", ["factors", "--lang", "fr"]),
        ("factors-en.txt", ["factors", "--lang", "en"]),
        ("taxonomy-en.txt", ["taxonomy", "--lang", "en"]),
        ("taxonomy-search-fr.json", ["taxonomy", "--search", "eau", "--format", "json", "--lang", "fr"]),
    ])
    func outputMatchesGolden(name: String, arguments: [String]) throws {
        let output = try Binary.run(arguments, environment: ["COLUMNS": "100", "LANG": "C"])
        #expect(output.status == 0)
        if let difference = TestSupport.compareGolden(output.stdout, name) { Issue.record("\(difference)") }
    }

    @Test func validateDemoTerritoryExitsZero() throws {
        let output = try Binary.run(["validate", "Fixtures/soissonnais-valois"])
        #expect(output.status == 0)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasSuffix("43 profiles in 43 files: 0 errors, 4 warnings\n"))
        if let difference = TestSupport.compareGolden(output.stderr, "validate-demo.txt") {
            Issue.record("\(difference)")
        }
    }

    @Test func validateInvalidFixturesMatchesGolden() throws {
        let output = try Binary.run(["validate", "Fixtures/invalid"])
        #expect(output.status == 1)
        if let difference = TestSupport.compareGolden(output.stderr, "validate-invalid.txt") {
            Issue.record("\(difference)")
        }
        let json = try Binary.run(["validate", "Fixtures/invalid", "--diagnostics-format", "json"])
        #expect(json.status == 1)
        if let difference = TestSupport.compareGolden(json.stderr, "validate-invalid.json") {
            Issue.record("\(difference)")
        }
    }

    /// Every row of `Fixtures/invalid/expected.tsv`: the file alone exits 1 with that code at that place.
    @Test func eachInvalidFixtureReportsItsDocumentedDiagnostic() throws {
        let table = try String(contentsOf: TestSupport.fixture("invalid/expected.tsv"), encoding: .utf8)
        let rows = table.split(separator: "\n").filter { !$0.hasPrefix("#") }
        let files = try FileManager.default.contentsOfDirectory(atPath: TestSupport.fixture("invalid").path)
            .filter { $0.hasSuffix(".json") || $0.hasSuffix(".xml") }
        #expect(rows.count == files.count, "every invalid fixture has a row")
        let engine = TestSupport.engine()
        for row in rows {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let (file, code) = (fields[0], fields[1])
            let place = fields.count > 2 ? fields[2].split(separator: ":").compactMap { Int($0) } : []
            let report = engine.validate(engine.load(.paths(["Fixtures/invalid/" + file])))
            let errors = report.diagnostics.filter { $0.severity == .error }
            #expect(!errors.isEmpty, "\(file) must be invalid")
            let match = errors.first { $0.code.rawValue == code }
            #expect(match != nil, "\(file): expected \(code), got \(errors.map(\.code.rawValue))")
            if let match, !place.isEmpty {
                #expect(match.location?.line == place[0], "\(file) line")
                if place.count > 1 { #expect(match.location?.column == place[1], "\(file) column") }
            }
        }
    }

    @Test func exitCodes() throws {
        #expect(try Binary.run(["validate", "Fixtures/invalid/unknown-resource.json"]).status == 1)
        #expect(try Binary.run(["validate", "no/such/file.json"]).status == 1)
        #expect(try Binary.run(["validate"]).status == 64)
        #expect(try Binary.run(["validate", "--diagnostics-format", "yaml", "x.json"]).status == 64)
        #expect(try Binary.run(["frobnicate"]).status == 64)
        let notFound = try Binary.run(["validate", "no/such/file.json"])
        #expect(notFound.stderr.hasPrefix("no/such/file.json: error: no such file or directory [io.not-found]"))
    }

    @Test func standardInputIsReadForDash() throws {
        let xml = try String(
            contentsOf: TestSupport.fixture("soissonnais-valois/verallia-cuffies.xml"), encoding: .utf8)
        let output = try Binary.run(["validate", "-"], stdin: xml)
        #expect(output.status == 0)
        let json = try Binary.run(["convert", "-", "--to", "json"], stdin: xml)
        #expect(json.status == 0)
        #expect(json.stdout.hasPrefix("{\n  \"schema\": \"symbiose/profile@1\""))
        let back = try Binary.run(["convert", "-", "--to", "xml"], stdin: json.stdout)
        #expect(back.stdout == xml)
    }

    @Test func convertWritesAtomicallyAndNeverOnError() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("symbiose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("out.json")
        try Data("precious".utf8).write(to: target)
        // Invalid input: nothing written, the existing file untouched.
        let failed = try Binary.run([
            "convert", "Fixtures/invalid/unknown-resource.json", "--to", "json", "-o", target.path,
        ])
        #expect(failed.status == 1)
        #expect(try String(contentsOf: target, encoding: .utf8) == "precious")
        // Valid input: the file is replaced whole; no temporary file is left behind.
        let done = try Binary.run(["convert", "Fixtures/soissonnais-valois", "--to", "json", "-o", target.path])
        #expect(done.status == 0)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.contains("\"schema\": \"symbiose/profiles@1\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.json"])
        // The collection reads back as the same 43 profiles.
        let check = try Binary.run(["validate", target.path])
        #expect(check.status == 0)
        #expect(check.stderr.hasSuffix("43 profiles in 1 file: 0 errors, 4 warnings\n"))
        // An unwritable destination gives 73.
        let unwritable = try Binary.run([
            "convert", "Fixtures/soissonnais-valois/tereos-bucy.json", "--to", "xml", "-o",
            directory.appendingPathComponent("missing/dir/out.xml").path,
        ])
        #expect(unwritable.status == 73)
    }

    @Test(arguments: [("xml", "fr"), ("xml", "en"), ("json", "fr"), ("json", "en")])
    func templatesValidateAsPrinted(format: String, lang: String) throws {
        let template = try Binary.run(["template", "--format", format, "--lang", lang])
        #expect(template.status == 0)
        let check = try Binary.run(["validate", "-"], stdin: template.stdout)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.hasSuffix("1 profile in 1 file: 0 errors, 0 warnings\n"))
        if let difference = TestSupport.compareGolden(template.stdout, "template-\(lang).\(format)") {
            Issue.record("\(difference)")
        }
    }

    @Test func templateLanguageFollowsLANG() throws {
        let french = try Binary.run(["template"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.stdout.contains("Profil de ressources Symbiose"))
        let english = try Binary.run(["template"], environment: ["LANG": "en_GB.UTF-8"])
        #expect(english.stdout.contains("Symbiose resource profile"))
        let override = try Binary.run(["template", "--lang", "en"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(override.stdout.contains("Symbiose resource profile"))
    }

    @Test func taxonomySearchAndListing() throws {
        let search = try Binary.run(["taxonomy", "--search", "chaleur fumées", "--lang", "fr"])
        #expect(search.status == 0)
        if let difference = TestSupport.compareGolden(search.stdout, "taxonomy-search-fr.txt") {
            Issue.record("\(difference)")
        }
        let english = try Binary.run(["taxonomy", "--search", "spent grains"])
        #expect(
            english.stdout.split(separator: "\n").dropFirst().first?.hasPrefix("material.food.spent-grains") == true)
        let none = try Binary.run(["taxonomy", "--search", "unobtainium"])
        #expect(none.status == 0)
        #expect(none.stdout.isEmpty)
        #expect(none.stderr.contains("no resource code relates to"))
        let all = try Binary.run(["taxonomy", "--format", "json"])
        let contents = TaxonomyFile.decode(Array(all.stdout.utf8), file: "all.json")
        #expect(contents.diagnostics.isEmpty)
        // The listing is the taxonomy file: every entry reads back as it is built in.
        let builtIn = TaxonomyFile.builtIn
        #expect(contents.entries.count == builtIn.count)
        #expect(contents.entries.allSatisfy { builtIn[$0.code] == $0 })
        #expect(contents.entries.count == TaxonomyFile.builtIn.count)
        let table = try Binary.run(["taxonomy"])
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 })
    }

    @Test func userTaxonomyExtendsValidation() throws {
        let output = try Binary.run([
            "validate", "--taxonomy", "Fixtures/taxonomy/local-extension.json",
            "Fixtures/taxonomy/uses-local-code.json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let without = try Binary.run(["validate", "Fixtures/taxonomy/uses-local-code.json"])
        #expect(without.status == 1)
        #expect(without.stderr.contains("[profile.unknown-resource]"))
        let broken = try Binary.run([
            "validate", "--taxonomy", "Fixtures/taxonomy/broken-extension.json",
            "Fixtures/soissonnais-valois/tereos-bucy.json",
        ])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("Fixtures/taxonomy/broken-extension.json:"))
        #expect(broken.stderr.contains("[taxonomy.unknown-target]"))
    }

    @Test func languageResolution() {
        #expect(LanguageChoice.resolve(nil, environment: ["LANG": "fr_FR.UTF-8"]) == .fr)
        #expect(LanguageChoice.resolve(nil, environment: ["LANG": "fr_FR.UTF-8", "LC_ALL": "en_US.UTF-8"]) == .en)
        #expect(LanguageChoice.resolve(nil, environment: [:]) == .en)
        #expect(LanguageChoice.resolve(.fr, environment: ["LANG": "en_US"]) == .fr)
    }
}

@Suite(.serialized) struct MatchCommandTests {
    @Test func withoutPathRunsOnTheDemoTerritory() throws {
        let output = try Binary.run(["match", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stderr.hasPrefix(
                "No path given: running on the bundled demo territory (Soissonnais-Valois, 43 sites)."))
        #expect(output.stdout.hasPrefix("{\n  \"schema\": \"symbiose/recommendations@1\""))
        let french = try Binary.run(["match", "--format", "json"], environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.stderr.hasPrefix("Aucun chemin donné"))
    }

    @Test func theBundledDemoIsTheFixtureFolder() throws {
        let bundled = try Binary.run(["match", "--format", "json"])
        let folder = try Binary.run(["match", "Fixtures/soissonnais-valois", "--format", "json"])
        // The synergies are the same; only the diagnostics name their files differently.
        func synergies(_ text: String) -> Substring {
            text[..<(text.range(of: "\"diagnostics\"")?.lowerBound ?? text.endIndex)]
        }
        #expect(synergies(bundled.stdout) == synergies(folder.stdout))
        #expect(synergies(bundled.stdout).count > 10_000)
    }

    @Test func twoRunsGiveIdenticalBytes() throws {
        for format in ["json", "csv", "table", "markdown"] {
            let first = try Binary.run(["match", "Fixtures/soissonnais-valois", "--format", format])
            let second = try Binary.run(["match", "Fixtures/soissonnais-valois", "--format", format])
            #expect(first.stdout == second.stdout, "\(format)")
            #expect(!first.stdout.isEmpty)
        }
    }

    @Test func optionsAndExitCodes() throws {
        #expect(try Binary.run(["match", "--weights", "speed=1"]).status == 64)
        #expect(try Binary.run(["match", "--max-distance", "-3"]).status == 64)
        #expect(try Binary.run(["match", "--min-members", "1"]).status == 64)
        #expect(try Binary.run(["match", "--csv-separator", "ab"]).status == 64)
        let invalid = try Binary.run([
            "match", "Fixtures/invalid/unknown-resource.json", "Fixtures/soissonnais-valois", "--format", "json",
        ])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("[match.excluded-flow]"))
        #expect(invalid.stdout.contains("\"synergies\""))
        let csv = try Binary.run(["match", "--format", "csv", "--bom", "--lang", "fr"])
        #expect(csv.stdout.hasPrefix("\u{FEFF}rang;id;type;"))
        let heat = try Binary.run([
            "match", "--format", "json", "--category", "heat", "--kind", "substitution", "--top", "3",
        ])
        #expect(heat.stdout.components(separatedBy: "\"kind\": \"substitution\"").count == 4)
        #expect(!heat.stdout.contains("\"kind\": \"pooling\""))
        let company = try Binary.run(["match", "--format", "csv", "--lang", "en", "--company", "verallia-cuffies"])
        let rows = company.stdout.split(separator: "\r\n").dropFirst()
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.contains("verallia-cuffies") })
    }

    @Test func helpMatchesGolden() throws {
        let output = try Binary.run(["match", "--help"], environment: ["COLUMNS": "100", "LANG": "C"])
        if let difference = TestSupport.compareGolden(output.stdout, "help-match.txt") { Issue.record("\(difference)") }
    }
}

@Suite(.serialized) struct ReportCommandTests {
    @Test func writesASelfContainedReportAndMapFormats() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "symbiose-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let html = directory.appendingPathComponent("report.html").path
        let run = try Binary.run(["report", "Fixtures/soissonnais-valois", "-o", html, "--lang", "fr"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"fr\">"))
        let sheet = try Binary.run(["report", "--company", "tereos-bucy", "--lang", "en"])
        #expect(sheet.status == 0)
        #expect(sheet.stdout.contains("What you could give"))
        let unknown = try Binary.run(["report", "--company", "nobody"])
        #expect(unknown.status == 1)
        let geojson = try Binary.run(["report", "--format", "geojson", "--anonymize"])
        #expect(geojson.stdout.contains("\"type\": \"FeatureCollection\""))
        #expect(!geojson.stdout.contains("Verallia"))
        let graphml = try Binary.run(["match", "--format", "graphml"])
        #expect(graphml.stdout.contains("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"))
        #expect(try Binary.run(["report", "--format", "geojson", "--company", "tereos-bucy"]).status == 64)
    }
}

@Suite(.serialized) struct PlanCommandTests {
    @Test func everyObjectiveAndFormatRunsAndIsDeterministic() throws {
        for objective in ["co2", "volume", "score", "euro"] {
            let first = try Binary.run(["plan", "--objective", objective, "--format", "json"])
            let second = try Binary.run(["plan", "--objective", objective, "--format", "json"])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == second.stdout)
            #expect(first.stdout.contains("\"schema\": \"symbiose/plan@1\""))
            #expect(first.stdout.contains("\"objective\": \"\(objective)\""))
        }
        for format in ["table", "csv", "markdown", "geojson", "graphml"] {
            let run = try Binary.run(["plan", "--format", format, "--lang", "en"])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            #expect(!run.stdout.isEmpty)
        }
        let table = try Binary.run(["plan", "--format", "table", "--lang", "en"])
        #expect(table.stdout.contains("Greedy (best pair first)"))
        #expect(table.stdout.contains("Firms with no synergy (to call):"))
        // The demo's pipes: the glass furnace's flue gas to the heat network and, what the
        // network cannot take, to the paper mill (the part hot enough for steam), the mill's
        // effluent to the greenhouse; the heat-pump links that would not pay are counted.
        #expect(table.stdout.contains("Pipes to build: 3 heat links, 16.8 km, 13.4 M€"))
        #expect(table.stdout.contains("Left out by the plan though matching ranks them high"))
        #expect(table.stdout.contains("pipe would not pay for itself: 6"))
    }

    @Test func transportModeChangesTheEstimate() throws {
        func netCO2(_ mode: String) throws -> String {
            let run = try Binary.run(["plan", "--format", "json", "--transport", mode])
            #expect(run.status == 0)
            let line = run.stdout.split(separator: "\n").first { $0.contains("\"emittedCO2eT\"") }
            return String(line ?? "")
        }
        let road = try netCO2("road"), rail = try netCO2("rail")
        #expect(!road.isEmpty && road != rail)
        #expect(try Binary.run(["plan", "--transport", "plane"]).status == 64)
        #expect(try Binary.run(["plan", "--objective", "speed"]).status == 64)
    }

    @Test func factorsAreListedAndAFaultyFileIsLocated() throws {
        let listing = try Binary.run(["factors", "--lang", "en"])
        #expect(listing.status == 0)
        #expect(listing.stdout.contains("transport.road  0.096 kgCO2e/t.km"))
        let json = try Binary.run(["factors", "--format", "json"])
        #expect(json.stdout.contains("\"schema\": \"symbiose/factors@1\""))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "symbiose-factors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        /// A file replacing the road factor with 0.05, in `unit`.
        func roadFactorFile(_ name: String, version: String, unit: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(
                """
                {"schema": "symbiose/factors@1", "version": "\(version)", "factors": [
                  {"id": "transport.road", "role": "transport-emissions", "mode": "road", "value": 0.05,
                   "unit": "\(unit)", "name": {"en": "a", "fr": "a"}, "source": "s", "year": 2024, "estimate": true}
                ]}
                """.utf8
            ).write(to: url)
            return url
        }
        let bad = try roadFactorFile("bad.json", version: "x", unit: "kgCO2e/km")
        let refused = try Binary.run(["plan", "--factors", bad.path, "--format", "json"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("bad.json:3:"))
        #expect(refused.stderr.contains("[factors.unit-mismatch]"))
        #expect(refused.stdout.isEmpty)

        // A good file replaces the road factor.
        let good = try roadFactorFile("good.json", version: "local", unit: "kgCO2e/t.km")
        let replaced = try Binary.run(["factors", "--factors", good.path, "--format", "json"])
        #expect(replaced.stdout.contains("\"version\": \"2026.2+local\""))
        #expect(replaced.stdout.contains("\"value\": 0.05"))
        let plan = try Binary.run(["plan", "--factors", good.path, "--format", "json"])
        #expect(plan.status == 0)
        #expect(plan.stdout.contains("\"factorsVersion\": \"2026.2+local\""))
    }
}

@Suite struct LanguageTests {
    /// Every diagnostic the invalid fixtures and the demo produce reads in French too.
    @Test func everyDiagnosticHasAFrenchMessage() throws {
        let engine = TestSupport.engine()
        let diagnostics =
            engine.validate(engine.load(.paths(["Fixtures/invalid", "Fixtures/soissonnais-valois"]))).diagnostics
            + engine.run(.paths(["Fixtures/soissonnais-valois"])).result.diagnostics
        #expect(diagnostics.count > 40)
        for diagnostic in diagnostics {
            #expect(diagnostic.text.fr != diagnostic.text.en, "\(diagnostic.code.rawValue): \(diagnostic.text.en)")
            for note in diagnostic.noteTexts where note.en.contains(" ") {
                #expect(note.fr != note.en, "\(diagnostic.code.rawValue) note: \(note.en)")
            }
        }
        let french = DiagnosticsRenderer.text(diagnostics, language: .fr)
        #expect(french.contains("erreur: "))
        #expect(!french.contains(": error: "))
    }
}

@Suite struct ScaleOutputTests {
    @Test func warningsAreCappedPerCodeInTextButNotInJSON() {
        let many = (0..<60).map { index in
            Diagnostic.warning(
                .flowMissingQuantity, LocalizedText(en: "gap \(index)", fr: "lacune \(index)"),
                at: SourceLocation(file: "f.json", line: index + 1))
        }
        let error = Diagnostic.error(
            .valueNegative, LocalizedText(en: "bad", fr: "mauvais"), at: SourceLocation(file: "f.json"))
        let text = DiagnosticsRenderer.text(many + [error])
        #expect(
            text.components(separatedBy: "[flow.missing-quantity]\n").count - 1 == DiagnosticsRenderer.warningsPerCode)
        #expect(text.contains("… and 35 more warnings [flow.missing-quantity]"))
        #expect(text.contains("error: bad [value.negative]"))
        #expect(
            DiagnosticsRenderer.json(many).components(separatedBy: "\"code\": \"flow.missing-quantity\"").count - 1
                == 60)
    }
}
