import SymbioseCore
import SymbioseSpreadsheet

/// Synergies as an `.xlsx` workbook: the columns of `SynergyCSV`, numbers stored as numbers
/// (a spreadsheet sorts and sums them whatever its language), identifiers as text.
public enum SynergyWorkbook {
    public static func bytes(_ report: RunReport) throws -> [UInt8] {
        try TableExport.workbook(
            SynergyCSV.cells(
                report.synergies, taxonomy: report.taxonomy, impacts: report.impacts, language: report.language),
            sheetName: "synergies")
    }
}

extension OutputFormat {
    /// `report` in this format as bytes: a workbook for `.xlsx`, UTF-8 text otherwise.
    public func bytes(_ report: RunReport) throws -> [UInt8] {
        self == .xlsx ? try SynergyWorkbook.bytes(report) : Array(try render(report).utf8)
    }
}
