import SymbioseCore
import SymbioseSpreadsheet

/// A cell of a table written as CSV and as a workbook: text, or a number already rounded (empty
/// when unknown or hidden).
public enum TableCell: Sendable, Hashable {
    case text(String)
    case number(Double?)
}

/// A table, header first, as CSV text or an `.xlsx` workbook: the one writer of the synergy
/// lists and the follow-up exports.
public enum TableExport {
    /// CSV (RFC 4180); with `;` as separator, decimals take a comma, as French Excel expects.
    public static func csv(_ rows: [[TableCell]], separator: Character, byteOrderMark: Bool) -> String {
        let decimalMark: Character = separator == ";" ? "," : "."
        let text = rows.map { row in
            row.map { cell -> String in
                switch cell {
                case .text(let text): text
                case .number(let value): value.map { NumberFormatting.plain($0, decimalMark: decimalMark) } ?? ""
                }
            }
        }
        return CSVWriter.text(text, separator: separator, byteOrderMark: byteOrderMark)
    }

    /// One sheet: numbers as numbers, and every column that holds text below its header kept as
    /// text (identifiers made of digits keep their leading zeros; nothing reads as a formula).
    public static func workbook(_ rows: [[TableCell]], sheetName: String) throws -> [UInt8] {
        let values = rows.map { row in
            row.map { cell -> SheetValue? in
                switch cell {
                case .text(let text): text.isEmpty ? nil : .text(text)
                case .number(let value): value.map(SheetValue.number)
                }
            }
        }
        let textColumns = Set(
            rows.first?.indices.filter { index in
                rows.dropFirst().contains { row in
                    if case .text = row[index] { return true } else { return false }
                }
            } ?? [])
        return try XLSXWriter.workbook(rows: values, sheetName: sheetName, textColumns: textColumns)
    }
}
