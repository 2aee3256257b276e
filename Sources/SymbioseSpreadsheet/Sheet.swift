import SymbioseCore

/// The value of one spreadsheet cell. An empty cell has no value.
public enum SheetValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case bool(Bool)

    /// The value as text: numbers without a needless `.0`, booleans as `true` or `false`.
    public var text: String {
        switch self {
        case .text(let text): text
        case .number(let number): JSONOutput.format(number)
        case .bool(let value): value ? "true" : "false"
        }
    }
}

/// One table of a spreadsheet: a CSV file, or one sheet of a workbook.
public struct Sheet: Sendable, Hashable {
    /// Where a row comes from: the line of a CSV file, or the row number of a worksheet.
    public struct Row: Sendable, Hashable {
        public var number: Int
        /// Cells by column, from column A; `nil` for an empty cell.
        public var cells: [SheetValue?]

        public init(number: Int, cells: [SheetValue?]) {
            self.number = number
            self.cells = cells
        }

        public subscript(column: Int) -> SheetValue? {
            column < cells.count ? cells[column] : nil
        }
    }

    /// The worksheet's name for a workbook, `nil` for CSV.
    public let name: String?
    /// Every non-empty row, in order; the first is the header.
    public var rows: [Row]
    /// The name as cell references write it, computed once: every located cell uses it.
    private let reference: String?

    public init(name: String?, rows: [Row]) {
        self.name = name
        self.rows = rows
        reference = name.map(Self.quotedSheetName)
    }

    /// Where a cell is, for diagnostics: `file:7:Quantité` in a CSV file, `file:Feuil1!D7` in a
    /// workbook (with the column's header as the path).
    public func location(file: String, row: Int, column: Int, header: String?) -> SourceLocation {
        guard let reference else {
            return SourceLocation(file: file, line: row, column: column + 1, cell: header ?? Self.columnName(column))
        }
        return SourceLocation(
            file: file, line: row, column: column + 1, path: header,
            cell: reference + "!" + Self.columnName(column) + String(row))
    }

    /// `Feuil1`, or `'Mes profils'` when the name holds anything but letters, digits and `_`,
    /// as spreadsheet formulas write it.
    static func quotedSheetName(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// The letters of a column from its index: 0 → `A`, 25 → `Z`, 26 → `AA`.
    public static func columnName(_ index: Int) -> String {
        var index = index + 1
        var letters: [Character] = []
        while index > 0 {
            let remainder = (index - 1) % 26
            letters.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            index = (index - 1) / 26
        }
        return String(letters)
    }

    /// The widest sheet read, CSV or workbook: a profile sheet has fewer than 50 columns, and a
    /// cell far to the right would cost a whole row of empty slots per row (16,384 in XFD).
    public static let maximumColumns = 1_024

    /// The index of a column from its letters (`AA` → 26), or `nil` when they are not letters.
    public static func columnIndex(_ letters: Substring) -> Int? {
        // A worksheet has at most 16,384 columns (XFD): more than three letters is no column,
        // and would overflow.
        guard !letters.isEmpty, letters.unicodeScalars.count <= 3 else { return nil }
        var index = 0
        for scalar in letters.unicodeScalars {
            guard ("A"..."Z").contains(scalar) else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        return index - 1
    }
}

extension Sheet {
    /// A CSV file as a sheet: every cell is text, empty cells have no value.
    public init(_ table: CSVTable) {
        self.init(
            name: nil,
            rows: table.rows.map { row in
                Row(number: row.line, cells: row.cells.map { $0.isEmpty ? nil : .text($0) })
            })
    }
}
