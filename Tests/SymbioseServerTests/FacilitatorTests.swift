import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseServer
import SymbioseStore
import Testing

@Suite struct FacilitatorTests {
    /// Acme releases cullet; Bolt, 3 km away, needs it and keeps its quantity confidential.
    static func submitProfiles(_ fixture: PortalFixture) async throws {
        let acme = """
            {"schema": "symbiose/profile@1", "company": {"id": "acme", "name": "Acme Verrerie"},
             "site": {"lat": 49.38, "lon": 3.32, "address": "4 rue de la Verrerie", "commune": "Soissons"},
             "outputs": [{"id": "cullet", "resource": "material.glass.cullet", "status": "by-product",
                          "quantity": {"value": 800, "unit": "t", "per": "year"}}]}
            """
        let bolt = """
            {"schema": "symbiose/profile@1", "company": {"id": "bolt", "name": "Bolt Flaconnage"},
             "site": {"lat": 49.40, "lon": 3.35},
             "inputs": [{"id": "cullet", "resource": "material.glass.cullet", "confidential": true,
                         "quantity": {"value": 12345, "unit": "t", "per": "year"}}]}
            """
        for (id, profile) in [("acme", acme), ("bolt", bolt)] {
            try await fixture.store.saveProfile(
                profile, status: .submitted, territoryID: fixture.territory.id, companyID: id,
                author: .user(fixture.facilitator.id), at: fixture.clock.now)
        }
    }

    @Test func aRunGivesEveryDownloadAndAPublishedRunGivesEachFirmItsOwnSheet() async throws {
        let fixture = try await PortalFixture()
        try await Self.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            #expect(try await anne.get(client, "\(territory)/report").status == .notFound)
            #expect(try await anne.post(client, "\(territory)/runs", []).status == .seeOther)
            let report = try await anne.get(client, "\(territory)/report")
            #expect(report.text.contains("Acme Verrerie") && report.text.contains("Bolt Flaconnage"))
            let geojson = try await anne.get(client, "\(territory)/synergies.geojson")
            #expect(geojson.headers[.contentType] == "application/geo+json")
            #expect(geojson.text.contains("\"FeatureCollection\""))
            #expect(try await anne.get(client, "\(territory)/synergies.graphml").text.contains("<graphml"))
            #expect(try await anne.get(client, "\(territory)/synergies.csv").text.contains("acme"))
            #expect(
                try await anne.get(client, "\(territory)/recommendations.json").text.contains(
                    "symbiose/recommendations@1"))

            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            #expect(try await firm.get(client, "/firm/results").status == .notFound)
            let run = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            var page = anne
            page.take(try await anne.get(client, territory))
            #expect(try await page.post(client, "\(territory)/runs/\(run.id)/publish", []).status == .seeOther)
            #expect(try await firm.get(client, "/firm").text.contains("/firm/results"))
            let sheet = try await firm.get(client, "/firm/results")
            #expect(sheet.status == .ok)
            #expect(sheet.text.contains("Acme Verrerie") && sheet.text.contains("Bolt Flaconnage"))
            // Bolt's confidential quantity shows only as a band, never as its figure.
            #expect(!sheet.text.contains("12345") && !sheet.text.contains("12 345") && !sheet.text.contains("12,345"))
        }
    }

    @Test func aFacilitatorReturnsAProfileWithACommentAndTheFirmCanChangeItAgain() async throws {
        let fixture = try await PortalFixture()
        try await Self.submitProfiles(fixture)
        let page = "/territories/\(fixture.territory.id)/firms/acme"
        try await fixture.application.test(.router) { client in
            var anne = try await Browser.signedIn(client, email: "anne@cci.test").0
            anne.take(try await anne.get(client, page))
            #expect(try await anne.post(client, "\(page)/status", [("action", "return")]).status == .badRequest)
            let returned = try await anne.post(
                client, "\(page)/status", [("action", "return"), ("comment", "Précisez les mois de production")])
            #expect(returned.status == .seeOther)
            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            let form = try await firm.get(client, "/firm")
            #expect(form.text.contains("Précisez les mois de production"))
            #expect(form.text.contains("value=\"save\""))
            anne.take(try await anne.get(client, page))
            #expect(try await anne.post(client, "\(page)/status", [("action", "accept")]).status == .conflict)
            let history = try await anne.get(client, page)
            #expect(history.text.contains("anne@cci.test"))
            #expect(history.text.contains("4 rue de la Verrerie, Soissons"))
        }
    }

    @Test func aTerritoryIsItsFacilitatorsAndTheAdministratorsOnly() async throws {
        let fixture = try await PortalFixture()
        try await Self.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (olivier, _) = try await Browser.signedIn(client, email: "olivier@cci.test")
            for uri in [
                territory, "\(territory)/firms/acme", "\(territory)/firms/acme/profile.json", "\(territory)/report",
            ] {
                #expect(try await olivier.get(client, uri).status == .notFound, "\(uri)")
            }
            #expect(!(try await olivier.get(client, "/territories").text.contains("Vallée")))
            let (root, _) = try await Browser.signedIn(client, email: "root@cci.test")
            #expect(try await root.get(client, territory).status == .ok)
            #expect(try await root.get(client, "\(territory)/firms/acme/profile.json").text.contains("\"acme\""))
            let anonymous = try await client.execute(uri: territory, method: .get)
            #expect(anonymous.status == .seeOther)
        }
    }
}

@Suite struct SynergyBrowserTests {
    @Test func theLastRunsSynergiesAreListedAndFilteredByFirmAndScore() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            #expect(try await anne.get(client, "\(territory)/synergies").status == .notFound)
            _ = try await anne.post(client, "\(territory)/runs", [])
            let all = try await anne.get(client, "\(territory)/synergies")
            #expect(all.status == .ok)
            #expect(all.text.contains("Acme Verrerie → Bolt Flaconnage"))
            let byFirm = try await anne.get(client, "\(territory)/synergies?company=bolt&kind=substitution")
            #expect(byFirm.text.contains("Acme Verrerie → Bolt Flaconnage"))
            let none = try await anne.get(client, "\(territory)/synergies?min=1.5")
            #expect(!none.text.contains("Acme Verrerie → Bolt Flaconnage"))
            #expect(none.text.contains("0 / "))
        }
    }

    @Test func theMapDrawsTheFilteredSynergiesNumberedAsInTheTable() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            _ = try await anne.post(client, "\(territory)/runs", [])
            let all = try await anne.get(client, "\(territory)/synergies").text
            #expect(all.contains(#"class="map""#))
            #expect(all.contains(#"class="badge">1</text>"#))
            #expect(all.contains("Bolt Flaconnage</text>"))
            // No inline style: the legend's colours are drawn, so the policy keeps them.
            #expect(!all.contains("style="))
            let none = try await anne.get(client, "\(territory)/synergies?min=1.5").text
            #expect(none.contains(#"class="map""#))
            #expect(!none.contains(#"class="badge""#))
        }
    }
}
