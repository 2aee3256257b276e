import Foundation
import SymbioseCore

/// Profiles in the flat spreadsheet layout (`Docs/spreadsheet-format.md`), read from CSV or
/// .xlsx and written back without loss.
public enum ProfileSheet {
    /// Reads a CSV file of the flat layout. With `skippingOtherTables`, a table whose header
    /// row is not the profile layout is skipped with a warning instead of reported column by
    /// column: how CSV files found in a directory are read.
    public static func decodeCSV(
        _ bytes: [UInt8], file: String, skippingOtherTables: Bool = false, limits: ReaderLimits = .standard
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        do {
            let sheet = Sheet(try CSVTable(bytes, maximumFields: limits.values))
            if skippingOtherTables && !isProfileLayout(sheet) { return ([], [skipped(file)]) }
            return decode(sheet, file: file)
        } catch {
            return (
                [],
                [.error(error.code, error.text, at: SourceLocation(file: file, line: error.line, column: error.column))]
            )
        }
    }

    /// Reads one sheet of a workbook of the flat layout: `sheet`, or the first; with
    /// `skippingOtherTables`, as `decodeCSV`.
    public static func decodeXLSX(
        _ bytes: [UInt8], file: String, sheet name: String? = nil, skippingOtherTables: Bool = false,
        limits: ReaderLimits = .standard
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        do {
            let sheet = try XLSXReader.read(bytes, sheet: name, limits: limits)
            if skippingOtherTables && !isProfileLayout(sheet) { return ([], [skipped(file)]) }
            return decode(sheet, file: file)
        } catch {
            return ([], [.error(error.code, error.text, at: SourceLocation(file: file), notes: error.notes)])
        }
    }

    /// Whether the sheet's first row names the profile layout's columns: at least the direction,
    /// the resource (as a code or in words), and the company's name or identifier.
    public static func isProfileLayout(_ sheet: Sheet) -> Bool {
        guard let header = sheet.rows.first else { return false }
        let columns = Set(header.cells.compactMap { $0.flatMap { SheetColumn(header: CSVTable.trimmed($0.text)) } })
        return columns.contains(.direction) && !columns.isDisjoint(with: [.resource, .resourceText])
            && !columns.isDisjoint(with: [.companyName, .companyID])
    }

    private static func skipped(_ file: String) -> Diagnostic {
        .warning(
            .inputSkipped,
            LocalizedText(
                en: "skipped: its first row is not the profile layout (Docs/spreadsheet-format.md)",
                fr: "ignoré : sa première ligne n'est pas la disposition des profils (Docs/spreadsheet-format.md)"),
            at: SourceLocation(file: file))
    }

    /// Builds profiles from the rows of a sheet: the first row names the columns, each further
    /// row is one flow of a company (or only the company, when its flow cells are empty).
    ///
    /// Rows of one company share its identifier (or, without one, its name); a company cell left
    /// empty takes the value given on another row, and two rows that give different values are
    /// an error. A company with any error is left out, as with the other formats.
    public static func decode(_ sheet: Sheet, file: String) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        var reader = SheetReader(sheet: sheet, file: file)
        reader.read()
        return (reader.profiles, reader.diagnostics)
    }
}

/// The state of reading one sheet.
struct SheetReader {
    let sheet: Sheet
    let file: String
    var diagnostics: [Diagnostic] = []
    var profiles: [LoadedProfile] = []
    /// Column index of each recognised column, and the header text as written.
    var columns: [SheetColumn: Int] = [:]
    var headers: [Int: String] = [:]

    init(sheet: Sheet, file: String) {
        self.sheet = sheet
        self.file = file
    }

    /// One company being gathered from its rows.
    final class Gathered {
        var values: [SheetColumn: (text: String, location: SourceLocation)] = [:]
        var outputs: [Flow] = []
        var inputs: [Flow] = []
        var fields: [String: SourceLocation] = [:]
        var whole: SourceLocation
        init(whole: SourceLocation) { self.whole = whole }
    }

