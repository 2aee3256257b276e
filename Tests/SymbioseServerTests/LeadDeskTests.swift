import Foundation
import SymbioseEngine
import SymbioseFollowUp
import SymbioseStore
import Testing

@testable import SymbioseServer

@Suite struct LeadDeskTests {
    @Test func aLeadSurvivesARerunAndSaysWhichFlowChanged() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let runs = Runs(portal: fixture.portal)
        let territory = fixture.territory
        _ = try await runs.run(territory, by: fixture.facilitator, options: RunOptions(), language: .fr)
        let desk = LeadDesk(store: fixture.store)
        let lead = try await desk.open(
            synergy: "acme.cullet>bolt.cullet", territoryID: territory.id, title: nil, author: "anne@cci.test",
            at: fixture.clock.now)
        #expect(lead.lead.title == "Acme Verrerie → Bolt Flaconnage : Calcin")
        #expect(
            lead.lead.parties.map(\.flowPrint) == [
                "material.glass.cullet output 800 t/year", "material.glass.cullet input 12345 t/year",
            ])
        // Bolt now needs less cullet; matching runs again.
        let bolt = """
            {"schema": "symbiose/profile@1", "company": {"id": "bolt", "name": "Bolt Flaconnage"},
             "site": {"lat": 49.40, "lon": 3.35},
             "inputs": [{"id": "cullet", "resource": "material.glass.cullet",
                         "quantity": {"value": 300, "unit": "t", "per": "year"}}]}
            """
        try await fixture.store.saveProfile(
            bolt, status: .submitted, territoryID: territory.id, companyID: "bolt",
            author: .user(fixture.facilitator.id), at: fixture.clock.now)
        _ = try await runs.run(territory, by: fixture.facilitator, options: RunOptions(), language: .fr)
        let kept = try await fixture.store.leads(territoryID: territory.id)
        #expect(kept.map(\.id) == [lead.id])
        let checks = kept[0].lead.check(against: try await desk.currentProfiles(territoryID: territory.id))
        #expect(checks[0].state == .unchanged)
        #expect(
            checks[1].state
                == .changed(
                    was: "material.glass.cullet input 12345 t/year", now: "material.glass.cullet input 300 t/year"))
        // A synergy that is not in the last run is refused, and so is a lead of another territory.
        await #expect(throws: LeadDesk.Refusal.self) {
            try await desk.open(
                synergy: "nope", territoryID: territory.id, title: nil, author: "a", at: fixture.clock.now)
        }
        await #expect(throws: LeadDesk.Refusal.self) {
            try await desk.move(
                lead.id, territoryID: territory.id + 1,
                Lead.Move(status: .contacted, at: fixture.clock.now, author: "a"), at: fixture.clock.now)
        }
    }
}
