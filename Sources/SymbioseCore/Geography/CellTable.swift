/// The non-empty cells of a grid, found by row and column through an open-addressing hash
/// table with a multiplicative hash: a ring of cells around a need is looked up cell by cell,
/// most of them empty, and a general-purpose hash of every key cost more than the search.
struct CellTable<Value: Sendable>: Sendable {
    /// The values, in the order given.
    private(set) var values: [Value] = []
    /// Per slot, the row and column of its key and the position of its value; -1 when empty.
    private var rows: [Int] = []
    private var columns: [Int] = []
    private var positions: [Int32] = []
    private var mask = 0

    /// - Parameter cells: each key once.
    init(_ cells: [(row: Int, column: Int, value: Value)]) {
        var size = 8
        while size < 2 * cells.count { size *= 2 }
        mask = size - 1
        rows = Array(repeating: 0, count: size)
        columns = Array(repeating: 0, count: size)
        positions = Array(repeating: -1, count: size)
        values.reserveCapacity(cells.count)
        for cell in cells {
            var slot = Self.hash(cell.row, cell.column) & mask
            while positions[slot] >= 0 { slot = (slot + 1) & mask }
            rows[slot] = cell.row
            columns[slot] = cell.column
            positions[slot] = Int32(values.count)
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
        var slot = Self.hash(row, column) & mask
        while true {
            let position = positions[slot]
            if position < 0 { return nil }
            if rows[slot] == row && columns[slot] == column { return values[Int(position)] }
            slot = (slot + 1) & mask
        }
    }
}
