import Foundation
import SymbioseCore

/// A Lambert conformal conic projection on the sphere, with standard parallels set from the
/// extent it must show (one sixth inside the southern and northern edges), as national mapping
/// agencies do for mid-latitude territories (France's Lambert-93 uses 44° and 49°). Shapes and
/// distances stay true enough at any territorial or national extent.
struct MapProjection {
    private let n: Double
    private let f: Double
    private let rho0: Double
    private let lambda0: Double

    init(extent points: [GeoPoint]) {
        let latitudes = points.map(\.latitude), longitudes = points.map(\.longitude)
        let south = latitudes.min() ?? 49, north = latitudes.max() ?? 49
        let range = max(north - south, 0.2)
        var phi1 = (south + range / 6) * .pi / 180
        var phi2 = (north - range / 6) * .pi / 180
        if abs(phi1 - phi2) < 1e-6 {
            phi1 -= 0.01
            phi2 += 0.01
        }
        let phi0 = ((south + north) / 2) * .pi / 180
        lambda0 = (((longitudes.min() ?? 0) + (longitudes.max() ?? 0)) / 2) * .pi / 180
        n = log(cos(phi1) / cos(phi2)) / log(tan(.pi / 4 + phi2 / 2) / tan(.pi / 4 + phi1 / 2))
        f = cos(phi1) * pow(tan(.pi / 4 + phi1 / 2), n) / n
        rho0 = f / pow(tan(.pi / 4 + phi0 / 2), n)
    }

    /// Kilometres east and north of the extent's centre.
    func project(_ point: GeoPoint) -> (x: Double, y: Double) {
        let phi = point.latitude * .pi / 180, lambda = point.longitude * .pi / 180
        let rho = f / pow(tan(.pi / 4 + phi / 2), n)
        let theta = n * (lambda - lambda0)
        let r = GeoPoint.earthRadiusKm
        return (r * rho * sin(theta), r * (rho0 - rho * cos(theta)))
    }
}
