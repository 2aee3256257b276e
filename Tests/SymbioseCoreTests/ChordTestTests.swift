import Foundation
import Testing

@testable import SymbioseCore

@Suite struct ChordTestTests {
    /// Points scattered at random and points placed right at the edge of the circle, a few
    /// millimetres or a few rounding steps inside or beyond it: every answer but `edge` must be
    /// the one the great-circle distance gives, and most points far from the edge get one.
    @Test(arguments: [0.01, 0.5, 7.0, 60.0, 400.0, 3000.0])
    func answersAgreeWithTheDistance(radiusKm: Double) throws {
        var random = SeededRandom(seed: 17)
        var decided = 0
        var total = 0
        for _ in 0..<300 {
            let centre = GeoPoint(latitude: random.unit() * 170 - 85, longitude: random.unit() * 360 - 180)
            let cosine = centre.cosLatitude
            let test = try #require(ChordTest(radiusKm: radiusKm, around: centre, cosine: cosine))
            for _ in 0..<40 {
                let bearing = random.unit() * 2 * .pi
                let near = radiusKm * (1 + (random.unit() - 0.5) * 1e-8)
                let spread = radiusKm * random.unit() * 2
                for distance in [near, spread, radiusKm.nextUp, radiusKm.nextDown] {
                    let point = Self.point(from: centre, km: distance, bearing: bearing)
                    let measured = point.distanceKm(to: centre)
                    total += 1
                    switch test.answer(UnitVector(point, cosLatitude: point.cosLatitude)) {
                    case .within:
                        decided += 1
                        #expect(measured <= radiusKm, "\(point) at \(measured) km of \(centre), said within")
                    case .beyond:
                        decided += 1
                        #expect(measured > radiusKm, "\(point) at \(measured) km of \(centre), said beyond")
                    case .edge: break
                    }
                }
            }
        }
        // The random spread is decided; the points at the edge are left to the distance.
        #expect(decided > total / 5)
        #expect(decided < total * 3 / 4)
    }

    @Test func noTestForAnEighthOfTheCircumferenceOrMore() {
        let point = GeoPoint(latitude: 10, longitude: 20)
        #expect(ChordTest(radiusKm: 6000, around: point, cosine: point.cosLatitude) == nil)
        #expect(ChordTest(radiusKm: .infinity, around: point, cosine: point.cosLatitude) == nil)
    }

    @Test func countsMatchTheItemsFound() {
        var random = SeededRandom(seed: 3)
        let points = (0..<3000).map {
            (GeoPoint(latitude: 49 + random.unit() * 0.6, longitude: 2 + random.unit() * 0.9), $0)
        }
        let grid = SpatialGrid(points, cellKm: 5)
        for radius in [0.3, 2.0, 9.0, 40.0] {
            for probe in points.prefix(60) {
                let expected = points.filter { $0.0.distanceKm(to: probe.0) <= radius }.count
                #expect(grid.count(within: radius, of: probe.0) == expected, "radius \(radius)")
                #expect(grid.items(within: radius, of: probe.0).count == expected, "radius \(radius)")
            }
        }
    }

    /// The point `km` away from `centre` along `bearing` (radians from north), on the sphere.
    static func point(from centre: GeoPoint, km: Double, bearing: Double) -> GeoPoint {
        let angle = km / GeoPoint.earthRadiusKm
        let φ1 = centre.latitude * .pi / 180, λ1 = centre.longitude * .pi / 180
        let φ2 = asin(sin(φ1) * cos(angle) + cos(φ1) * sin(angle) * cos(bearing))
        let λ2 = λ1 + atan2(sin(bearing) * sin(angle) * cos(φ1), cos(angle) - sin(φ1) * sin(φ2))
        return GeoPoint(latitude: φ2 * 180 / .pi, longitude: remainder(λ2 * 180 / .pi, 360))
    }
}
