/// The non-empty cells of a grid, found by row and column through an open-addressing hash
/// table with a multiplicative hash: a ring of cells around a need is looked up cell by cell,
/// most of them empty, and a general-purpose hash of every key cost more than the search.
///
/// A bit per cell of the rectangle the cells span says first whether a cell is empty: a few
/// words that stay in the processor's cache, where each probe of the table was a miss.
struct CellTable<Value: Sendable>: Sendable {
    /// The values, in the order given.
    private var values: [Value] = []
    /// A slot of the table: the row and column of its key and the position of its value, -1
    /// when empty; one slot is read from one place in memory.
    private struct Slot: Sendable {
        var row = 0
        var column = 0
        var position = -1
    }

    private var slots: [Slot] = []
    private var mask = 0
    /// The cells spanned (first row and column, and how many columns), and one bit per cell of
    /// that rectangle, set for the non-empty ones; empty when the rectangle has more cells than
    /// ``maximumBits``.
    private var first = (row: 0, column: 0)
    private var rows = 0
    private var columns = 0
    private var occupied: [UInt64] = []

    /// The largest rectangle given a bit per cell: 4 MiB of bits.
    static var maximumBits: Int { 1 << 25 }

    /// - Parameter cells: each key once.
    init(_ cells: [(row: Int, column: Int, value: Value)]) {
        var size = 8
        while size < 2 * cells.count { size *= 2 }
        mask = size - 1
        slots = Array(repeating: Slot(), count: size)
        values.reserveCapacity(cells.count)
        for cell in cells {
            var slot = Self.hash(cell.row, cell.column) & mask
            while slots[slot].position >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(row: cell.row, column: cell.column, position: values.count)
            values.append(cell.value)
        }
        markOccupied(cells)
    }

    private mutating func markOccupied(_ cells: [(row: Int, column: Int, value: Value)]) {
        guard let top = cells.map(\.row).min(), let bottom = cells.map(\.row).max(),
            let left = cells.map(\.column).min(), let right = cells.map(\.column).max()
        else { return }
        let (rows, width) = (bottom.subtractingReportingOverflow(top), right.subtractingReportingOverflow(left))
        guard !rows.overflow, !width.overflow, rows.partialValue < Self.maximumBits,
            width.partialValue < Self.maximumBits / (rows.partialValue + 1)
        else { return }
        first = (top, left)
        (self.rows, columns) = (rows.partialValue + 1, width.partialValue + 1)
        occupied = Array(repeating: 0, count: (self.rows * columns + 63) / 64)
        for cell in cells {
            let bit = (cell.row - top) * columns + (cell.column - left)
            occupied[bit / 64] |= 1 << UInt64(bit % 64)
        }
    }

    /// Whether the cell is surely empty, by its bit.
    private func surelyEmpty(_ row: Int, _ column: Int) -> Bool {
        guard !occupied.isEmpty else { return false }
        let (r, c) = (row.subtractingReportingOverflow(first.row), column.subtractingReportingOverflow(first.column))
        guard !r.overflow, !c.overflow, (0..<rows).contains(r.partialValue), (0..<columns).contains(c.partialValue)
        else { return true }
        let bit = r.partialValue * columns + c.partialValue
        return occupied[bit / 64] & (1 << UInt64(bit % 64)) == 0
    }

    static func hash(_ row: Int, _ column: Int) -> Int {
        let mixed =
            (UInt64(bitPattern: Int64(row)) &* 0x9E37_79B9_7F4A_7C15)
            ^ (UInt64(bitPattern: Int64(column)) &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
    }

    /// The value of the cell at `row`, `column`, if it is not empty.
    subscript(row: Int, column: Int) -> Value? {
        if surelyEmpty(row, column) { return nil }
        var slot = Self.hash(row, column) & mask
        while true {
            let found = slots[slot]
            if found.position < 0 { return nil }
            if found.row == row && found.column == column { return values[found.position] }
            slot = (slot + 1) & mask
        }
    }
}