    mutating func read() {
        guard let header = sheet.rows.first else {
            diagnostics.append(
                .error(
                    .inputEmpty, LocalizedText(en: "the sheet is empty", fr: "la feuille est vide"),
                    at: SourceLocation(file: file)))
            return
        }
        readHeader(header)
        guard !diagnostics.containsErrors else { return }
        var companies: [String: Gathered] = [:]
        var order: [String] = []
        var previous: String?
        for row in sheet.rows.dropFirst() {
            guard let key = companyKey(row, previous: previous) else { continue }
            previous = key
            let company =
                companies[key]
                ?? {
                    let gathered = Gathered(whole: location(row, columns[.companyID] ?? columns[.companyName] ?? 0))
                    if columns[.latitude] != nil { gathered.fields["site"] = location(row, .latitude) }
                    companies[key] = gathered
                    order.append(key)
                    return gathered
                }()
            gatherCompanyCells(row, into: company)
            readFlow(row, into: company)
        }
        for key in order {
            let gathered = companies[key]!
            // Read despite a wrong cell, without it, so that the checks report every other
            // problem too; its errors keep the profile out of matching.
            guard let profile = buildProfile(key: key, gathered) else { continue }
            profiles.append(
                LoadedProfile(
                    profile: profile, source: ProfileSource(file: file, whole: gathered.whole, fields: gathered.fields))
            )
        }
    }

    // MARK: Header

    /// Whether the sheet is narrow enough to read; one error otherwise (`sheet.too-wide`).
    mutating func fitsWidth(_ width: Int, header: Sheet.Row) -> Bool {
        guard width > Sheet.maximumColumns else { return true }
        diagnostics.append(
            .error(
                .sheetTooWide,
                LocalizedText(
                    en:
                        "the sheet has \(width) columns; a profile sheet has fewer than 50 (at most \(Sheet.maximumColumns) are read)",
                    fr:
                        "la feuille a \(width) colonnes ; une feuille de profils en a moins de 50 (au plus \(Sheet.maximumColumns) sont lues)"
                ),
                at: sheet.location(file: file, row: header.number, column: Sheet.maximumColumns, header: nil),
                notes: [Self.headerNote]))
        return false
    }

    mutating func readHeader(_ header: Sheet.Row) {
        let width = sheet.rows.map(\.width).max() ?? 0
        guard fitsWidth(width, header: header) else { return }
        for index in 0..<width {
            let text = header[index].map { CSVTable.trimmed($0.text) } ?? ""
            let at = sheet.location(file: file, row: header.number, column: index, header: text.isEmpty ? nil : text)
            if text.isEmpty {
                if sheet.rows.dropFirst().contains(where: { $0[index] != nil }) {
                    diagnostics.append(
                        .error(
                            .sheetUnknownColumn,
                            LocalizedText(
                                en: "column \(Sheet.columnName(index)) holds values but has no header",
                                fr: "la colonne \(Sheet.columnName(index)) contient des valeurs mais pas d'en-tête"),
                            at: at, notes: [Self.headerNote]))
                }
                continue
            }
            guard let column = SheetColumn(header: text) else {
                var notes: [LocalizedText] = []
                if let suggestion = SheetColumn.suggestion(for: text) {
                    notes.append(
                        LocalizedText(
                            en: "did you mean \"\(suggestion.header.en)\"?",
                            fr: "vouliez-vous dire « \(suggestion.header.fr) » ?"))
                }
                notes.append(Self.headerNote)
                diagnostics.append(
                    .error(
                        .sheetUnknownColumn,
                        LocalizedText(en: "unknown column \"\(text)\"", fr: "colonne inconnue « \(text) »"), at: at,
                        notes: notes))
                continue
            }
            if let first = columns[column] {
                diagnostics.append(
                    .error(
                        .sheetDuplicateColumn,
                        LocalizedText(
                            en: "column \"\(text)\" repeats column \(Sheet.columnName(first))",
                            fr: "la colonne « \(text) » répète la colonne \(Sheet.columnName(first))"), at: at))
                continue
            }
            columns[column] = index
            headers[index] = text
        }
        if columns[.companyID] == nil && columns[.companyName] == nil {
            diagnostics.append(
                .error(
                    .sheetMissingColumn,
                    LocalizedText(
                        en: "the sheet has no \"Company name\" column (nor \"Company ID\")",
                        fr: "la feuille n'a pas de colonne « Raison sociale » (ni « Identifiant entreprise »)"),
                    at: sheet.location(file: file, row: header.number, column: 0, header: nil),
                    notes: [Self.headerNote]))
        }
    }

