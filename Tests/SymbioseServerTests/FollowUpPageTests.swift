import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseFollowUp
import SymbioseStore
import Testing

@testable import SymbioseServer

/// A facilitator follows a synergy from the browser: opens a lead on it, moves it, sees it
/// refused when a change is incomplete, and reads the funnel.
@Suite struct FollowUpPageTests {
    @Test func aLeadIsFollowedFromTheSynergiesAndMovedInTheBrowser() async throws {
        try await PortalFixture.afterARun { fixture, client, anne, territory in
            let synergies = try await anne.get(client, "\(territory)/synergies")
            #expect(synergies.text.contains(#"name="synergy" value="acme.cullet&gt;bolt.cullet""#))
            let opened = try await anne.post(client, "\(territory)/leads", [("synergy", "acme.cullet>bolt.cullet")])
            #expect(opened.status == .seeOther)
            let leadPage = try #require(opened.headers[.location])
            #expect(leadPage == "\(territory)/leads/1")
            let page = try await anne.get(client, leadPage)
            #expect(page.text.contains("Acme Verrerie → Bolt Flaconnage : Calcin"))
            #expect(page.text.contains("Proposé par le calcul : 800 t/an"))
            #expect(page.text.contains(#"<option value="contacted">contactée</option>"#))

            let moves = "\(leadPage)/moves"
            let noReason = try await anne.post(client, moves, [("status", "abandoned"), ("at", "2027-01-15")])
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.text.contains("un abandon doit avoir sa raison"))
            let noQuantity = try await anne.post(client, moves, [("status", "realised"), ("at", "2027-01-15")])
            #expect(noQuantity.text.contains("une piste réalisée doit donner la quantité échangée"))
            let contacted = try await anne.post(
                client, moves,
                [
                    ("status", "contacted"), ("at", "2027-01-15"), ("note", "Appel"), ("nextAction", "Visite"),
                    ("due", "2027-02-01"),
                ])
            #expect(contacted.status == .seeOther)
            let stored = try #require(try await fixture.store.lead(id: 1))
            #expect(stored.lead.status == .contacted && stored.lead.history.last?.author == "anne@cci.test")
            #expect(stored.lead.nextAction == "Visite" && stored.lead.due == "2027-02-01")
            let list = try await anne.get(client, "\(territory)/leads")
            #expect(list.text.contains("contactée") && list.text.contains("Visite"))
            // Named contacts are kept with the lead, and out of the exports.
            let named = try await anne.post(
                client, "\(leadPage)/contacts",
                [("contact-0-name", "Mme Durand"), ("contact-0-email", "durand@acme.test")])
            #expect(named.status == .seeOther)
            #expect(try await fixture.store.lead(id: 1)?.lead.parties[0].contact?.email == "durand@acme.test")
            #expect(try await fixture.store.lead(id: 1)?.lead.history.count == 2)
            #expect(!(try await anne.get(client, "\(territory)/leads.csv").text.contains("Durand")))
            #expect(!(try await anne.get(client, "\(territory)/leads.json").text.contains("Durand")))
            // Olivier, another facilitator, cannot move it.
            var olivier = try await Browser.signedIn(client, email: "olivier@cci.test").0
            olivier.take(try await olivier.get(client, "/territories"))
            #expect(try await olivier.post(client, moves, [("status", "studying")]).status == .notFound)
        }
    }

    @Test func theFunnelPageDrawsAndExportsTheFigures() async throws {
        try await PortalFixture.afterARun { fixture, client, anne, territory in
            _ = try await anne.post(client, "\(territory)/leads", [("synergy", "acme.cullet>bolt.cullet")])
            let funnel = try await anne.get(client, "\(territory)/funnel?from=2000-01-01&to=2100-01-01")
            #expect(funnel.text.contains(#"class="funnel""#))
            #expect(funnel.text.contains("Pistes ouvertes"))
            let csv = try await anne.get(client, "\(territory)/funnel.csv?from=2000-01-01&to=2100-01-01&lang=en")
            #expect(csv.headers[.contentDisposition]?.contains("funnel.csv") == true)
            #expect(csv.text.contains("leads,Leads opened,1,"))
            #expect(csv.text.contains("profiles_submitted,Profiles submitted,2,"))
            // Nothing realised: euros are unknown, an empty cell, not 0.
            #expect(csv.text.contains(#"realised_eur_per_year,"Realised, euros saved per year (where known)",,"#))
        }
    }

    @Test func theAPIOpensMovesAndListsLeads() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let base = "/api/v1/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let token = try await AccessMatrixTests.token(client, email: "anne@cci.test")
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            func post(_ path: String, _ body: String) async throws -> TestResponse {
                try await client.execute(
                    uri: base + path, method: .post, headers: headers, body: ByteBuffer(string: body))
            }
            _ = try await post("/runs", "")
            #expect(try await post("/leads", #"{"synergy": "nope"}"#).status == .unprocessableContent)
            let opened = try await post("/leads", #"{"synergy": "acme.cullet>bolt.cullet"}"#)
            #expect(opened.status == .created)
            #expect(opened.text.contains(#""id": 1"#) && opened.text.contains("\"status\" : \"detected\""))
            let refused = try await post("/leads/1/moves", #"{"status": "abandoned"}"#)
            #expect(refused.status == .unprocessableContent && refused.text.contains("an abandonment needs its reason"))
            let realised = try await post(
                "/leads/1/moves",
                #"{"status": "realised", "realisation": {"value": 400, "unit": "t", "per": "year", "start": "2027-02-01"}}"#
            )
            #expect(realised.status == .ok)
            let lead = try #require(try await fixture.store.lead(id: 1)).lead
            #expect(lead.status == .realised && lead.realised?.basis == .estimated)
            let list = try await client.execute(uri: base + "/leads", method: .get, headers: headers)
            #expect(list.text.contains("symbiose/leads@1") && list.text.contains("\"realised\""))
        }
    }

    @Test func aLeadIsOpenedByHandAfterACall() async throws {
        try await PortalFixture.afterARun { fixture, client, anne, territory in
            let form = try await anne.get(client, "\(territory)/leads")
            #expect(form.text.contains(#"<option value="bolt">"#))
            let same = try await anne.post(
                client, "\(territory)/leads/manual", [("first", "acme"), ("second", "acme"), ("resource", "calcin")])
            #expect(same.status == .unprocessableContent)
            #expect(same.text.contains("au moins deux entreprises différentes"))
            let made = try await anne.post(
                client, "\(territory)/leads/manual",
                [
                    ("first", "acme"), ("second", "bolt"), ("resource", "verre broyé"), ("origin", "call"),
                    ("note", "Appel"),
                ])
            #expect(made.status == .seeOther)
            let lead = try #require(try await fixture.store.lead(id: 1)).lead
            #expect(lead.origin.kind == .call && lead.parties.map(\.role) == [.supplier, .receiver])
            #expect(lead.resource == "material.glass.cullet" && lead.history[0].note == "Appel")
        }
    }
}
