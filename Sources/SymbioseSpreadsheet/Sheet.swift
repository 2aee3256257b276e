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
    /// One non-empty cell of a row: its column index (0 for A) and value.
    public struct Cell: Sendable, Hashable {
        public var column: Int
        public var value: SheetValue

        public init(column: Int, value: SheetValue) {
            self.column = column
            self.value = value
        }
    }

    /// Where a row comes from: the line of a CSV file, or the row number of a worksheet. Only
    /// its non-empty cells are kept, so a lone cell far to the right costs one entry, not a row
    /// of empty slots.
    public struct Row: Sendable, Hashable {
        public var number: Int
        /// The non-empty cells, in column order, one per column.
        public private(set) var entries: [Cell]
        /// How many columns the row spans: its last column + 1, or the fields of a CSV line,
        /// empty ones included.
        public private(set) var width: Int

        /// A row from its cells by column, from column A; `nil` for an empty cell.
        public init(number: Int, cells: [SheetValue?]) {
            self.number = number
            entries = cells.enumerated().compactMap { column, value in value.map { Cell(column: column, value: $0) } }
            width = cells.count
        }

        /// A row from cells in any order; of two cells in one column, the later is kept.
        public init(number: Int, entries: [Cell]) {
            self.number = number
            var last: [Int: Int] = [:]
            for (index, cell) in entries.enumerated() { last[cell.column] = index }
            self.entries = last.values.map { entries[$0] }.sorted { $0.column < $1.column }
            width = (self.entries.last?.column ?? -1) + 1
        }

        /// Cells by column, from column A to the row's width; `nil` for an empty cell.
        public var cells: [SheetValue?] {
            var cells = [SheetValue?](repeating: nil, count: width)
            for entry in entries { cells[entry.column] = entry.value }
            return cells
        }

        public subscript(column: Int) -> SheetValue? {
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if entries[middle].column < column { low = middle + 1 } else { high = middle }
            }
            return low < entries.count && entries[low].column == column ? entries[low].value : nil
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

    /// The widest sheet read, CSV or workbook: a profile sheet has fewer than 50 columns; wider
    /// is a sign of a wrong file, and each CSV field costs memory even when empty.
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
