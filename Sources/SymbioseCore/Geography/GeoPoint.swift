import Foundation

/// A WGS84 position in decimal degrees.
public struct GeoPoint: Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// The mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKm = 6371.0088

    /// The great-circle distance to `other`, in kilometres (haversine formula).
    public func distanceKm(to other: GeoPoint) -> Double {
        distanceKm(to: other, cosines: (cosLatitude, other.cosLatitude))
    }

    /// The cosine of the latitude, as the distance uses it: worked out once per point by the
    /// searches that measure one point against many.
    var cosLatitude: Double { cos(latitude * .pi / 180) }

    /// As ``distanceKm(to:)``, with the cosines of both latitudes (`cosLatitude`) already known:
    /// the same value to the last bit.
    func distanceKm(to other: GeoPoint, cosines: (Double, Double)) -> Double {
        let φ1 = latitude * .pi / 180, φ2 = other.latitude * .pi / 180
        let Δφ = φ2 - φ1
        let Δλ = (other.longitude - longitude) * .pi / 180
        let (sinHalfΔφ, sinHalfΔλ) = (sin(Δφ / 2), sin(Δλ / 2))
        let a = sinHalfΔφ * sinHalfΔφ + cosines.0 * cosines.1 * sinHalfΔλ * sinHalfΔλ
        return 2 * GeoPoint.earthRadiusKm * asin(min(1, sqrt(a)))
    }

    /// The mean of points on a sphere: the normalised average of their unit vectors.
    public static func centre(of points: [GeoPoint]) -> GeoPoint? {
        guard let first = points.first else { return nil }
        return centre(of: points.map(\.unitVector), else: first)
    }

    /// As ``centre(of:)``, for points already turned into their unit vectors (the same value to
    /// the last bit); `first` is the first point, the answer when the vectors cancel out.
    static func centre(of vectors: [UnitVector], else first: GeoPoint) -> GeoPoint {
        var x = 0.0, y = 0.0, z = 0.0
        for vector in vectors {
            x += vector.x
            y += vector.y
            z += vector.z
        }
        let n = Double(vectors.count)
        x /= n
        y /= n
        z /= n
        let hypotenuse = sqrt(x * x + y * y)
        guard hypotenuse > 0 || z != 0 else { return first }
        return GeoPoint(latitude: atan2(z, hypotenuse) * 180 / .pi, longitude: atan2(y, x) * 180 / .pi)
    }

    /// The point as a unit vector from the Earth's centre.
    var unitVector: UnitVector { UnitVector(self, cosLatitude: cosLatitude) }
}

extension Site {
    /// The site's position, when both coordinates are known.
    public var point: GeoPoint? {
        guard let latitude, let longitude else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }
}