    static let headerNote = LocalizedText(
        en: "the first row names the columns; symbiose template --format csv prints them",
        fr: "la première ligne nomme les colonnes ; symbiose template --format csv les donne")

    // MARK: Cells

    /// A company cell in a comparable form: numbers and booleans by value.
    func comparable(_ row: Sheet.Row, _ column: SheetColumn) -> String? {
        guard let value = value(row, column) else { return nil }
        switch column {
        case .latitude, .longitude, .employees:
            if case .text(let text) = value, let number = CSVTable.number(text) { return JSONOutput.format(number) }
        case .approximate:
            if case .text(let text) = value, let flag = SheetVocabulary.truth(text) { return String(flag) }
            if case .number(let number) = value { return String(number == 1) }
        default:
            break
        }
        return text(row, column)
    }

    mutating func gatherCompanyCells(_ row: Sheet.Row, into company: Gathered) {
        for column in SheetColumn.companyColumns where columns[column] != nil {
            guard let text = comparable(row, column) else { continue }
            let here = location(row, column)
            if let (earlier, at) = company.values[column] {
                if earlier != text {
                    diagnostics.append(
                        .error(
                            .sheetConflict,
                            LocalizedText(
                                en:
                                    "\"\(text)\" contradicts \"\(earlier)\" given for the same company on row \(at.line ?? 0)",
                                fr:
                                    "« \(text) » contredit « \(earlier) » donné pour la même entreprise ligne \(at.line ?? 0)"
                            ), at: here,
                            notes: [
                                LocalizedText(
                                    en:
                                        "company cells may be left empty on a company's later rows, or repeated identically",
                                    fr:
                                        "les cellules d'entreprise peuvent rester vides sur les lignes suivantes, ou être répétées à l'identique"
                                )
                            ]))
                }
                continue
            }
            company.values[column] = (text, here)
            company.fields[column.fieldKey] = here
            // Parse now, so that a bad value is reported at the row that gave it.
            switch column {
            case .employees: _ = integer(row, column)
            case .latitude, .longitude: _ = number(row, column)
            case .approximate: _ = truth(row, column)
            default: break
            }
        }
    }

    mutating func buildProfile(key: String, _ gathered: Gathered) -> Profile? {
        func text(_ column: SheetColumn) -> String? { gathered.values[column]?.text }
        if text(.companyName) == nil {
            diagnostics.append(
                .error(
                    .sheetMissingValue,
                    LocalizedText(
                        en: "company \"\(key)\" has no name on any of its rows",
                        fr: "l'entreprise « \(key) » n'a de raison sociale sur aucune de ses lignes"),
                    at: gathered.whole))
            return nil
        }
        func number(_ column: SheetColumn) -> Double? { text(column).flatMap(CSVTable.number) }
        let company = Company(
            id: CompanyID(text(.companyID) ?? key), name: text(.companyName)!, naf: text(.naf),
            siret: text(.siret), employees: number(.employees).flatMap { abs($0) < 1e9 ? Int(exactly: $0) : nil },
            group: text(.group))
        let site = Site(
            latitude: number(.latitude), longitude: number(.longitude),
            approximate: text(.approximate) == "true", commune: text(.commune), postcode: text(.postcode),
            zone: text(.zone), address: text(.address))
        let contactParts = [text(.contactName), text(.contactEmail), text(.contactPhone)]
        let contact =
            contactParts.allSatisfy({ $0 == nil })
            ? nil : Contact(name: contactParts[0], email: contactParts[1], phone: contactParts[2])
        return Profile(
            company: company, site: site, contact: contact, outputs: gathered.outputs, inputs: gathered.inputs)
    }

    /// A list cell: items separated by `|`, or if there is none, by `,` or `;`.
    static func list(_ text: String?) -> [String] {
        guard let text else { return [] }
        let separators: Set<Character> = text.contains("|") ? ["|"] : [",", ";"]
        return text.split(whereSeparator: { separators.contains($0) }).map {
            CSVTable.trimmed(String($0))
        }.filter { !$0.isEmpty }
    }
}
