import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseFollowUp
import SymbioseStore
import Testing

@testable import SymbioseServer

/// A workshop from the browser: created, its firms seated, leads noted per table, fiches and
/// summaries printed.
@Suite struct WorkshopTests {
    @Test func aWorkshopIsPreparedHeldAndSummed() async throws {
        try await PortalFixture.afterARun { fixture, client, anne, territory in
            let form = try await anne.get(client, "\(territory)/workshops")
            #expect(form.text.contains(#"name="firm" value="acme" checked"#))
            let wrong = try await anne.post(
                client, "\(territory)/workshops",
                [("title", ""), ("date", "2027-02-30"), ("tables", "0"), ("firm", "acme")])
            #expect(wrong.status == .unprocessableContent)
            #expect(
                wrong.text.contains("un atelier doit avoir un titre")
                    && wrong.text.contains("au moins deux entreprises"))
            let made = try await anne.post(
                client, "\(territory)/workshops",
                [
                    ("title", "Atelier verre"), ("date", "2027-02-04"), ("place", "CCI"), ("tables", "1"),
                    ("firm", "acme"),
                    ("firm", "bolt"),
                ])
            #expect(made.status == .seeOther)
            let page = try #require(made.headers[.location])
            let stored = try #require(try await fixture.store.workshops(territoryID: fixture.territory.id).first)
            #expect(stored.workshop.plan == [["acme", "bolt"]])
            #expect(try await anne.get(client, page).text.contains("1 liens mutuels"))

            let noted = try await anne.post(
                client, "\(page)/leads",
                [("supplier", "acme"), ("receiver", "bolt"), ("resource", "calcin"), ("note", "Essai en mars")])
            #expect(noted.text.contains("Piste 1 notée"))
            let lead = try #require(try await fixture.store.lead(id: 1)).lead
            #expect(lead.origin.kind == .workshop && lead.origin.workshop == stored.id)
            #expect(lead.resource == "material.glass.cullet")  // the ranked search read the words
            let same = try await anne.post(
                client, "\(page)/leads", [("supplier", "acme"), ("receiver", "acme"), ("resource", "x")])
            #expect(same.status == .unprocessableContent)

            let fiches = try await anne.get(client, "\(page)/fiches").text
            #expect(fiches.components(separatedBy: #"<section class="fiche">"#).count == 5)  // two firms, two fiches each
            #expect(fiches.contains("Fiche ressources : ce que je propose") && fiches.contains("Calcin"))
            #expect(fiches.contains("confidentiel"))  // Bolt's need is confidential
            let english = try await anne.get(client, "\(page)/fiches?lang=en").text
            #expect(english.contains("Needs sheet: what I need"))
            let blank = try await anne.get(client, "\(page)/fiches?blank=1").text
            #expect(blank.components(separatedBy: #"<section class="fiche">"#).count == 3)
            #expect(!blank.contains("Acme"))
            let summaries = try await anne.get(client, "\(page)/summaries").text
            #expect(summaries.contains("Acme Verrerie → Bolt Papeterie : calcin"))
        }
    }
}
