import SymbioseTestSupport
import Testing

@testable import SymbioseCore

@Suite struct IndexTests {
    typealias F = MatchFixture

    @Test func indexNormalisesQuantitiesIntoTheResourceDimension() throws {
        let index = MatchIndex(
            [
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output(
                            "steam", "heat.steam", Quantity(value: 100, unit: .tonne, per: .month), months: [1, 2, 3]),
                        F.output("rain", "water.rain", Quantity(value: 2, unit: .tonne)),
                    ]),
                F.profile(
                    "b", at: nil, inputs: [F.input("w", "water.process", Quantity(value: 5, unit: .megawattHour))]),
            ], taxonomy: TaxonomyFile.builtIn)
        // 100 t a month over three months, at 0.7 MWh/t.
        #expect(abs((index.outputs[0].amount ?? 0) - 210) < 1e-9)
        #expect(index.outputs[0].dimension == .energy)
        #expect(index.outputs[0].months == MonthSet([1, 2, 3]))
        #expect(index.outputs[1].amount == 2)
        #expect(index.outputs[1].grade == .rain)
        // Megawatt-hours of water cannot be brought to m³: kept, unknown, and said.
        #expect(index.inputs[0].amount == nil)
        #expect(index.diagnostics.map(\.code) == [.quantityUnitMismatch])
        #expect(index.companiesWithoutCoordinates == ["b"])
        #expect(index.outputsByCode["heat.steam"] == [0])
        #expect(index.outputGrids["heat.steam"]?.items(within: 1, of: F.point(northKm: 0.5)).count == 1)
    }

    /// The flows are prepared in parts of 512 profiles split over threads: the index is the same
    /// for any number of threads, in input order, with the same warnings and numbers.
    @Test func theIndexIsTheSameOnOneOrTwoThreads() {
        let profiles = FlowGateTests.territory(seed: 3, firms: 1300)
        let one = MatchIndex(profiles, taxonomy: TaxonomyFile.builtIn, threads: 1)
        let two = MatchIndex(profiles, taxonomy: TaxonomyFile.builtIn, threads: 2)
        #expect(one.outputs.count + one.inputs.count > 2000)
        #expect(one.outputs.map(\.reference) == two.outputs.map(\.reference))
        #expect(one.inputs.map(\.reference) == two.inputs.map(\.reference))
        #expect(one.outputs.map(\.amount) == two.outputs.map(\.amount))
        #expect(one.outputsByCode == two.outputsByCode)
        #expect(one.inputsByCode == two.inputsByCode)
        #expect(one.releaseGates.map(\.company) == two.releaseGates.map(\.company))
        #expect(one.needGates.map(\.partner) == two.needGates.map(\.partner))
        #expect(one.companiesWithoutCoordinates == two.companiesWithoutCoordinates)
        #expect(!one.diagnostics.isEmpty)
        #expect(one.diagnostics == two.diagnostics)
    }

    @Test func spatialGridFindsExactlyThePointsWithinTheRadius() {
        var points: [(GeoPoint, Int)] = []
        for i in 0..<40 {
            for j in 0..<40 {
                points.append((F.point(northKm: Double(i) * 2.5 - 50, eastKm: Double(j) * 2.5 - 50), i * 40 + j))
            }
        }
        let grid = SpatialGrid(points, cellKm: 10)
        for radius in [0.5, 3.0, 12.0, 33.0] {
            let centre = F.point(northKm: 1.3, eastKm: -2.2)
            let found = Set(grid.items(within: radius, of: centre).map(\.item))
            let expected = Set(points.filter { $0.0.distanceKm(to: centre) <= radius }.map(\.1))
            #expect(found == expected, "radius \(radius)")
        }
    }

    @Test func greatCircleDistancesAndCentres() throws {
        let paris = GeoPoint(latitude: 48.8566, longitude: 2.3522)
        let soissons = GeoPoint(latitude: 49.3817, longitude: 3.3236)
        // About 90 km as the crow flies.
        #expect(abs(paris.distanceKm(to: soissons) - 90.0) < 2)
        #expect(paris.distanceKm(to: paris) == 0)
        let centre = try #require(GeoPoint.centre(of: [F.point(northKm: -1), F.point(northKm: 1)]))
        #expect(centre.distanceKm(to: F.origin) < 1e-6)
    }

    @Test func monthSetsAndTheirRuns() {
        #expect(MonthSet([9, 10, 11, 12, 1]).runs == [9...13])
        #expect(MonthSet([6, 7, 8, 11]).runs == [6...8, 11...11])
        #expect(MonthSet.all.runs == [1...12])
        #expect(MonthSet(.oneOff(year: 2027, month: 3)) == MonthSet([3]))
        #expect(MonthSet([0, 13, 5]).months == [5])
        #expect(MonthNames.period(MonthSet([6, 7, 8, 11]), language: .en) == "June–August and in November")
    }
}

