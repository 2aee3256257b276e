import Foundation

/// Places a site that gives no coordinates at the centre of its postcode's communes (a
/// ``PostcodeGazetteer``), marked approximate and reported (`profile.located`, a warning), so
/// that its flows are matched by distance rather than scored as if far away.
public struct SiteLocator: Sendable {
    /// The table used; `nil` for the built-in one, read only when a site needs it.
    public var gazetteer: PostcodeGazetteer?

    public init(gazetteer: PostcodeGazetteer? = nil) {
        self.gazetteer = gazetteer
    }

    /// Where a site was placed and how.
    public struct Placement: Sendable, Equatable {
        public var point: GeoPoint
        /// "the centre of Soissons (02200)".
        public var basis: LocalizedText
    }

    /// The placement of a site without coordinates, from its postcode.
    public func placement(for site: Site) -> Placement? {
        guard site.latitude == nil, site.longitude == nil, let postcode = site.postcode,
            let place = (gazetteer ?? .france)[postcode]
        else { return nil }
        if let name = place.name {
            return Placement(
                point: place.point,
                basis: LocalizedText(
                    en: "the centre of \(name) (\(postcode))", fr: "au centre de \(name) (\(postcode))"))
        }
        let (count, km) = (place.communes, place.spreadKm)
        return Placement(
            point: place.point,
            basis: LocalizedText(
                en: "the centre of the \(count) communes of postcode \(postcode) (all within \(km) km)",
                fr: "au centre des \(count) communes du code postal \(postcode) (toutes à moins de \(km) km)"))
    }

    /// Places every site it can, each with its `profile.located` warning.
    public func locate(_ profiles: [LoadedProfile]) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        var located = profiles
        var diagnostics: [Diagnostic] = []
        for index in located.indices {
            guard let placement = placement(for: located[index].profile.site) else { continue }
            located[index].profile.site.latitude = placement.point.latitude
            located[index].profile.site.longitude = placement.point.longitude
            located[index].profile.site.approximate = true
            located[index].profile.site.placedByPostcode = true
            diagnostics.append(
                .warning(
                    .profileLocated,
                    LocalizedText(
                        en: "the site has no coordinates: it is placed at \(placement.basis.en), marked approximate",
                        fr: "le site n'a pas de coordonnées : il est placé \(placement.basis.fr), marqué approximatif"),
                    at: located[index].source.locate("site"),
                    notes: [
                        LocalizedText(
                            en: "give lat and lon for distances closer than the commune",
                            fr: "donnez lat et lon pour des distances plus fines que la commune")
                    ]))
        }
        return (located, diagnostics)
    }
}
