/// The non-empty cells of a grid, found by row and column through an open-addressing hash
/// table with a multiplicative hash: a ring of cells around a need is looked up cell by cell,
/// most of them empty, and a general-purpose hash of every key cost more than the search.
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
    }

    static func hash(_ row: Int, _ column: Int) -> Int {
        let mixed =
            (UInt64(bitPattern: Int64(row)) &* 0x9E37_79B9_7F4A_7C15)
            ^ (UInt64(bitPattern: Int64(column)) &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
    }

    /// The value of the cell at `row`, `column`, if it is not empty.
    subscript(row: Int, column: Int) -> Value? {
        position(row, column).map { values[$0] }
    }

    /// Calls `body` with the value of the cell at `row`, `column` if it is not empty, lent
    /// rather than copied: a search visits thousands of cells, and a copy retains and releases
    /// each array the value holds.
    @inline(__always)
    func visit(_ row: Int, _ column: Int, _ body: (Value) -> Void) {
        if let position = position(row, column) { body(values[position]) }
    }

    @inline(__always)
    private func position(_ row: Int, _ column: Int) -> Int? {
        var slot = Self.hash(row, column) & mask
        while true {
            let found = slots[slot]
            if found.position < 0 { return nil }
            if found.row == row && found.column == column { return found.position }
            slot = (slot + 1) & mask
        }
    }
}
