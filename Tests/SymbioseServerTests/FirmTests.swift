import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseCore
import SymbioseStore
import Testing

@testable import SymbioseServer

@Suite struct FirmTests {
    /// The form of one firm with two flows, the second one given `value`.
    static func fields(value: String) -> [(String, String)] {
        [
            ("name", "Acme Verrerie"), ("naf", "23.13Z"), ("address", "4 rue de la Verrerie"), ("commune", "Soissons"),
            ("postcode", "02200"),
            ("lat", "49,38"), ("lon", "3,32"), ("rows", "2"),
            ("flow-0-direction", "output"), ("flow-0-resource", "material.glass.cullet"), ("flow-0-value", "1 200"),
            ("flow-0-unit", "t"), ("flow-0-per", "year"),
            ("flow-1-direction", "input"), ("flow-1-resource", "heat.steam"), ("flow-1-value", value),
            ("flow-1-unit", "MWh"), ("flow-1-per", "year"), ("flow-1-temperature", "180"),
        ]
    }

    @Test func aFirmFillsItsProfileSeesALocatedErrorFixesItAndSubmits() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        try await fixture.application.test(.router) { client in
            var firm = try await Browser.firm(client, token: token)
            let wrong = try await firm.post(client, "/firm", Self.fields(value: "-5") + [("action", "save")])
            #expect(wrong.status == .unprocessableContent)
            // The error sits in the second row, next to its quantity, with the CLI's code.
            let row = try #require(wrong.text.components(separatedBy: "id=\"flow-1\"").last)
            let quantity = try #require(row.components(separatedBy: "flow-1-unit").first)
            #expect(quantity.contains("value.negative"))
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").isEmpty)

            firm.take(wrong)
            let saved = try await firm.post(client, "/firm", Self.fields(value: "4 500,5") + [("action", "save")])
            #expect(saved.status == .ok)
            #expect(saved.text.contains(#"value="4500,5""#))  // written back as French writes it
            firm.take(saved)
            let sent = try await firm.post(client, "/firm", Self.fields(value: "4 500,5") + [("action", "submit")])
            #expect(sent.status == .ok)
            let stored = try #require(
                try await fixture.store.firm(territoryID: fixture.territory.id, companyID: "acme"))
            #expect(stored.status == .submitted)
            #expect(stored.profile?.contains("\"value\": 4500.5") == true)
            #expect(stored.profile?.contains("\"address\": \"4 rue de la Verrerie\"") == true)
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").count == 2)
            // Sent: the form is read-only until the facilitator returns it.
            let again = try await firm.post(client, "/firm", Self.fields(value: "1") + [("action", "save")])
            #expect(again.status == .conflict)
        }
    }

    @Test func aFormWithoutItsTokenStoresNothing() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        try await fixture.application.test(.router) { client in
            let firm = try await Browser.firm(client, token: token)
            let forged = try await firm.post(client, "/firm", Self.fields(value: "5") + [("action", "save")], csrf: "x")
            #expect(forged.status == .forbidden)
            let missing = try await firm.post(
                client, "/firm", Self.fields(value: "5") + [("action", "save"), ("csrf", "")])
            #expect(missing.status == .forbidden)
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").isEmpty)
        }
    }

    @Test func aFirmSessionOpensNoFacilitatorPageAndNoOtherFirm() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        try await fixture.application.test(.router) { client in
            let firm = try await Browser.firm(client, token: token)
            #expect(try await firm.get(client, "/firm").text.contains("Acme Verrerie"))
            #expect(!(try await firm.get(client, "/firm").text.contains("Bolt")))
            for uri in [
                "/territories", "/territories/\(fixture.territory.id)", "/territories/\(fixture.territory.id)/report",
            ] {
                #expect(try await firm.get(client, uri).status == .forbidden, "\(uri)")
            }
            let bearer: HTTPFields = [.authorization: "Bearer \(token)"]
            for uri in ["/api/v1/territories", "/api/v1/territories/\(fixture.territory.id)/profiles"] {
                #expect(
                    try await client.execute(uri: uri, method: .get, headers: bearer).status == .forbidden, "\(uri)")
            }
        }
    }

    @Test func anExpiredOrRevokedLinkOpensNothing() async throws {
        let fixture = try await PortalFixture()
        let acme = try #require(fixture.tokens["acme"])
        let bolt = try #require(fixture.tokens["bolt"])
        try await fixture.application.test(.router) { client in
            let firm = try await Browser.firm(client, token: bolt)
            #expect(try await firm.get(client, "/firm").status == .ok)
            let invitation = try #require(try await fixture.store.invitation(tokenHash: Secrets.hash(token: bolt)))
            try await fixture.store.revokeInvitation(id: invitation.id, at: fixture.clock.now)
            #expect(try await client.execute(uri: "/i/\(bolt)", method: .get).status == .gone)
            #expect(try await firm.get(client, "/firm").status == .unauthorized)

            fixture.clock.advance(2 * 86_400)
            #expect(try await client.execute(uri: "/i/\(acme)", method: .get).status == .gone)
            let api = try await client.execute(
                uri: "/api/v1/profile", method: .get, headers: [.authorization: "Bearer \(acme)"])
            #expect(api.status == .unauthorized)
            #expect(try await client.execute(uri: "/i/not-a-token", method: .get).status == .gone)
        }
    }
}

