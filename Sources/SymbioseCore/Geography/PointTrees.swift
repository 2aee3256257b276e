import Foundation

/// The points of a grid, cell after cell in one array; a cell with many points arranges its
/// range as a static k-d tree, so that the nearest points and the points within a radius are
/// found without measuring the distance to every point of a dense town.
///
/// Each node covers a range of `points` and keeps the latitude/longitude box of its points;
/// node *i*'s children are 2*i* + 1 and 2*i* + 2, splitting its range in two halves along the
/// box's longer side. A cell with few points keeps no tree and is scanned.
///
/// One array for all cells rather than arrays per cell: a search visits thousands of cells, and
/// each cell holding its own arrays cost a retain and a release of each of them per visit.
///
/// - Complexity: building is O(*n* log² *n*); memory is O(*n*).
struct PointTrees<Item: Sendable>: Sendable {
    /// A latitude/longitude box, in degrees.
    struct Box: Sendable {
        var minLatitude = Double.infinity, maxLatitude = -Double.infinity
        var minLongitude = Double.infinity, maxLongitude = -Double.infinity
        /// The cosines of the two bounding latitudes (`GeoPoint.cosLatitude`), set by `finish()`.
        var cosMinLatitude = 1.0, cosMaxLatitude = 1.0
        /// The box's centre in latitude and longitude, its cosine, and the farthest a corner
        /// lies from it, set by `finish()`.
        var centre = GeoPoint(latitude: 0, longitude: 0)
        var cosCentre = 1.0
        var reachKm = 0.0

        mutating func include(_ point: GeoPoint) {
            minLatitude = min(minLatitude, point.latitude)
            maxLatitude = max(maxLatitude, point.latitude)
            minLongitude = min(minLongitude, point.longitude)
            maxLongitude = max(maxLongitude, point.longitude)
        }

        mutating func finish() {
            cosMinLatitude = GeoPoint(latitude: minLatitude, longitude: 0).cosLatitude
            cosMaxLatitude = GeoPoint(latitude: maxLatitude, longitude: 0).cosLatitude
            centre = GeoPoint(
                latitude: (minLatitude + maxLatitude) / 2, longitude: (minLongitude + maxLongitude) / 2)
            cosCentre = centre.cosLatitude
            reachKm = farthestCornerKm(from: centre, cosine: cosCentre)
        }

        /// Whether every point of the box lies within `radiusKm` of `point`, by a bound of one
        /// distance (to the centre, plus the reach: the triangle inequality), with the margin of
        /// `upperBoundKm`. `false` says nothing: `upperBoundKm` then decides.
        func surelyWithin(_ radiusKm: Double, of point: GeoPoint, cosine: Double) -> Bool {
            let bound = point.distanceKm(to: centre, cosines: (cosine, cosCentre)) + reachKm
            return bound * (1 + 1e-9) + 1e-9 <= radiusKm
        }

        /// The cosine of a latitude within or at the edge of the box's, `cosine` being that of
        /// `latitude` itself.
        private func cosine(of clamped: Double, _ latitude: Double, _ cosine: Double) -> Double {
            clamped == latitude ? cosine : clamped == minLatitude ? cosMinLatitude : cosMaxLatitude
        }

        /// At most the distance from `point` to any point in the box.
        ///
        /// The box's point nearest in latitude and longitude is the nearest on the sphere up to
        /// a term of the fourth order in the longitude difference (0.7 % of the distance at
        /// 1,000 km, at 56°); the bound takes 1 % and a metre off, and gives up beyond 1,000 km.
        func lowerBoundKm(from point: GeoPoint, cosine: Double) -> Double {
            let nearest = GeoPoint(
                latitude: min(max(point.latitude, minLatitude), maxLatitude),
                longitude: min(max(point.longitude, minLongitude), maxLongitude))
            let distance = point.distanceKm(
                to: nearest, cosines: (cosine, self.cosine(of: nearest.latitude, point.latitude, cosine)))
            return distance > 1000 ? 0 : max(0, distance * 0.99 - 0.001)
        }

        /// At least the distance from `point` to any point in the box: the farthest corner, since
        /// along a parallel or a meridian the distance from a point has no interior maximum.
        func upperBoundKm(from point: GeoPoint, cosine: Double) -> Double {
            farthestCornerKm(from: point, cosine: cosine) * (1 + 1e-9) + 1e-9
        }

        private func farthestCornerKm(from point: GeoPoint, cosine: Double) -> Double {
            let (south, north) = ((cosine, cosMinLatitude), (cosine, cosMaxLatitude))
            let farthest = max(
                point.distanceKm(to: GeoPoint(latitude: minLatitude, longitude: minLongitude), cosines: south),
                point.distanceKm(to: GeoPoint(latitude: minLatitude, longitude: maxLongitude), cosines: south),
                point.distanceKm(to: GeoPoint(latitude: maxLatitude, longitude: minLongitude), cosines: north),
                point.distanceKm(to: GeoPoint(latitude: maxLatitude, longitude: maxLongitude), cosines: north))
            return farthest
        }
    }

    /// One cell: its range of `points`, and the position in `boxes` of its tree's root, or -1
    /// when its points are scanned. Plain numbers, visited without a retain.
    struct Cell: Sendable {
        var range: Range<Int>
        var root: Int

        var hasTree: Bool { root >= 0 }
    }

    /// A leaf holds at most this many points.
    static var leafSize: Int { 8 }

