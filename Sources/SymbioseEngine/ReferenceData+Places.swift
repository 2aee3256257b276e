import Foundation
import SymbioseCore
import SymbioseSpreadsheet

/// The user's own table of places (`--locations FILE`): a CSV file (comma, semicolon or tab,
/// UTF-8 or Windows-1252, as spreadsheets save it) whose header names a `commune` and/or a
/// `postcode` column and `lat` and `lon` columns (French headers too: `Commune`, `Code
/// postal`, `Latitude`, `Longitude`). Each row places a commune (told apart by its postcode)
/// or, without a commune, a postcode. See `Docs/geography.md`.
extension ReferenceData {
    /// The header words each column answers to, folded.
    static let placeColumns: [(key: String, names: Set<String>)] = [
        ("commune", ["commune", "ville", "nom", "name", "city", "town", "localite"]),
        ("postcode", ["postcode", "code postal", "cp", "zip", "postal code", "code"]),
        ("lat", ["lat", "latitude", "y"]),
        ("lon", ["lon", "lng", "long", "longitude", "x"]),
    ]

    /// The places of `file`, with located errors; `nil` places when any error is found.
    public static func places(userFile file: String) -> (PlaceTable?, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return (nil, [unreadable(file, LocalizedText(en: "locations", fr: "de lieux"))])
        }
        return places(Array(data), file: file)
    }

    static func places(_ bytes: [UInt8], file: String) -> (PlaceTable?, [Diagnostic]) {
        let table: CSVTable
        do {
            table = try CSVTable(bytes)
        } catch {
            return (nil, [.error(error.code, error.text, at: SourceLocation(file: file, line: error.line))])
        }
        guard let header = table.rows.first else {
            return (nil, [placeError("the file is empty", "le fichier est vide", file: file, line: 1)])
        }
        var columns: [String: Int] = [:]
        for (index, cell) in header.cells.enumerated() {
            let folded = TextFoldingForHeaders.fold(cell)
            if let column = placeColumns.first(where: { $0.names.contains(folded) }), columns[column.key] == nil {
                columns[column.key] = index
            }
        }
        guard columns["lat"] != nil, columns["lon"] != nil, columns["commune"] != nil || columns["postcode"] != nil
        else {
            return (
                nil,
                [
                    placeError(
                        "the header needs lat and lon columns, and a commune or postcode column",
                        "l'en-tête doit avoir des colonnes lat et lon, et une colonne commune ou code postal",
                        file: file, line: header.line)
                ]
            )
        }
        var entries: [PlaceTable.Entry] = []
        var diagnostics: [Diagnostic] = []
        for row in table.rows.dropFirst() where row.cells.contains(where: { !CSVTable.trimmed($0).isEmpty }) {
            if let entry = entry(row, columns: columns, file: file, into: &diagnostics) { entries.append(entry) }
        }
        return diagnostics.containsErrors ? (nil, diagnostics) : (PlaceTable(entries), diagnostics)
    }

    private static func entry(
        _ row: CSVTable.Row, columns: [String: Int], file: String, into diagnostics: inout [Diagnostic]
    ) -> PlaceTable.Entry? {
        func cell(_ key: String) -> String? {
            guard let index = columns[key], index < row.cells.count else { return nil }
            let text = CSVTable.trimmed(row.cells[index])
            return text.isEmpty ? nil : text
        }
        let (commune, postcode) = (cell("commune"), cell("postcode"))
        guard let latitude = cell("lat").flatMap(CSVTable.number), (-90...90).contains(latitude),
            let longitude = cell("lon").flatMap(CSVTable.number), (-180...180).contains(longitude),
            commune != nil || postcode != nil
        else {
            diagnostics.append(
                placeError(
                    "each row needs a commune or a postcode, a latitude from -90 to 90 and a longitude from -180 to 180",
                    "chaque ligne demande une commune ou un code postal, une latitude de -90 à 90 et une longitude de -180 à 180",
                    file: file, line: row.line))
            return nil
        }
        return PlaceTable.Entry(
            commune: commune, postcode: postcode, point: GeoPoint(latitude: latitude, longitude: longitude))
    }

    private static func placeError(_ en: String, _ fr: String, file: String, line: Int) -> Diagnostic {
        .error(.valueInvalid, LocalizedText(en: en, fr: fr), at: SourceLocation(file: file, line: line))
    }
}

/// Headers folded for comparison: lowercase, no accents, `_` and `-` as spaces.
private enum TextFoldingForHeaders {
    static func fold(_ header: String) -> String {
        CSVTable.trimmed(header).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
    }
}