@Suite struct FirmSuggestionTests {
    @Test func theUsualFlowsOfTheActivityAreOfferedAsMarkedSuggestionsAndNotStored() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            let fields: [(String, String)] = [
                ("name", "Acme Laiterie"), ("naf", "10.51A"), ("employees", "120"), ("rows", "0"),
            ]
            let offered = try await firm.post(client, "/firm", fields + [("action", "add-row")])
            #expect(offered.text.contains("value=\"suggest\""))
            let added = try await firm.post(client, "/firm", fields + [("action", "suggest")])
            #expect(added.status == .ok)
            #expect(added.text.contains("Suggestion (activité 10.51A)"))
            #expect(added.text.contains("flow-0-resource\" value=\""))
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").isEmpty)
        }
    }
}

@Suite struct ProfileFormTests {
    /// A stored profile read into the form and written back gives the same profile, power
    /// flows (no period, operating hours) and what the form does not show included.
    @Test func theFormKeepsAProfileItDoesNotFullyShow() async throws {
        let stored = """
            {"schema": "symbiose/profile@1", "company": {"id": "acme", "name": "Acme", "siret": "35600000000048"},
             "site": {"lat": 49.38, "lon": 3.32, "approximate": true},
             "outputs": [{"id": "heat", "resource": "heat.warm-water", "temperature": 40,
                          "quantity": {"value": 5, "unit": "MW", "hours": 6000},
                          "price": {"value": 12, "currency": "EUR", "unit": "MWh"}}]}
            """
        let engine = Portal(store: try SQLiteStore(), publicURL: "http://portal.test").engine
        let check = ProfileCheck(engine: engine)
        let first = check.check(Array(stored.utf8), file: "stored", format: .json, companyID: "acme")
        let document = try #require(first.document)
        // In either language: French writes 49,38 and reads it back.
        for language in [Language.fr, .en] {
            let form = ProfileForm(
                profile: ProfileCheck.stored(document), companyID: "acme", name: "Acme", language: language)
            #expect(form.rows.first?.per == "-")
            #expect(form.lat == (language == .fr ? "49,38" : "49.38"))
            let again = form.document(base: ProfileCheck.stored(document)).json
            let second = check.check(Array(again.utf8), file: "form", format: .json, companyID: "acme")
            #expect(second.document == document)
        }
    }
}

@Suite struct CodeSearchTests {
    @Test func aFirmFindsTheCodeOfItsWordsWithTheCLIsRankedSearch() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            #expect(try await client.execute(uri: "/codes?q=chaleur", method: .get).status == .unauthorized)
            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            let page = try await firm.get(client, "/codes?q=chaleur%20fatale")
            #expect(page.status == .ok)
            let first = try #require(page.text.components(separatedBy: "<code>").dropFirst().first)
            #expect(first.hasPrefix("heat</code>"))
            #expect(try await firm.get(client, "/codes?q=zzqxw").text.contains("Aucun code"))
        }
    }
}