    /// The points, cell after cell, each dense cell's in tree order.
    private(set) var points: [(GeoPoint, Item)] = []
    /// The cosine of each point's latitude (`GeoPoint.cosLatitude`), in the order of `points`.
    private(set) var cosines: [Double] = []
    /// Each point as a unit vector, in the order of `points`, for `ChordTest`.
    private(set) var units: [UnitVector] = []
    /// The trees' nodes' boxes, each tree's nodes from its root's position on.
    private(set) var boxes: [Box] = []

    /// - Parameter capacity: how many points will be appended.
    init(capacity: Int = 0) {
        points.reserveCapacity(capacity)
        cosines.reserveCapacity(capacity)
        units.reserveCapacity(capacity)
    }

    /// Adds a cell's points, with a tree when there are more than `threshold`.
    mutating func append(_ cellPoints: some Collection<(GeoPoint, Item)>, treeAbove threshold: Int) -> Cell {
        let range = points.count..<(points.count + cellPoints.count)
        points.append(contentsOf: cellPoints)
        var root = -1
        if range.count > max(threshold, Self.leafSize) {
            root = boxes.count
            build(root: root, node: 0, range)
        }
        cosines.append(contentsOf: points[range].lazy.map { $0.0.cosLatitude })
        for position in range { units.append(UnitVector(points[position].0, cosLatitude: cosines[position])) }
        return Cell(range: range, root: root)
    }

    static func isLeaf(_ range: Range<Int>) -> Bool { range.count <= leafSize }

    /// The two halves of a node's range, for its children 2*i* + 1 and 2*i* + 2.
    static func halves(_ range: Range<Int>) -> (Range<Int>, Range<Int>) {
        let middle = range.lowerBound + range.count / 2
        return (range.lowerBound..<middle, middle..<range.upperBound)
    }

    /// The box of node `node` of the tree whose root is at `root`.
    func box(root: Int, node: Int) -> Box { boxes[root + node] }

    private mutating func build(root: Int, node: Int, _ range: Range<Int>) {
        var box = Box()
        for position in range { box.include(points[position].0) }
        box.finish()
        if root + node >= boxes.count { boxes += Array(repeating: Box(), count: root + node + 1 - boxes.count) }
        boxes[root + node] = box
        guard !Self.isLeaf(range) else { return }
        let middleLatitude = (box.minLatitude + box.maxLatitude) / 2
        let byLatitude =
            box.maxLatitude - box.minLatitude >= (box.maxLongitude - box.minLongitude) * cos(middleLatitude * .pi / 180)
        points[range].sort { a, b in
            byLatitude ? a.0.latitude < b.0.latitude : a.0.longitude < b.0.longitude
        }
        let (left, right) = Self.halves(range)
        build(root: root, node: 2 * node + 1, left)
        build(root: root, node: 2 * node + 2, right)
    }

    /// How many points of `cell` lie within `radiusKm` of `point`, each by the same distance test
    /// as a scan: whole nodes are counted or skipped only when their box decides for all their
    /// points. `cosine` is `point.cosLatitude`, `chords` a `ChordTest` of the same radius and point.
    func count(_ cell: Cell, within radiusKm: Double, of point: GeoPoint, cosine: Double, chords: ChordTest?) -> Int {
        guard cell.hasTree else { return scanCount(cell.range, within: radiusKm, of: point, cosine, chords: chords) }
        return count(root: cell.root, node: 0, cell.range, within: radiusKm, of: point, cosine, chords)
    }

    private func count(
        root: Int, node: Int, _ range: Range<Int>, within radiusKm: Double, of point: GeoPoint, _ cosine: Double,
        _ chords: ChordTest?
    ) -> Int {
        let box = boxes[root + node]
        if box.surelyWithin(radiusKm, of: point, cosine: cosine) { return range.count }
        if box.lowerBoundKm(from: point, cosine: cosine) > radiusKm { return 0 }
        if Self.isLeaf(range) { return scanCount(range, within: radiusKm, of: point, cosine, chords: chords) }
        if box.upperBoundKm(from: point, cosine: cosine) <= radiusKm { return range.count }
        let (left, right) = Self.halves(range)
        return count(root: root, node: 2 * node + 1, left, within: radiusKm, of: point, cosine, chords)
            + count(root: root, node: 2 * node + 2, right, within: radiusKm, of: point, cosine, chords)
    }

    private func scanCount(
        _ range: Range<Int>, within radiusKm: Double, of point: GeoPoint, _ cosine: Double, chords: ChordTest?
    ) -> Int {
        var found = 0
        for position in range {
            switch chords?.answer(units[position]) ?? .edge {
            case .within: found += 1
            case .beyond: continue
            case .edge:
                let distance = points[position].0.distanceKm(to: point, cosines: (cosines[position], cosine))
                if distance <= radiusKm { found += 1 }
            }
        }
        return found
    }

    /// Calls `body` with each point of `range` within `radiusKm` of `point`, with its distance
    /// measured from the point stored to `point`; `cosine` is `point.cosLatitude`, `chords` a
    /// `ChordTest` of the same radius and point, which spares the distance of points beyond it.
    func scan(
        _ range: Range<Int>, within radiusKm: Double, of point: GeoPoint, cosine: Double, chords: ChordTest?,
        _ body: (Item, Double) -> Void
    ) {
        for position in range {
            if let chords, case .beyond = chords.answer(units[position]) { continue }
            let (location, item) = points[position]
            let distance = location.distanceKm(to: point, cosines: (cosines[position], cosine))
            if distance <= radiusKm { body(item, distance) }
        }
    }
}
