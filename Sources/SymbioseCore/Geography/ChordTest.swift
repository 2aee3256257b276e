import Foundation

/// A position as a unit vector from the Earth's centre.
struct UnitVector: Sendable {
    var x, y, z: Double

    /// `cosLatitude` is `point.cosLatitude`.
    init(_ point: GeoPoint, cosLatitude: Double) {
        let longitude = point.longitude * .pi / 180
        (x, y, z) = (cosLatitude * cos(longitude), cosLatitude * sin(longitude), sin(point.latitude * .pi / 180))
    }
}

/// Whether points lie within a radius of a centre, told by the straight chord between their unit
/// vectors (a few multiplications) wherever that is certain, so that the great-circle distance
/// (two sines and an arcsine) is measured only near the edge of the circle.
///
/// A distance *d* on the sphere and the chord *c* between its ends are tied by
/// *c* = 2 sin(*d* / 2*R*), which grows with *d*. The chord is compared with that of the radius
/// with a margin (a billionth of it, and 6 µm) that is thousands of times wider than the
/// rounding of either computation, so every answer but `edge` is the one the distance gives.
struct ChordTest: Sendable {
    enum Answer {
        /// Certainly within the radius.
        case within
        /// Certainly beyond it.
        case beyond
        /// Too close to the edge to tell: the distance decides.
        case edge
    }

    private let centre: UnitVector
    /// The squared chords below which a point is within, above which it is beyond.
    private let inner: Double, outer: Double

    /// `nil` for a radius of an eighth of the Earth's circumference (5,000 km) or more, where the
    /// test would gain nothing.
    init?(radiusKm: Double, around point: GeoPoint, cosine: Double) {
        let half = radiusKm / (2 * GeoPoint.earthRadiusKm)
        guard half.isFinite, half >= 0, half < .pi / 8 else { return nil }
        let chord = 2 * sin(half)
        let margin = chord * 1e-9 + 1e-12
        centre = UnitVector(point, cosLatitude: cosine)
        inner = chord > margin ? (chord - margin) * (chord - margin) : -1
        outer = (chord + margin) * (chord + margin)
    }

    func answer(_ vector: UnitVector) -> Answer {
        let (dx, dy, dz) = (vector.x - centre.x, vector.y - centre.y, vector.z - centre.z)
        let squared = dx * dx + dy * dy + dz * dz
        if squared < inner { return .within }
        if squared > outer { return .beyond }
        return .edge
    }
}
