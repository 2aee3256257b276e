import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseServer
import SymbioseStore
import Testing

@Suite struct APIProfileTests {
    static func profile(company: String, value: String) -> String {
        """
        {"schema": "symbiose/profile@1",
         "company": {"id": "\(company)", "name": "Acme Verrerie", "naf": "23.13Z"},
         "site": {"lat": 49.38, "lon": 3.32},
         "outputs": [{"id": "cullet", "resource": "material.glass.cullet",
                      "quantity": {"value": \(value), "unit": "t", "per": "year"}}]}
        """
    }

    @Test func aFirmPutsGetsAndSubmitsItsProfileWithItsInvitationToken() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        let bearer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await fixture.application.test(.router) { client in
            #expect(try await client.execute(uri: "/api/v1/profile", method: .get, headers: bearer).status == .notFound)
            let put = try await client.execute(
                uri: "/api/v1/profile", method: .put, headers: bearer,
                body: ByteBuffer(string: Self.profile(company: "acme", value: "800")))
            #expect(put.status == .ok)
            let got = try await client.execute(uri: "/api/v1/profile", method: .get, headers: bearer)
            #expect(got.text.contains("\"cullet\""))
            let submit = try await client.execute(uri: "/api/v1/profile/submit", method: .post, headers: bearer)
            #expect(submit.status == .ok)
            let firm = try await fixture.store.firm(territoryID: fixture.territory.id, companyID: "acme")
            #expect(firm?.status == .submitted)
        }
    }

    @Test func anInvalidProfileAnswers422WithTheCLIDiagnosticsAndStoresNothing() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        let bearer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await fixture.application.test(.router) { client in
            let negative = try await client.execute(
                uri: "/api/v1/profile", method: .put, headers: bearer,
                body: ByteBuffer(string: Self.profile(company: "acme", value: "-3")))
            #expect(negative.status == .unprocessableContent)
            #expect(negative.text.contains("\"schema\": \"symbiose/diagnostics@1\""))
            #expect(negative.text.contains("\"code\": \"value.negative\""))
            #expect(negative.text.contains("\"path\": \"$.outputs[0].quantity.value\""))
            // Another firm's profile, sent with this firm's token.
            let other = try await client.execute(
                uri: "/api/v1/profile", method: .put, headers: bearer,
                body: ByteBuffer(string: Self.profile(company: "bolt", value: "3")))
            #expect(other.status == .unprocessableContent)
            #expect(other.text.contains("$.company.id"))
            for id in ["acme", "bolt"] {
                #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: id).isEmpty)
            }
        }
    }

    @Test func anOversizedUploadIsRefusedWith413() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        try await fixture.application.test(.router) { client in
            let huge = String(repeating: " ", count: 3 << 20)
            let response = try await client.execute(
                uri: "/api/v1/profile", method: .put,
                headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                body: ByteBuffer(string: huge))
            #expect(response.status == .contentTooLarge)
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").isEmpty)
        }
    }

    @Test func aCookieSessionNeedsTheCSRFHeaderToWriteThroughTheAPI() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let (browser, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            var headers = browser.headers
            headers[.contentType] = "application/json"
            let body = ByteBuffer(string: #"{"name": "Plaine"}"#)
            let refused = try await client.execute(
                uri: "/api/v1/territories", method: .post, headers: headers, body: body)
            #expect(refused.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf
            let created = try await client.execute(
                uri: "/api/v1/territories", method: .post, headers: headers, body: body)
            #expect(created.status == .created)
        }
    }
}
