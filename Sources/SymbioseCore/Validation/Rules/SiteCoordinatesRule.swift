/// The site has both coordinates, finite and in range (`profile.missing-coordinates`,
/// `value.not-finite`, `profile.coordinates-out-of-range`); none at all is a warning.
public struct SiteCoordinatesRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        switch (profile.site.latitude, profile.site.longitude) {
        case (nil, nil):
            reporter.warning(
                .profileMissingCoordinates,
                LocalizedText(
                    en: "the site has no coordinates: it cannot be placed on a map or matched by distance",
                    fr:
                        "le site n'a pas de coordonnées : il ne peut être ni placé sur une carte ni apparié par la distance"
                ),
                at: "site",
                notes: [
                    LocalizedText(
                        en:
                            "add lat and lon in WGS84 decimal degrees (the commune's centre will do, marked approximate), or a French postcode",
                        fr:
                            "ajoutez lat et lon en degrés décimaux WGS84 (le centre de la commune suffit, marqué approximate), ou un code postal français"
                    )
                ] + unplaced(profile.site))
        case (nil, _), (_, nil):
            reporter.error(
                .profileMissingCoordinates,
                LocalizedText(
                    en: "the site gives only one of lat and lon", fr: "le site ne donne qu'une seule de lat et lon"),
                at: "site")
        case let (lat?, lon?):
            check(
                lat, name: "lat", range: -90...90, what: LocalizedText(en: "latitude", fr: "la latitude"),
                &reporter)
            check(
                lon, name: "lon", range: -180...180,
                what: LocalizedText(en: "longitude", fr: "la longitude"), &reporter)
        }
    }

    /// Why the postcode given did not place the site.
    private func unplaced(_ site: Site) -> [LocalizedText] {
        guard let postcode = site.postcode else { return [] }
        return [
            LocalizedText(
                en: "postcode \(postcode) is not in the table of French postcodes: the site cannot be placed from it",
                fr:
                    "le code postal \(postcode) n'est pas dans la table des codes postaux français : il ne permet pas de placer le site"
            )
        ]
    }

    private func check(
        _ value: Double, name: String, range: ClosedRange<Double>, what: LocalizedText, _ reporter: inout RuleReporter
    ) {
        let bounds = JSONOutput.format(range.lowerBound) + "…" + JSONOutput.format(range.upperBound)
        if !value.isFinite {
            reporter.error(
                .valueNotFinite,
                LocalizedText(en: "\(name) is not a finite number", fr: "\(name) n'est pas un nombre fini"),
                at: "site.\(name)")
        } else if !range.contains(value) {
            reporter.error(
                .profileCoordinatesOutOfRange,
                LocalizedText(
                    en: "\(what.en) \(JSONOutput.format(value)) is outside \(bounds)",
                    fr: "\(what.fr) \(JSONOutput.format(value)) sort de \(bounds)"),
                at: "site.\(name)")
        }
    }
}
