import Foundation

/// Places a site that gives no coordinates from what it does give, marked approximate and
/// reported (`profile.located`, a warning), so that its flows are matched by distance rather
/// than scored as if far away. In order: the user's own table of places (`--locations`), its
/// commune (told apart by its postcode), its postcode's communes (a ``PostcodeGazetteer``),
/// its commune's name alone when only one commune of France bears it.
public struct SiteLocator: Sendable {
    /// The table used; `nil` for the built-in one, read only when a site needs it.
    public var gazetteer: PostcodeGazetteer?
    /// France's communes; `nil` for the built-in table.
    public var communes: PlaceTable?
    /// The user's own places, looked up first.
    public var places: PlaceTable?

    public init(gazetteer: PostcodeGazetteer? = nil, communes: PlaceTable? = nil, places: PlaceTable? = nil) {
        self.gazetteer = gazetteer
        self.communes = communes
        self.places = places
    }

    /// Where a site was placed and how.
    public struct Placement: Sendable, Equatable {
        public var point: GeoPoint
        /// "the centre of Soissons (02200)".
        public var basis: LocalizedText
    }

    /// What could be done for a site without coordinates.
    public enum Outcome: Sendable, Equatable {
        case placed(Placement)
        /// Its commune's name is borne by several communes and nothing tells them apart.
        case ambiguous(commune: String, count: Int)
        case unplaced
    }

    /// The placement of a site without coordinates, when ``outcome(for:)`` finds one.
    public func placement(for site: Site) -> Placement? {
        if case .placed(let placement) = outcome(for: site) { return placement }
        return nil
    }

    /// What the site's commune and postcode allow.
    public func outcome(for site: Site) -> Outcome {
        guard site.latitude == nil, site.longitude == nil else { return .unplaced }
        let (commune, postcode) = (site.commune, site.postcode)
        if let places, case .found(let entry) = places.lookup(commune: commune, postcode: postcode) {
            let name = [entry.commune, entry.postcode.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
            return .placed(
                Placement(
                    point: entry.point,
                    basis: LocalizedText(
                        en: "\(name), from the table of places given",
                        fr: "à \(name), d'après la table de lieux fournie")))
        }
        let france = communes ?? .france
        let named = commune.map { france.lookup(commune: $0, postcode: postcode) } ?? .none
        if postcode != nil, case .found(let entry) = named { return .placed(Self.centre(of: entry)) }
        if let postcode, let place = (gazetteer ?? .france)[postcode] {
            return .placed(Self.centre(of: place, postcode))
        }
        switch named {
        case .found(let entry): return .placed(Self.centre(of: entry))
        case .ambiguous(let count): return .ambiguous(commune: commune ?? "", count: count)
        case .none: return .unplaced
        }
    }

    private static func centre(of entry: PlaceTable.Entry) -> Placement {
        let name = (entry.commune ?? "") + (entry.postcode.map { " (\($0))" } ?? "")
        return Placement(
            point: entry.point, basis: LocalizedText(en: "the centre of \(name)", fr: "au centre de \(name)"))
    }

    private static func centre(of place: PostcodeGazetteer.Place, _ postcode: String) -> Placement {
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
        let diagnostics = locate(&located).diagnostics
        return (located, diagnostics)
    }

    /// Places every site it can in place, each with its `profile.located` warning, and gives the
    /// sites it placed as they were, by position: a territory's profiles are then held once,
    /// not copied whole for the few sites placed.
    public func locate(_ profiles: inout [LoadedProfile]) -> (diagnostics: [Diagnostic], given: [Int: Site]) {
        var diagnostics: [Diagnostic] = []
        var given: [Int: Site] = [:]
        for index in profiles.indices {
            let outcome = outcome(for: profiles[index].profile.site)
            if case .ambiguous(let commune, let count) = outcome {
                diagnostics.append(Self.ambiguity(commune, count, at: profiles[index].source.locate("site")))
            }
            guard case .placed(let placement) = outcome else { continue }
            given[index] = profiles[index].profile.site
            profiles[index].profile.site.latitude = placement.point.latitude
            profiles[index].profile.site.longitude = placement.point.longitude
            profiles[index].profile.site.approximate = true
            profiles[index].profile.site.placedByPostcode = true
            diagnostics.append(
                .warning(
                    .profileLocated,
                    LocalizedText(
                        en: "the site has no coordinates: it is placed at \(placement.basis.en), marked approximate",
                        fr: "le site n'a pas de coordonnées : il est placé \(placement.basis.fr), marqué approximatif"),
                    at: profiles[index].source.locate("site"),
                    notes: [
                        LocalizedText(
                            en: "give lat and lon for distances closer than the commune",
                            fr: "donnez lat et lon pour des distances plus fines que la commune")
                    ]))
        }
        return (diagnostics, given)
    }

    /// The warning for a commune name that several communes bear.
    static func ambiguity(_ commune: String, _ count: Int, at location: SourceLocation?) -> Diagnostic {
        .warning(
            .profileCommuneAmbiguous,
            LocalizedText(
                en: "the site has no coordinates and \(count) communes are named \(commune): it cannot be placed",
                fr: "le site n'a pas de coordonnées et \(count) communes s'appellent \(commune) : il ne peut être placé"
            ),
            at: location,
            notes: [
                LocalizedText(
                    en: "give the postcode, or lat and lon", fr: "donnez le code postal, ou lat et lon")
            ])
    }
}
