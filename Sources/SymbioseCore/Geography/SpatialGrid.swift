import Foundation

/// A uniform grid over latitude and longitude that finds the items near a point without
/// looking at every item.
///
/// Cells are `cellKm` high; their width in degrees of longitude is set for the grid's
/// reference latitude (the most poleward latitude of its items), so a cell is never narrower than
/// `cellKm` anywhere in the grid's extent and a query never misses an item.
///
/// - Complexity: building is O(*n*); a query of radius *r* visits O((*r* / `cellKm` + 1)²)
///   cells and returns the items in them, then filters by exact distance.
public struct SpatialGrid<Item: Sendable>: Sendable {
    struct CellKey: Hashable, Sendable {
        var row: Int
        var column: Int
    }

    /// A cell with more points than this keeps them in a k-d tree.
    static var treeThreshold: Int { 32 }

    let cellKm: Double
    private let latitudeStep: Double
    private let longitudeStep: Double
    /// Every point, cell after cell.
    let trees: PointTrees<Item>
    private var cells = CellTable<PointTrees<Item>.Cell>([])

    /// - Parameters:
    ///   - items: the points to index with their payloads.
    ///   - cellKm: the cell size; about the typical query radius works well.
    public init(_ items: [(GeoPoint, Item)], cellKm: Double) {
        self.cellKm = max(cellKm, 0.1)
        let kmPerDegree = GeoPoint.earthRadiusKm * .pi / 180
        latitudeStep = self.cellKm / kmPerDegree
        let maxLatitude = min(89.0, items.map { abs($0.0.latitude) }.max() ?? 0)
        longitudeStep = self.cellKm / (kmPerDegree * cos(maxLatitude * .pi / 180))
        var trees = PointTrees<Item>(capacity: items.count)
        var cells: [(row: Int, column: Int, value: PointTrees<Item>.Cell)] = []
        let (latitudeStep, longitudeStep) = (latitudeStep, longitudeStep)
        let keys = items.map { Self.key($0.0, latitudeStep, longitudeStep) }
        // Cells in row and column order, each cell's points in the order given.
        let order = items.indices.sorted { a, b in
            (keys[a].row, keys[a].column, a) < (keys[b].row, keys[b].column, b)
        }
        var start = 0
        while start < order.count {
            let key = keys[order[start]]
            var end = start + 1
            while end < order.count && keys[order[end]] == key { end += 1 }
            let cell = trees.append(order[start..<end].lazy.map { items[$0] }, treeAbove: Self.treeThreshold)
            cells.append((key.row, key.column, cell))
            start = end
        }
        self.trees = trees
        self.cells = CellTable(cells)
    }

    func key(_ point: GeoPoint) -> CellKey { Self.key(point, latitudeStep, longitudeStep) }

    private static func key(_ point: GeoPoint, _ latitudeStep: Double, _ longitudeStep: Double) -> CellKey {
        CellKey(
            row: Int((point.latitude / latitudeStep).rounded(.down)),
            column: Int((point.longitude / longitudeStep).rounded(.down)))
    }

    /// Visits the items within `radiusKm` of `point` ring of cells by ring of cells, nearest
    /// rings first. `body` receives each ring's items with their distances and the smallest
    /// distance any item of a later ring can have; it returns `false` to stop the search.
    ///
    /// - Complexity: O(*k*) for the *k* items in the rings visited before stopping.
    public func visitRings(
        around point: GeoPoint, within radiusKm: Double,
        _ body: (_ items: [(item: Item, distanceKm: Double)], _ laterAtLeastKm: Double) -> Bool
    ) {
        let centre = key(point)
        let rings = ringCount(within: radiusKm)
        let cosine = point.cosLatitude
        let chords = ChordTest(radiusKm: radiusKm, around: point, cosine: cosine)
        for ring in 0...rings {
            var found: [(item: Item, distanceKm: Double)] = []
            forEachCell(inRing: ring, around: centre) { cell in
                trees.scan(cell.range, within: radiusKm, of: point, cosine: cosine, chords: chords) {
                    found.append(($0, $1))
                }
            }
            // Any item in a later ring lies at least `ring` whole cells away (cells are at
            // least `cellKm` wide and high everywhere in the grid).
            if !body(found, Double(ring) * cellKm) { return }
        }
    }

    /// How many rings of cells around a point's cell hold every item within `radiusKm`.
    func ringCount(within radiusKm: Double) -> Int { Int((radiusKm / cellKm).rounded(.up)) + 1 }

    /// Calls `body` with each non-empty cell of the ring `ring` cells away from `centre`.
    func forEachCell(inRing ring: Int, around centre: CellKey, _ body: (PointTrees<Item>.Cell) -> Void) {
        for row in (centre.row - ring)...(centre.row + ring) {
            let edgeRow = row == centre.row - ring || row == centre.row + ring
            var column = centre.column - ring
            while column <= centre.column + ring {
                cells.visit(row, column, body)
                // Inside rows only hold the ring's two edge cells.
                column += edgeRow || ring == 0 ? 1 : 2 * ring
            }
        }
    }

    /// How many items lie within `radiusKm` of `point`: as many as `items(within:of:)` returns.
    ///
    /// - Complexity: in a dense cell, about the number of tree nodes the circle's edge crosses
    ///   rather than the number of items.
    public func count(within radiusKm: Double, of point: GeoPoint) -> Int {
        var found = 0
        let cosine = point.cosLatitude
        let chords = ChordTest(radiusKm: radiusKm, around: point, cosine: cosine)
        forEachCell(within: radiusKm, of: point) {
            found += trees.count($0, within: radiusKm, of: point, cosine: cosine, chords: chords)
        }
        return found
    }

    private func forEachCell(within radiusKm: Double, of point: GeoPoint, _ body: (PointTrees<Item>.Cell) -> Void) {
        let centre = key(point)
        let span = ringCount(within: radiusKm)
        for row in (centre.row - span)...(centre.row + span) {
            for column in (centre.column - span)...(centre.column + span) {
                cells.visit(row, column, body)
            }
        }
    }

    /// The items within `radiusKm` of `point`, each with its distance, in grid order.
    public func items(within radiusKm: Double, of point: GeoPoint) -> [(item: Item, distanceKm: Double)] {
        var result: [(item: Item, distanceKm: Double)] = []
        let cosine = point.cosLatitude
        let chords = ChordTest(radiusKm: radiusKm, around: point, cosine: cosine)
        forEachCell(within: radiusKm, of: point) { cell in
            trees.scan(cell.range, within: radiusKm, of: point, cosine: cosine, chords: chords) {
                result.append(($0, $1))
            }
        }
        return result
    }
}
