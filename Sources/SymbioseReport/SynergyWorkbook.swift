import SymbioseCore
import SymbioseSpreadsheet

/// Synergies as an `.xlsx` workbook: the columns of `SynergyCSV`, numbers stored as numbers
/// (a spreadsheet sorts and sums them whatever its language), identifiers as text.
public enum SynergyWorkbook {
    public static func bytes(_ report: RunReport) throws -> [UInt8] {
        let cells = SynergyCSV.cells(
            report.synergies, taxonomy: report.taxonomy, impacts: report.impacts, language: report.language)
        let rows = cells.map { row in
            row.map { cell -> SheetValue? in
                switch cell {
                case .text(let text): text.isEmpty ? nil : .text(text)
                case .number(let value, _): value.map(SheetValue.number)
                }
            }
        }
        let textColumns = Set(
            cells.first?.indices.filter { index in
                cells.dropFirst().contains { row in
                    if case .text = row[index] { return true } else { return false }
                }
            } ?? [])
        return try XLSXWriter.workbook(rows: rows, sheetName: "synergies", textColumns: textColumns)
    }
}

extension OutputFormat {
    /// `report` in this format as bytes: a workbook for `.xlsx`, UTF-8 text otherwise.
    public func bytes(_ report: RunReport) throws -> [UInt8] {
        self == .xlsx ? try SynergyWorkbook.bytes(report) : Array(try render(report).utf8)
    }
}
