import Foundation
import SymbioseCore
import SymbioseSpreadsheet
import SymbioseTestSupport
import Testing
import ZIPFoundation

@Suite struct ProfileSheetTests {
    /// Text as French Excel saves "CSV (séparateur : point-virgule)": Windows-1252.
    private func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "œ": 0x9C
            case "€": 0x80
            case "’": 0x92
            default: UInt8(scalar.value)  // Latin-1 range
            }
        }
    }

    private var frenchExcelCSV: [UInt8] {
        windows1252(
            "Raison sociale;Code NAF;Effectif;Latitude;Longitude;Code postal;Sens;Ressource;Quantité;Unité;Par;"
                + "Mois;Statut;Coût d'élimination;Remarque\r\n"
                + "Sucrerie de Bucy;10.81Z;180;49,3912;3,4012;2880;disponible;material.organic.sugar-beet-pulp;"
                + "12 500,5;t;an;9-1;Coproduit;15;\"pulpes surpressées ; campagne\r\nde septembre à janvier\"\r\n"
                + ";;;;;;besoin;water.process;250000;m3;;;;;eau de lavage des betteraves\r\n"
                + "Cœur de Verre;23.13Z;45;49,40;3,30;02200;rejet;material.glass.cullet;1200;t;;;déchet;30;prix 30 €\r\n"
        )
    }

    @Test func readsACSVAsFrenchExcelSavesIt() throws {
        let (profiles, diagnostics) = ProfileSheet.decodeCSV(frenchExcelCSV, file: "entreprises.csv")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.rendered))")
        try #require(profiles.count == 2)
        let sugar = profiles[0].profile
        #expect(sugar.company.id == "sucrerie-de-bucy")
        #expect(sugar.company.name == "Sucrerie de Bucy")
        #expect(sugar.company.employees == 180)
        #expect(sugar.site.latitude == 49.3912)
        // A postcode Excel turned into a number comes back with its leading zero.
        #expect(sugar.site.postcode == "02880")
        #expect(sugar.outputs.count == 1)
        #expect(sugar.inputs.count == 1)
        let pulp = sugar.outputs[0]
        #expect(pulp.id == "output-1")
        #expect(pulp.quantity == Quantity(value: 12_500.5, unit: .tonne, per: .year))
        #expect(pulp.availability == .seasonal(months: [9, 10, 11, 12, 1]))
        #expect(pulp.status == .byProduct)
        #expect(pulp.disposalCost == Cost(value: 15, per: .tonne))
        #expect(pulp.note == "pulpes surpressées ; campagne\r\nde septembre à janvier")
        #expect(sugar.inputs[0].resource == "water.process")
        // The second company starts after the quoted line break: its row is line 5.
        let glass = profiles[1]
        #expect(glass.profile.company.name == "Cœur de Verre")
        #expect(glass.profile.outputs[0].status == .waste)
        #expect(glass.profile.outputs[0].note == "prix 30 €")
        #expect(glass.source.locate("outputs[0].quantity.value").prefix == "entreprises.csv:5:Quantité")
        #expect(profiles[0].source.locate("inputs[0].resource").prefix == "entreprises.csv:4:Ressource")
    }

    @Test func locatesErrorsByRowAndColumnName() {
        let csv =
            "Raison sociale;Sens;Ressource;Quantité;Unité;Quantitée\n"
            + "Acme;rejet;heat.hot-water;douze;MW;\n"
            + "Acme;besoin;water.process;3;m³/an;\n"
            + "Acme;sortant;;3;t;\n"
        let (profiles, diagnostics) = ProfileSheet.decodeCSV(Array(csv.utf8), file: "f.csv")
        #expect(profiles.isEmpty)
        let unknown = diagnostics.first { $0.code == .sheetUnknownColumn }
        #expect(unknown?.location?.prefix == "f.csv:1:Quantitée")
        #expect(unknown?.noteTexts.first?.en == "did you mean \"Quantity\"?")
        // The header must be right before rows are read.
        let fixed = csv.replacingOccurrences(of: ";Quantitée\n", with: "\n").replacingOccurrences(of: ";\n", with: "\n")
        let second = ProfileSheet.decodeCSV(Array(fixed.utf8), file: "f.csv").diagnostics
        let rendered = second.map { "\($0.location?.prefix ?? "") \($0.code.rawValue)" }
        #expect(
            rendered == [
                "f.csv:2:Quantité value.invalid", "f.csv:3:Unité quantity.unknown-unit",
                "f.csv:4:Sens value.invalid", "f.csv:4:Ressource sheet.missing-value",
            ])
    }

    @Test func locationsNameTheRowAndColumnOrTheCellReference() {
        let sheet = Sheet(name: "Mes profils", rows: [])
        #expect(
            sheet.location(file: "b.xlsx", row: 7, column: 3, header: "Quantité").prefix == "b.xlsx:'Mes profils'!D7")
        let csv = Sheet(name: nil, rows: [])
        #expect(csv.location(file: "f.csv", row: 7, column: 3, header: "Quantité").prefix == "f.csv:7:Quantité")
        // A header holding "!" is still a header, not a cell reference.
        #expect(csv.location(file: "f.csv", row: 3, column: 0, header: "Attention!").prefix == "f.csv:3:Attention!")
        #expect(csv.location(file: "f.csv", row: 3, column: 0, header: "Note!A1x").prefix == "f.csv:3:Note!A1x")
    }

    @Test func reportsConflictingCompanyCells() {
        let csv =
            "Raison sociale;Commune;Sens;Ressource\nAcme;Soissons;rejet;heat.hot-water\nAcme;Laon;besoin;water.process\n"
        let (profiles, diagnostics) = ProfileSheet.decodeCSV(Array(csv.utf8), file: "f.csv")
        // Read, so that its other problems are checked too; the error keeps it out of matching.
        #expect(profiles.map(\.profile.site.commune) == ["Soissons"])
        #expect(diagnostics.map(\.code) == [.sheetConflict])
        #expect(diagnostics.first?.location?.prefix == "f.csv:3:Commune")
        #expect(diagnostics.first?.text.en.contains("row 2") == true)
    }

    /// A workbook as spreadsheets write it, built part by part: a first sheet of notes, then
    /// the profiles sheet with shared strings (one of them rich text), inline strings, numbers,
    /// a boolean, an empty cell and a cell given without its reference.
    private func workbook(replacingSheet sheet: String? = nil) throws -> [UInt8] {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relations = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let parts: [(String, String)] = [
            (
                "xl/workbook.xml",
                """
                <workbook xmlns="\(main)" xmlns:r="\(relations)"><sheets>\
                <sheet name="Notes" sheetId="1" r:id="rId7"/><sheet name="Entreprises" sheetId="2" r:id="rId8"/>\
                </sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId7" Type="\(relations)/worksheet" Target="worksheets/notes.xml"/>\
                <Relationship Id="rId8" Type="\(relations)/worksheet" Target="/xl/worksheets/data.xml"/>\
                </Relationships>
                """
            ),
            (
                "xl/sharedStrings.xml",
                """
                <sst xmlns="\(main)"><si><t>Raison sociale</t></si><si><t>Sens</t></si><si><t>Ressource</t></si>\
                <si><t>Quantité</t></si><si><t>Unité</t></si><si><t>Confidentiel</t></si>\
                <si><r><rPr><b/></rPr><t>Cœur</t></r><r><t xml:space="preserve"> de Verre</t></r></si>\
                <si><t>disponible</t></si><si><t>Température (°C)</t></si><si><t>Remarque</t></si></sst>
                """
            ),
            (
                "xl/worksheets/notes.xml",
                "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>À lire</t></is></c></row></sheetData></worksheet>"
            ),
            (
                "xl/worksheets/data.xml",
                """
                <worksheet xmlns="\(main)"><sheetData>\
                <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
                <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>\
                <c r="G1" t="s"><v>8</v></c><c t="s"><v>9</v></c></row>\
                <row r="3"><c r="A3" t="s"><v>6</v></c><c r="B3" t="s"><v>7</v></c>\
                <c r="C3" t="inlineStr"><is><t>heat.hot-water</t></is></c><c r="D3"><v>0.75</v></c>\
                <c r="E3" t="inlineStr"><is><t>GWh</t></is></c><c r="F3" t="b"><v>1</v></c><c r="G3"/>\
                <c r="H3" t="inlineStr"><is><t>run_x000A_off</t></is></c></row>\
                <row r="7"><c r="A7" t="s"><v>6</v></c><c r="B7" t="inlineStr"><is><t>besoin</t></is></c>\
                <c r="C7" t="inlineStr"><is><t>water.process</t></is></c><c r="D7" t="inlineStr"><is><t>beaucoup</t></is></c>\
                <c r="E7" t="inlineStr"><is><t>m3</t></is></c></row>\
                </sheetData></worksheet>
                """
            ),
        ]
        let archive = try Archive(accessMode: .create)
        for (path, original) in parts {
            let text = path == "xl/worksheets/data.xml" ? (sheet ?? original) : original
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try #require(archive.data))
    }

    @Test func readsAWorkbookWithSharedAndInlineStrings() throws {
        let bytes = try workbook()
        #expect(try XLSXReader.sheetNames(bytes) == ["Notes", "Entreprises"])
        let sheet = try XLSXReader.read(bytes, sheet: "Entreprises")
        #expect(sheet.rows.map(\.number) == [1, 3, 7])
        #expect(sheet.rows[0][7] == .text("Remarque"))
        #expect(sheet.rows[1][0] == .text("Cœur de Verre"))
        #expect(sheet.rows[1][3] == .number(0.75))
        #expect(sheet.rows[1][5] == .bool(true))
        #expect(sheet.rows[1][6] == nil)
        #expect(sheet.rows[1][7] == .text("run\noff"))

        let (profiles, diagnostics) = ProfileSheet.decodeXLSX(bytes, file: "b.xlsx", sheet: "Entreprises")
        // Read without the wrong cell, so that the rest is checked too.
        #expect(profiles.first?.profile.inputs.first?.quantity == nil)
        // Row 7's quantity is text, not a number: located by sheet and cell.
        #expect(diagnostics.map(\.code) == [.valueInvalid])
        #expect(diagnostics.first?.location?.prefix == "b.xlsx:Entreprises!D7")
        #expect(diagnostics.first?.location?.path == "Quantité")
    }

    @Test func readsAWorkbookIntoAProfile() throws {
        let bytes = try workbook()
        let sheet = try XLSXReader.read(bytes, sheet: "Entreprises")
        let firstRows = Sheet(name: sheet.name, rows: Array(sheet.rows.prefix(2)))
        let (profiles, diagnostics) = ProfileSheet.decode(firstRows, file: "b.xlsx")
        #expect(diagnostics.isEmpty)
        let flow = try #require(profiles.first?.profile.outputs.first)
        #expect(profiles.first?.profile.company.id == "coeur-de-verre")
        #expect(flow.quantity == Quantity(value: 0.75, unit: .gigawattHour))
        #expect(flow.confidential)
        #expect(flow.note == "run\noff")
        #expect(profiles.first?.source.locate("outputs[0].confidential").prefix == "b.xlsx:Entreprises!F3")
    }

    @Test func reportsAMissingSheetAndANonWorkbook() throws {
        let bytes = try workbook()
        let missing = ProfileSheet.decodeXLSX(bytes, file: "b.xlsx", sheet: "Feuil9").diagnostics
        #expect(missing.map(\.code) == [.sheetNotFound])
        #expect(missing.first?.noteTexts.first?.en == "its sheets are \"Notes\", \"Entreprises\"")
        let notZip = ProfileSheet.decodeXLSX(Array("a;b\n".utf8), file: "c.xlsx").diagnostics
        #expect(notZip.map(\.code) == [.xlsxInvalid])
        // The first sheet is read by default; here it is not a profile sheet.
        let first = ProfileSheet.decodeXLSX(bytes, file: "b.xlsx").diagnostics
        #expect(first.map(\.code) == [.sheetUnknownColumn, .sheetMissingColumn])
    }

    @Test func refusesAWorksheetWithADoctypeOrBrokenXML() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let entities = """
            <?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\
            <worksheet xmlns="\(main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c>\
            </row></sheetData></worksheet>
            """
        for sheet in [entities, "<worksheet xmlns=\"\(main)\"><sheetData><row>"] {
            let diagnostics = ProfileSheet.decodeXLSX(
                try workbook(replacingSheet: sheet), file: "b.xlsx", sheet: "Entreprises"
            ).diagnostics
            #expect(diagnostics.map(\.code) == [.xlsxInvalid])
            #expect(diagnostics.first?.text.en.hasPrefix("the workbook is damaged: xl/worksheets/data.xml") == true)
        }
    }

    /// Fuzzing findings that trapped the reader: each is now a located error.
    @Test func hostileReferencesAreErrorsNotCrashes() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let sheets = [
            // A cell reference of 14 column letters overflowed the column arithmetic.
            "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1\"><c r=\"AAAAAAAAAAAAAA1\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>",
            // The largest row number, then a row without one, overflowed the row count.
            "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"9223372036854775807\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row><row><c t=\"inlineStr\"><is><t>y</t></is></c></row></sheetData></worksheet>",
            // A row beyond a worksheet's 1,048,576.
            "<worksheet xmlns=\"\(main)\"><sheetData><row r=\"1048576\"><c r=\"A1\" t=\"inlineStr\"><is><t>x</t></is></c></row><row><c t=\"inlineStr\"><is><t>y</t></is></c></row></sheetData></worksheet>",
        ]
        for sheet in sheets {
            let diagnostics = ProfileSheet.decodeXLSX(
                try workbook(replacingSheet: sheet), file: "b.xlsx", sheet: "Entreprises"
            ).diagnostics
            #expect(diagnostics.map(\.code) == [.xlsxInvalid])
            #expect(diagnostics.first?.text.en.contains("out of range") == true)
        }
        #expect(Sheet.columnIndex("XFD") == 16_383)
        #expect(Sheet.columnIndex("AAAAAAAAAAAAAA") == nil)
    }

    /// A lone cell far to the right costs one entry, not a row of empty slots: 2,000 rows each
    /// holding one cell in column AMJ (the last one read) keep 2,000 entries in all; cells given
    /// out of order, or twice, read as a spreadsheet shows them.
    @Test func sparseRowsKeepOnlyTheirCells() throws {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rows = (1...2_000).map { "<row r=\"\($0)\"><c r=\"AMJ\($0)\"><v>\($0)</v></c></row>" }.joined()
        let sheet = try XLSXReader.read(
            try workbook(replacingSheet: "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"),
            sheet: "Entreprises")
        #expect(sheet.rows.count == 2_000)
        #expect(sheet.rows.map(\.entries.count).reduce(0, +) == 2_000)
        #expect(sheet.rows[0].width == 1_024 && sheet.rows[0][1_023] == .number(1) && sheet.rows[0][5] == nil)
        let shuffled = Sheet.Row(
            number: 1,
            entries: [
                .init(column: 3, value: .text("d")), .init(column: 0, value: .text("a")),
                .init(column: 3, value: .text("D")),
            ])
        #expect(shuffled.cells == [.text("a"), nil, nil, .text("D")])
    }

    /// A misspelt header gets a "did you mean"; a header far longer than any known one (the
    /// fuzzer's 4 KB headers, which timed out under ASan) gets none and costs nothing to compare.
    @Test func onlyHeadersNearAKnownOneGetASuggestion() {
        let long = String(repeating: "raison sociale ", count: 300)
        let csv = "Raison socialee;\(long);Sens;Ressource\nAcme;x;rejet;heat.steam\n"
        let unknown = ProfileSheet.decodeCSV(Array(csv.utf8), file: "h.csv").diagnostics.filter {
            $0.code == .sheetUnknownColumn
        }
        #expect(unknown.count == 2)
        #expect(unknown.first?.notes.first?.contains("Company name") == true)
        #expect(unknown.last?.notes.contains { $0.contains("did you mean") } == false)
    }

    /// Little-endian fields of a ZIP archive, to damage a workbook the way the fuzzer did.
    private func patch(_ bytes: inout [UInt8], at offset: Int, _ value: UInt32) {
        for index in 0..<4 { bytes[offset + index] = UInt8((value >> (8 * UInt32(index))) & 0xFF) }
    }

    private func field(_ bytes: [UInt8], at offset: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    @Test func damagedZipOffsetsAreErrorsNotCrashes() throws {
        let good = try workbook()
        let end = try #require((0...(good.count - 22)).last { field(good, at: $0) == 0x0605_4B50 })
        let directory = field(good, at: end + 16)
        var cases: [[UInt8]] = []
        // The central directory's offset past the end of the file.
        var moved = good
        patch(&moved, at: end + 16, UInt32(good.count + 1000))
        cases.append(moved)
        // The first entry's local header offset past the end of the file.
        var local = good
        patch(&local, at: directory + 42, UInt32(good.count + 4))
        cases.append(local)
        // The first entry's compressed size running past the central directory.
        var long = good
        patch(&long, at: directory + 20, 0x00FF_FFFF)
        cases.append(long)
        for bytes in cases {
            let diagnostics = ProfileSheet.decodeXLSX(bytes, file: "b.xlsx", sheet: "Entreprises").diagnostics
            #expect(diagnostics.map(\.code) == [.xlsxInvalid])
        }
    }

    @Test func aPartInflatingBeyondItsDeclaredSizeIsRefused() throws {
        // Every entry declares 10 bytes once inflated, in the central directory and the local
        // header: the reader stops at 10, whatever the archive really holds.
        var bytes = try workbook()
        let end = try #require((0...(bytes.count - 22)).last { field(bytes, at: $0) == 0x0605_4B50 })
        var position = field(bytes, at: end + 16)
        while field(bytes, at: position) == 0x0201_4B50 {
            patch(&bytes, at: position + 24, 10)
            patch(&bytes, at: field(bytes, at: position + 42) + 22, 10)
            let names = (28...32).filter { $0 % 2 == 0 }.map {
                Int(bytes[position + $0]) | Int(bytes[position + $0 + 1]) << 8
            }
            position += 46 + names.reduce(0, +)
        }
        let diagnostics = ProfileSheet.decodeXLSX(bytes, file: "b.xlsx", sheet: "Entreprises").diagnostics
        #expect(diagnostics.map(\.code) == [.xlsxInvalid])
    }

    /// The resident memory of this process, in bytes (Linux).
    private func residentBytes() -> Int {
        let fields = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8))?.split(separator: " ")
        return (fields.flatMap { $0.count > 1 ? Int($0[1]) : nil } ?? 0) * 4096
    }

    @Test func damagedArchivesLeakNothing() throws {
        // 1 MB that starts like a ZIP archive but has no directory: ZIPFoundation, given it,
        // kept a copy it never freed, so that 200 such uploads held 200 MB.
        var bytes = [UInt8](repeating: 0x41, count: 1 << 20)
        bytes[0] = 0x50
        bytes[1] = 0x4B
        _ = ProfileSheet.decodeXLSX(bytes, file: "warm-up.xlsx")
        let before = residentBytes()
        for index in 0..<200 {
            let result = ProfileSheet.decodeXLSX(bytes, file: "damaged-\(index).xlsx")
            #expect(result.diagnostics.containsErrors)
        }
        let grown = residentBytes() - before
        #expect(grown < 50 << 20, "resident memory grew by \(grown >> 20) MB")
    }

    @Test func formulaLikeTextIsNeutralisedInCSVAndReadBackAsGiven() throws {
        var profile = everyField
        profile.company.name = "=HYPERLINK(\"http://x\",\"click\")"
        profile.site.commune = "@SUM(A1)"
        profile.site.zone = "+33 zone"
        let csv = ProfileSheet.csv([profile], language: .en)
        // A spreadsheet opening the file sees text, not formulas (OWASP's CSV injection advice).
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""))
        #expect(csv.contains(",'@SUM(A1),") && csv.contains("'+33 zone"))
        #expect(!csv.contains(",=") && !csv.contains(",@") && !csv.contains(",+"))
        let (read, diagnostics) = ProfileSheet.decodeCSV(Array(csv.utf8), file: "f.csv")
        #expect(!diagnostics.containsErrors)
        #expect(read.first?.profile.company.name == profile.company.name)
        #expect(read.first?.profile.site.commune == "@SUM(A1)")
        #expect(read.first?.profile.site.zone == "+33 zone")
        // Numbers keep their sign.
        #expect(CSVWriter.field("-5", separator: ",") == "-5" && CSVWriter.field("-0,5", separator: ";") == "-0,5")
    }

    @Test func aSheetOfThousandsOfColumnsIsOneError() {
        // 40,000 quoted fields on one line were quadratic to read, and made one error each.
        let row = Array(repeating: "\"x\"", count: 40_000).joined(separator: ";")
        let csv = "Raison sociale;Sens;Ressource\n" + row + "\n"
        let (profiles, diagnostics) = ProfileSheet.decodeCSV(Array(csv.utf8), file: "f.csv")
        #expect(profiles.isEmpty)
        #expect(diagnostics.map(\.code) == [.sheetTooWide])
    }

    @Test func anAbsurdHeadcountIsAnErrorNotACrash() {
        let csv = "Raison sociale;Effectif;Sens;Ressource\nAcme;1e300;rejet;material.paper.cardboard\n"
        let (profiles, diagnostics) = ProfileSheet.decodeCSV(Array(csv.utf8), file: "f.csv")
        #expect(diagnostics.map(\.code) == [.valueInvalid])
        #expect(profiles.first?.profile.company.employees == nil)
    }

    /// A profile with every field the layout carries, including awkward text.
    private var everyField: Profile {
        Profile(
            company: Company(
                id: "acme.plant_2", name: "Acme \"Nord\"; Sàrl", naf: "20.14Z", siret: "73282932000074",
                employees: 0, group: "Groupe Acme"),
            site: Site(
                latitude: -0.000001, longitude: 179.5, approximate: true, commune: "Saint-Just", postcode: "02200",
                zone: "ZI ; Nord", address: "12, rue \"Haute\"; BP 4"),
            contact: Contact(name: nil, email: "x@example.org", phone: "0323000000"),
            outputs: [
                Flow(
                    id: "o", direction: .output, resource: "material.chemical.solvent",
                    quantity: Quantity(value: 1e-7, unit: .kilogram, per: .once),
                    quality: FlowQuality(
                        purity: 99.5, state: .liquid, hazardous: false, ewc: "14 06 03*",
                        contaminants: ["lead, zinc", "oil"]),
                    availability: .oneOff(year: 2027, month: 3),
                    disposalCost: Cost(value: 1_234.5, currency: "CHF", per: .kilogram),
                    maxDistanceKm: 12.25, status: .waste, confidence: .measured, confidential: true,
                    note: "  line one\n\"two\";_x0041_ \u{1}", outlet: .wastewaterTreatment),
                Flow(
                    id: "steam", direction: .output, resource: "heat.steam",
                    quantity: Quantity(value: 2.5, unit: .megawatt, per: nil, hours: 6000),
                    quality: FlowQuality(temperature: 180, medium: .steam),
                    availability: .seasonal(months: [11, 12, 1])),
            ],
            inputs: [
                Flow(
                    id: "w", direction: .input, resource: "water.process",
                    quantity: Quantity(value: 3, unit: .cubicMetre, per: .day),
                    quality: FlowQuality(waterGrade: .cooling),
                    price: Cost(value: 2.1, per: .cubicMetre), confidence: .estimated)
            ])
    }

    @Test(arguments: [Language.fr, .en])
    func roundTripsThroughXLSXAndCSVWithoutLoss(language: Language) throws {
        var profiles = try TestSupport.demoProfiles().profiles.map(\.profile)
        profiles.append(everyField)
        profiles.append(Profile(company: Company(id: "bare", name: "Bare"), site: Site()))
        // Spreadsheets' readers drop surrounding white space: the note and commune come back without it.
        profiles[profiles.count - 2].site.commune = " Bucy-le-Long"
        let expected = profiles.map(ProfileSheet.asReadBack)
        #expect(expected[profiles.count - 2].outputs[0].note == "line one\n\"two\";_x0041_ \u{1}")
        #expect(expected[profiles.count - 2].site.commune == "Bucy-le-Long")

        let workbook = try ProfileSheet.xlsx(profiles, language: language)
        #expect(
            try ProfileSheet.xlsx(profiles, language: language) == workbook, "the same profiles give the same bytes")
        let fromWorkbook = ProfileSheet.decodeXLSX(workbook, file: "all.xlsx")
        #expect(fromWorkbook.diagnostics.isEmpty, "\(fromWorkbook.diagnostics.map(\.rendered))")
        #expect(fromWorkbook.profiles.map(\.profile) == expected)

        let csv = Array(ProfileSheet.csv(profiles, language: language).utf8)
        let fromCSV = ProfileSheet.decodeCSV(csv, file: "all.csv")
        #expect(fromCSV.diagnostics.isEmpty, "\(fromCSV.diagnostics.map(\.rendered))")
        #expect(fromCSV.profiles.map(\.profile) == expected)
    }

    @Test func mapsValidatorFindingsToCells() throws {
        let csv =
            "Raison sociale;Latitude;Longitude;Sens;Ressource;Quantité;Unité\nAcme;49.4;3.3;rejet;heat.nonsense;2;GWh\n"
        let (profiles, diagnostics) = ProfileSheet.decodeCSV(Array(csv.utf8), file: "f.csv")
        #expect(diagnostics.isEmpty)
        let findings = ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate(profiles)
        let unknown = try #require(findings.first { $0.code == .profileUnknownResource })
        #expect(unknown.location?.prefix == "f.csv:2:Ressource")
    }
}
