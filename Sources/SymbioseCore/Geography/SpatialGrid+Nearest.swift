import HeapModule

extension SpatialGrid where Item: Comparable {
    /// Visits the items within `radiusKm` of `point` ring of cells by ring of cells, nearest rings
    /// first, giving of each ring only its nearest items: as many as `budget` asks for before the
    /// ring, nearest first (ties by item). `body` also receives the smallest distance any item of
    /// a later ring can have; it returns `false` to stop the search.
    ///
    /// The same items as `visitRings` then keeping each ring's nearest, but a dense cell's
    /// k-d tree is searched nearest node first, so that the distance to each of a town's
    /// thousands of items is not measured to keep sixty.
    ///
    /// - Complexity: O(*k* log *n*) for the *k* items given out of a ring's *n* in dense cells,
    ///   plus the items of the sparse cells of the rings visited.
    public func visitNearestByRing(
        around point: GeoPoint, within radiusKm: Double, budget: () -> Int,
        _ body: (_ nearest: [(item: Item, distanceKm: Double)], _ laterAtLeastKm: Double) -> Bool
    ) {
        let centre = key(point)
        // Worked out once for every ring's search.
        let cosine = point.cosLatitude
        let chords = ChordTest(radiusKm: radiusKm, around: point, cosine: cosine)
        // One search and one list for every ring, emptied between rings: making them anew for
        // each ring of each need's search was most of a national run's memory traffic.
        var search = NearestSearch<Item>(trees, point: point, radiusKm: radiusKm, cosine: cosine, chords: chords)
        var nearest: [(item: Item, distanceKm: Double)] = []
        for ring in 0...ringCount(within: radiusKm) {
            if ring > 0 { search.empty() }
            forEachCell(inRing: ring, around: centre) { search.add($0) }
            search.nearest(budget(), into: &nearest)
            // Any item in a later ring lies at least `ring` whole cells away (cells are at
            // least `cellKm` wide and high everywhere in the grid).
            if !body(nearest, Double(ring) * cellKm) { return }
        }
    }
}

extension SpatialGrid where Item: Comparable {
    /// The `count` nearest items within `radiusKm` of `point` that `include` accepts, nearest
    /// first (ties by item): the first `count` of the accepted items of `items(within:of:)`
    /// ordered by distance then item, found without measuring the distance to every item of a
    /// dense cell.
    ///
    /// - Complexity: O(*k* log *n*) for the *k* items looked at in dense cells (those refused
    ///   included), plus the items of the sparse cells within the radius.
    public func nearest(
        _ count: Int, within radiusKm: Double, of point: GeoPoint, where include: (Item) -> Bool
    ) -> [(item: Item, distanceKm: Double)] {
        let cosine = point.cosLatitude
        let chords = ChordTest(radiusKm: radiusKm, around: point, cosine: cosine)
        var search = NearestSearch<Item>(trees, point: point, radiusKm: radiusKm, cosine: cosine, chords: chords)
        let centre = key(point)
        for ring in 0...ringCount(within: radiusKm) {
            forEachCell(inRing: ring, around: centre) { search.add($0, where: include) }
        }
        var nearest: [(item: Item, distanceKm: Double)] = []
        search.nearest(count, into: &nearest, where: include)
        return nearest
    }
}

/// A best-first search over the cells of one ring: the items of sparse cells with their
/// distances, and the nodes of dense cells' trees by the least distance their box allows. An
/// item is given out only when no node left could hold a nearer one (or one as near with a
/// smaller item), so the result is exactly the nearest items, in order.
private struct NearestSearch<Item: Comparable & Sendable> {
    struct Found: Comparable {
        var distanceKm: Double
        var item: Item
        static func < (a: Found, b: Found) -> Bool { (a.distanceKm, a.item) < (b.distanceKm, b.item) }
        static func == (a: Found, b: Found) -> Bool { a.distanceKm == b.distanceKm && a.item == b.item }
    }

    /// Node `node` of the tree whose root's box is at `root`.
    struct Node: Comparable {
        var boundKm: Double
        var root: Int
        var node: Int
        var range: Range<Int>
        static func < (a: Node, b: Node) -> Bool { (a.boundKm, a.root, a.node) < (b.boundKm, b.root, b.node) }
        static func == (a: Node, b: Node) -> Bool { a.root == b.root && a.node == b.node }
    }

    let trees: PointTrees<Item>
    let point: GeoPoint
    let radiusKm: Double
    /// `point.cosLatitude`, worked out once for every distance of the search.
    let cosine: Double
    /// The chord test of the search's circle, which spares the distance of points beyond it.
    let chords: ChordTest?
    private var found = Heap<Found>()
    private var nodes = Heap<Node>()

    init(_ trees: PointTrees<Item>, point: GeoPoint, radiusKm: Double, cosine: Double, chords: ChordTest?) {
        self.trees = trees
        self.point = point
        self.radiusKm = radiusKm
        self.cosine = cosine
        self.chords = chords
    }

    /// Adds a cell's items (of a sparse cell, those `include` accepts only).
    mutating func add(_ cell: PointTrees<Item>.Cell, where include: (Item) -> Bool = { _ in true }) {
        if cell.hasTree {
            push(root: cell.root, node: 0, cell.range)
        } else {
            // Into the heap one by one: in no particular order, an insertion moves an item up
            // about two levels on average, and the heap's storage is kept from ring to ring.
            trees.scan(cell.range, within: radiusKm, of: point, cosine: cosine, chords: chords) {
                if include($0) { found.insert(Found(distanceKm: $1, item: $0)) }
            }
        }
    }

    private mutating func push(root: Int, node: Int, _ range: Range<Int>) {
        let bound = trees.box(root: root, node: node).lowerBoundKm(from: point, cosine: cosine)
        guard bound <= radiusKm else { return }
        nodes.insert(Node(boundKm: bound, root: root, node: node, range: range))
    }

    /// Forgets the items and nodes added, keeping the storage for the next ring.
    mutating func empty() {
        found.removeAll { _ in true }
        nodes.removeAll { _ in true }
    }

    /// The `count` nearest items, nearest first, into `result` (emptied first); of the items in
    /// trees, only those `include` accepts.
    mutating func nearest(
        _ count: Int, into result: inout [(item: Item, distanceKm: Double)],
        where include: (Item) -> Bool = { _ in true }
    ) {
        result.removeAll(keepingCapacity: true)
        while result.count < count {
            let bound = nodes.min?.boundKm ?? .infinity
            if let next = found.min, next.distanceKm < bound {
                _ = found.popMin()
                result.append((next.item, next.distanceKm))
            } else if let node = nodes.popMin() {
                expand(node, where: include)
            } else {
                break
            }
        }
    }

    private mutating func expand(_ node: Node, where include: (Item) -> Bool) {
        guard PointTrees<Item>.isLeaf(node.range) else {
            let (left, right) = PointTrees<Item>.halves(node.range)
            push(root: node.root, node: 2 * node.node + 1, left)
            push(root: node.root, node: 2 * node.node + 2, right)
            return
        }
        trees.scan(node.range, within: radiusKm, of: point, cosine: cosine, chords: chords) {
            if include($0) { found.insert(Found(distanceKm: $1, item: $0)) }
        }
    }
}