@Suite struct RingSearchTests {
    @Test func ringsVisitEveryItemOnceNearestRingsFirst() {
        var points: [(GeoPoint, Int)] = []
        for i in 0..<30 {
            for j in 0..<30 {
                points.append((MatchFixture.point(northKm: Double(i) * 3 - 45, eastKm: Double(j) * 3 - 45), i * 30 + j))
            }
        }
        let grid = SpatialGrid(points, cellKm: 10)
        let centre = MatchFixture.point(northKm: 2, eastKm: -1)
        var seen: [Int] = []
        var previousBound = -1.0
        grid.visitRings(around: centre, within: 40) { items, laterAtLeast in
            #expect(laterAtLeast > previousBound)
            previousBound = laterAtLeast
            // Nothing found later is nearer than the bound announced.
            seen += items.map(\.item)
            return true
        }
        let expected = Set(points.filter { $0.0.distanceKm(to: centre) <= 40 }.map(\.1))
        #expect(Set(seen) == expected)
        #expect(seen.count == expected.count)
        var bounds: [(Double, [Double])] = []
        grid.visitRings(around: centre, within: 40) { items, laterAtLeast in
            bounds.append((laterAtLeast, items.map(\.distanceKm)))
            return true
        }
        for (index, (bound, _)) in bounds.enumerated() {
            for (_, later) in bounds.dropFirst(index + 1) { #expect(later.allSatisfy { $0 >= bound }) }
        }
    }
}

@Suite struct DenseGridTests {
    /// Towns of thousands of points, some sharing one position (ties), at two latitudes: dense
    /// cells keep a k-d tree, and what it finds must be what measuring every point finds. With
    /// `scattered`, points strewn over 400 km around them too: a grid of thousands of cells, many
    /// of them sharing slots of the cell table.
    static func towns(latitude: Double, scattered: Bool = false) -> [(GeoPoint, Int)] {
        var random = SeededRandom(seed: 11)
        var points: [(GeoPoint, Int)] = []
        var centres = [(0.0, 0.0), (4.0, 7.0), (-30.0, 12.0)]
        if scattered {
            centres += (0..<2_000).map { _ in ((random.unit() - 0.5) * 400, (random.unit() - 0.5) * 400) }
        }
        for (index, (northKm, eastKm)) in centres.enumerated() {
            for _ in 0..<(index < 3 ? 1_500 : 1) {
                let spread = points.count % 3 == 0 ? 0.8 : 6.0
                var point = MatchFixture.point(
                    northKm: northKm + (random.unit() - 0.5) * spread, eastKm: eastKm + (random.unit() - 0.5) * spread)
                point = GeoPoint(
                    latitude: point.latitude + latitude - MatchFixture.origin.latitude, longitude: point.longitude)
                points.append((point, points.count))
                if points.count % 7 == 0 { points.append((point, points.count)) }
            }
        }
        return points
    }

    @Test(arguments: [(48.9, false), (64.0, false), (48.9, true)])
    func nearestByRingIsEachRingsNearestInOrder(latitude: Double, scattered: Bool) {
        let points = Self.towns(latitude: latitude, scattered: scattered)
        let grid = SpatialGrid(points, cellKm: 10)
        var densestRing = 0
        for (northKm, eastKm) in [(0.1, 0.2), (4.0, 7.0), (-12.0, 3.0), (-30.0, 12.0)] {
            let centre = GeoPoint(
                latitude: MatchFixture.point(northKm: northKm).latitude + latitude - MatchFixture.origin.latitude,
                longitude: MatchFixture.point(northKm: northKm, eastKm: eastKm).longitude)
            for (budget, radius) in [(1, 40.0), (60, 40.0), (60, 2.0), (700, 25.0), (Int.max, 15.0)] {
                var expected: [[Int]] = []
                grid.visitRings(around: centre, within: radius) { items, _ in
                    densestRing = max(densestRing, items.count)
                    let sorted = items.sorted { ($0.distanceKm, $0.item) < ($1.distanceKm, $1.item) }
                    expected.append(sorted.prefix(budget).map(\.item))
                    return true
                }
                var found: [[Int]] = []
                grid.visitNearestByRing(around: centre, within: radius, budget: { budget }) { nearest, _ in
                    found.append(nearest.map(\.item))
                    return true
                }
                #expect(found == expected, "at \(northKm), \(eastKm): \(budget) within \(radius) km")
            }
            for radius in [0.3, 1.0, 2.5, 9.0, 30.0] {
                #expect(grid.count(within: radius, of: centre) == grid.items(within: radius, of: centre).count)
            }
        }
        // Rings of over a thousand points: the trees were searched, not only scanned.
        #expect(densestRing > 1_000)
    }

