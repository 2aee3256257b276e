import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseServer
import SymbioseStore
import Testing

@Suite struct FirmUploadTests {
    static let xml = """
        <profile xmlns="urn:symbiose:profile:1">
          <company id="acme" name="Acme Verrerie" naf="23.13Z"/>
          <site lat="49.38" lon="3.32"/>
          <output id="cullet" resource="material.glass.cullet" status="by-product">
            <quantity value="QUANTITY" unit="t" per="year"/>
          </output>
        </profile>
        """

    static func upload(
        _ client: some TestClientProtocol, _ browser: Browser, name: String, content: String, csrf: String? = nil
    ) async throws -> TestResponse {
        try await browser.send(client, "/firm/upload", file: name, content: content, csrf: csrf)
    }

    @Test func aFirmSendsAnXMLFileInsteadOfTheForm() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            let answer = try await Self.upload(
                client, firm, name: "acme.xml", content: Self.xml.replacingOccurrences(of: "QUANTITY", with: "640"))
            #expect(answer.status == .ok)
            #expect(answer.text.contains("material.glass.cullet"))
            let stored = try await fixture.store.firm(territoryID: fixture.territory.id, companyID: "acme")
            #expect(stored?.status == .draft)
            #expect(stored?.profile?.contains("\"value\": 640") == true)
        }
    }

    @Test func aBadFileIsRefusedWithItsLocatedErrorsAndStoresNothing() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            let negative = try await Self.upload(
                client, firm, name: "acme.xml", content: Self.xml.replacingOccurrences(of: "QUANTITY", with: "-1"))
            #expect(negative.status == .unprocessableContent)
            #expect(negative.text.contains("acme.xml:5 /profile/output/quantity/@value"))
            let forged = try await Self.upload(client, firm, name: "acme.xml", content: Self.xml, csrf: "forged")
            #expect(forged.status == .forbidden)
            let other = try await Self.upload(
                client, firm, name: "bolt.xml",
                content: Self.xml.replacingOccurrences(of: "QUANTITY", with: "5").replacingOccurrences(
                    of: "id=\"acme\"", with: "id=\"bolt\""))
            #expect(other.status == .unprocessableContent)
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").isEmpty)
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "bolt").isEmpty)
        }
    }
}

@Suite struct TerritoryImportTests {
    static let collection = """
        {"schema": "symbiose/profiles@1", "profiles": [
          {"company": {"id": "acme", "name": "Acme Verrerie"}, "site": {"lat": 49.38, "lon": 3.32},
           "outputs": [{"id": "cullet", "resource": "material.glass.cullet", "quantity": {"value": 800, "unit": "t", "per": "year"}}]},
          {"company": {"id": "cerise", "name": "Cerise Conserverie"}, "site": {"lat": 49.39, "lon": 3.30},
           "inputs": [{"id": "steam", "resource": "heat.steam", "quantity": {"value": 2, "unit": "GWh", "per": "year"}}]},
          {"company": {"id": "delta", "name": "Delta"}, "site": {"lat": 49.37, "lon": 3.31},
           "outputs": [{"id": "x", "resource": "material.nothing.known", "quantity": {"value": 1, "unit": "t", "per": "year"}}]}
        ]}
        """

    @Test func aFacilitatorImportsACollectionAndIsToldWhichProfileWasNotImportedAndWhy() async throws {
        let fixture = try await PortalFixture()
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            var anne = try await Browser.signedIn(client, email: "anne@cci.test").0
            anne.take(try await anne.get(client, territory))
            let answer = try await anne.send(
                client, "\(territory)/import", file: "collecte.json", content: Self.collection)
            #expect(answer.status == .ok)
            #expect(answer.text.contains("(acme, cerise)"))
            #expect(answer.text.contains("<strong>delta</strong>"))
            #expect(answer.text.contains("profile.unknown-resource"))
            let firms = try await fixture.store.firms(territoryID: fixture.territory.id)
            #expect(firms.first { $0.companyID == "cerise" }?.status == .accepted)
            #expect(firms.first { $0.companyID == "acme" }?.profile?.contains("material.glass.cullet") == true)
            #expect(!firms.contains { $0.companyID == "delta" })
        }
    }
}
