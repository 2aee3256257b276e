import Foundation
import SymbioseCore

/// A map of the communes around a firm's site, to place the site with a click when the firm has
/// no coordinates to type. It is an image button of the profile form (no script): the browser
/// sends where it was clicked, in pixels, and the frame it was drawn in comes back in hidden
/// fields, so the click becomes a latitude and a longitude. It shows the communes of the
/// commune table and the firm's own point — never another firm's.
struct SiteMap: Equatable {
    /// The side of the square drawing, in pixels, as the page shows it.
    static let size = 320.0
    static let kmPerDegreeLatitude = 110.574
    /// How far the frame reaches from its centre: close around a known point, wider around a
    /// commune's centre.
    static let closeKm = 3.0
    static let communeKm = 6.0

    var centre: GeoPoint
    var halfSideKm: Double
    /// The firm's point, when it has one.
    var mark: GeoPoint?

    /// The frame for a profile being filled in: around its point, else around its commune, else
    /// none (the page then asks for the commune or postcode first).
    init?(form: ProfileForm, places: PlaceTable = .france) {
        if let latitude = NumberText.parse(form.lat), let longitude = NumberText.parse(form.lon),
            let point = Self.valid(latitude, longitude)
        {
            self.init(centre: point, halfSideKm: Self.closeKm, mark: point)
            return
        }
        let commune = form.commune.trimmingCharacters(in: .whitespaces)
        let postcode = form.postcode.trimmingCharacters(in: .whitespaces)
        guard !commune.isEmpty || !postcode.isEmpty,
            case .found(let entry) = places.lookup(
                commune: commune.isEmpty ? nil : commune, postcode: postcode.isEmpty ? nil : postcode)
        else { return nil }
        self.init(centre: entry.point, halfSideKm: Self.communeKm, mark: nil)
    }

    init(centre: GeoPoint, halfSideKm: Double, mark: GeoPoint?) {
        self.centre = centre
        self.halfSideKm = halfSideKm
        self.mark = mark
    }

    /// The frame a page drew, from its `lat`, `lon`, `km` and optional `mark` (`lat,lon`)
    /// values; `nil` unless every value is a number in range.
    init?(lat: String?, lon: String?, km: String?, mark: String? = nil) {
        guard let latitude = lat.flatMap(NumberText.parse), let longitude = lon.flatMap(NumberText.parse),
            let centre = Self.valid(latitude, longitude), let km = km.flatMap(NumberText.parse), (0.5...50).contains(km)
        else { return nil }
        var point: GeoPoint?
        if let mark {
            let parts = mark.split(separator: ",").compactMap { NumberText.parse(String($0)) }
            guard parts.count == 2, let valid = Self.valid(parts[0], parts[1]) else { return nil }
            point = valid
        }
        self.init(centre: centre, halfSideKm: km, mark: point)
    }

    static func valid(_ latitude: Double, _ longitude: Double) -> GeoPoint? {
        guard (-85...85).contains(latitude), (-180...180).contains(longitude) else { return nil }
        return GeoPoint(latitude: latitude, longitude: longitude)
    }

    var pixelsPerKm: Double { Self.size / (2 * halfSideKm) }
    var kmPerDegreeLongitude: Double { 111.320 * cos(centre.latitude * .pi / 180) }

    func pixel(_ point: GeoPoint) -> (x: Double, y: Double) {
        (
            Self.size / 2 + (point.longitude - centre.longitude) * kmPerDegreeLongitude * pixelsPerKm,
            Self.size / 2 - (point.latitude - centre.latitude) * Self.kmPerDegreeLatitude * pixelsPerKm
        )
    }

    /// The place under pixel (`x`, `y`) of the drawing, rounded to five decimals (about a metre).
    func point(x: Double, y: Double) -> GeoPoint {
        let latitude = centre.latitude + (Self.size / 2 - y) / pixelsPerKm / Self.kmPerDegreeLatitude
        let longitude = centre.longitude + (x - Self.size / 2) / pixelsPerKm / kmPerDegreeLongitude
        return GeoPoint(latitude: Self.round(latitude), longitude: Self.round(longitude))
    }

    static func round(_ value: Double) -> Double { (value * 100_000).rounded() / 100_000 }

    /// The query of the drawing's address, and the values of the hidden fields.
    var query: String {
        let base =
            "lat=\(NumberText.plain(centre.latitude))&lon=\(NumberText.plain(centre.longitude))&km=\(NumberText.plain(halfSideKm))"
        guard let mark else { return base }
        return base + "&mark=\(NumberText.plain(mark.latitude)),\(NumberText.plain(mark.longitude))"
    }
}
