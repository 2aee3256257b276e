import SymbioseCore
import SymbioseTestSupport
import Testing

/// A site given by its commune, with or without a postcode, or by the user's own table of
/// places (Docs/geography.md).
@Suite struct CommuneLocatorTests {
    typealias F = MatchFixture

    private func site(commune: String?, postcode: String? = nil) -> Site {
        Site(commune: commune, postcode: postcode)
    }

    @Test func theCommuneTableCoversFrance() {
        guard case .found(let bucy) = PlaceTable.france.lookup(commune: "Bucy-le-Long", postcode: nil) else {
            Issue.record("Bucy-le-Long is not found")
            return
        }
        #expect(bucy.postcode == "02880")
        #expect(bucy.point.distanceKm(to: GeoPoint(latitude: 49.39, longitude: 3.39)) < 2)
    }

    @Test func namesAreFoldedAndSaintIsReadFromSt() {
        let table = PlaceTable.france
        #expect(
            table.lookup(commune: "st quentin", postcode: nil) == table.lookup(commune: "Saint-Quentin", postcode: nil))
        if case .found(let entry) = table.lookup(commune: "Abergement-Clémenciat", postcode: nil) {
            #expect(entry.commune == "L'Abergement-Clémenciat")
        } else {
            Issue.record("a name without its article is not found")
        }
    }

    @Test func aCommuneWithItsPostcodeIsPlacedAtItsOwnCentre() throws {
        // 02880 gathers 18 communes; Cuffies is one of them, 3 km from their centre.
        let placement = try #require(SiteLocator().placement(for: site(commune: "Cuffies", postcode: "02880")))
        let byPostcode = try #require(SiteLocator().placement(for: site(commune: nil, postcode: "02880")))
        #expect(placement.basis.en == "the centre of Cuffies (02880)")
        #expect(placement.point.distanceKm(to: byPostcode.point) > 1)
    }

    @Test func aSharedNameIsToldApartByItsPostcodeOrNotPlaced() throws {
        let locator = SiteLocator()
        #expect(locator.outcome(for: site(commune: "Saint-Paul")) == .ambiguous(commune: "Saint-Paul", count: 13))
        let oise = try #require(locator.placement(for: site(commune: "Saint-Paul", postcode: "60650")))
        #expect(oise.basis.en.contains("60650"))
        // A postcode of another department never takes a namesake there.
        #expect(
            locator.placement(for: site(commune: "Cuffies", postcode: "75001"))?.basis.en.contains("Cuffies") != true)
        let (_, diagnostics) = locator.locate(
            [F.profile("printer", at: nil)].map { loaded in
                var loaded = loaded
                loaded.profile.site.commune = "Saint-Paul"
                return loaded
            })
        #expect(diagnostics.map(\.code) == [.profileCommuneAmbiguous])
    }

    @Test func theUsersTableComesFirst() throws {
        let zone = GeoPoint(latitude: 49.3721, longitude: 3.3605)
        let places = PlaceTable([
            PlaceTable.Entry(commune: "ZI de Villeneuve", postcode: "02200", point: zone),
            PlaceTable.Entry(commune: nil, postcode: "99999", point: GeoPoint(latitude: 1, longitude: 2)),
        ])
        let locator = SiteLocator(places: places)
        #expect(locator.placement(for: site(commune: "zi de villeneuve", postcode: "02200"))?.point == zone)
        #expect(
            locator.placement(for: site(commune: nil, postcode: "99999"))?.point == GeoPoint(latitude: 1, longitude: 2))
        // Not in the table: the built-in communes still place it.
        #expect(
            locator.placement(for: site(commune: "Cuffies", postcode: "02880"))?.basis.en
                == "the centre of Cuffies (02880)")
    }
}