    /// The nearest accepted points are the first of the accepted points within the radius,
    /// ordered by distance then item, whatever share of the points is refused.
    @Test(arguments: [(48.9, false), (48.9, true)])
    func nearestAcceptedAreTheFirstOfTheAcceptedInOrder(latitude: Double, scattered: Bool) {
        let points = Self.towns(latitude: latitude, scattered: scattered)
        let grid = SpatialGrid(points, cellKm: 5)
        for (northKm, eastKm) in [(0.1, 0.2), (4.0, 7.0), (-12.0, 3.0)] {
            let centre = MatchFixture.point(northKm: northKm, eastKm: eastKm)
            for (count, radius, refused) in [
                (50, 10.0, 0), (50, 10.0, 2), (50, 10.0, 50), (5, 1.0, 3), (3000, 12.0, 4),
            ] {
                func accepted(_ item: Int) -> Bool { refused == 0 || item % refused != 0 }
                let expected = grid.items(within: radius, of: centre).filter { accepted($0.item) }
                    .sorted { ($0.distanceKm, $0.item) < ($1.distanceKm, $1.item) }.prefix(count)
                let found = grid.nearest(count, within: radius, of: centre, where: accepted)
                #expect(found.map(\.item) == expected.map(\.item), "\(count) within \(radius), refusing \(refused)")
                #expect(found.map(\.distanceKm) == expected.map(\.distanceKm))
            }
        }
    }
}

@Suite struct CellTableTests {
    /// Cells of both signs, many sharing a hash slot in a small table, are each found with
    /// their own value, and no empty cell is.
    @Test func everyCellIsFoundAndNoOther() {
        var random = SeededRandom(seed: 5)
        var expected: [SIMD2<Int>: Int] = [:]
        while expected.count < 3_000 {
            let key = SIMD2(Int(random.unit() * 200) - 100, Int(random.unit() * 200) - 100)
            if expected[key] == nil { expected[key] = expected.count }
        }
        let table = CellTable(expected.map { key, value in (key.x, key.y, value) })
        var found = 0
        for row in -101...101 {
            for column in -101...101 {
                let value = table[row, column]
                #expect(value == expected[SIMD2(row, column)])
                if value != nil { found += 1 }
            }
        }
        #expect(found == 3_000)
    }

    /// Cells far apart, and rows and columns at the ends of the integers, are found, and their
    /// neighbours are empty.
    @Test func cellsFarApartAndAtTheExtremesAreFound() {
        let far = [(0, 0, 1), (1 << 40, -(1 << 40), 2), (Int.max, Int.min, 3), (Int.min, Int.max, 4), (5, 7, 5)]
        let near = [(3, 3, 1), (4, 9, 2), (3, 9, 3)]
        for cells in [far, near] {
            let table = CellTable(cells.map { (row: $0.0, column: $0.1, value: $0.2) })
            for (row, column, value) in cells {
                #expect(table[row, column] == value)
                for (dr, dc) in [(0, 1), (1, 0), (0, -1), (-1, 0)] {
                    let (r, c) = (row.addingReportingOverflow(dr), column.addingReportingOverflow(dc))
                    guard !r.overflow, !c.overflow,
                        !cells.contains(where: { $0.0 == r.partialValue && $0.1 == c.partialValue })
                    else { continue }
                    #expect(table[r.partialValue, c.partialValue] == nil)
                }
            }
            #expect(table[Int.min, Int.min] == nil && table[Int.max, Int.max] == nil)
        }
    }
}
