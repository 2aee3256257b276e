import SymbioseCore
import SymbioseTestSupport
import Testing

/// A site that gives a postcode but no coordinates is placed at its communes' centre, said so,
/// and matched by distance (Docs/geography.md).
@Suite struct SiteLocatorTests {
    typealias F = MatchFixture

    private func site(postcode: String?) -> LoadedProfile {
        var loaded = F.profile(
            "printer", at: nil, outputs: [F.output("trim", "material.paper.mixed", Quantity(value: 50, unit: .tonne))])
        loaded.profile.site.postcode = postcode
        return loaded
    }

    @Test func theGazetteerCoversFrance() {
        let gazetteer = PostcodeGazetteer.france
        #expect(gazetteer.count > 6000)
        // Ajaccio has a postcode of its own; 02200 gathers Soissons and its neighbours.
        #expect(gazetteer["20000"]?.name == "Ajaccio")
        let soissons = try? #require(gazetteer["02200"])
        #expect((soissons?.communes ?? 0) > 10)
        // The population-weighted centre lies near the town, which holds most of the people.
        let centre = GeoPoint(latitude: 49.3766, longitude: 3.3236)
        #expect((soissons?.point.distanceKm(to: centre) ?? 99) < 3)
    }

    @Test func aSiteIsLocatedByPostcodeAndWarned() throws {
        let (located, diagnostics) = SiteLocator().locate([site(postcode: "02200")])
        let site = located[0].profile.site
        #expect(site.approximate)
        let point = try #require(site.point)
        #expect(point.distanceKm(to: GeoPoint(latitude: 49.38, longitude: 3.32)) < 5)
        #expect(diagnostics.map(\.code) == [.profileLocated])
        #expect(diagnostics[0].severity == .warning)
        #expect(diagnostics[0].message.contains("communes of postcode 02200"))
    }

    @Test func oneCommunesPostcodeIsNamed() {
        let (_, diagnostics) = SiteLocator().locate([site(postcode: "20000")])
        #expect(diagnostics.first?.message.contains("the centre of Ajaccio (20000)") == true)
        #expect(diagnostics.first?.text.fr.contains("au centre de Ajaccio (20000)") == true)
    }

    @Test func anUnknownPostcodeLeavesTheSiteUnplaced() {
        let (located, diagnostics) = SiteLocator().locate([site(postcode: "00000"), site(postcode: nil)])
        #expect(located.allSatisfy { $0.profile.site.point == nil })
        #expect(diagnostics.isEmpty)
    }

    @Test func givenCoordinatesAreNeverMoved() {
        var loaded = site(postcode: "02200")
        loaded.profile.site.latitude = 45
        loaded.profile.site.longitude = 5
        let (located, diagnostics) = SiteLocator().locate([loaded])
        #expect(located[0].profile.site.point == GeoPoint(latitude: 45, longitude: 5))
        #expect(!located[0].profile.site.approximate)
        #expect(diagnostics.isEmpty)
    }

    @Test func sitesPlacedInPlaceAreGivenBackAsTheyWere() {
        var profiles = [site(postcode: "02200"), site(postcode: "00000"), site(postcode: "20000")]
        profiles[2].profile.site.commune = "Ajaccio"
        let before = profiles.map(\.profile.site)
        let (diagnostics, given) = SiteLocator().locate(&profiles)
        #expect(diagnostics.count == 2)
        #expect(given.keys.sorted() == [0, 2])
        #expect(given[0] == before[0] && given[2] == before[2])
        #expect(profiles[0].profile.site.placedByPostcode && profiles[2].profile.site.placedByPostcode)
        #expect(profiles[1].profile.site == before[1])
    }
}
