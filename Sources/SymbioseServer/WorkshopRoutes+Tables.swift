import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

extension WorkshopRoutes {
    func addWorkshopRoutes(to router: Router<PortalContext>) {
        router.get("/territories/:id/workshops/:workshop") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            let stored = try await workshop(context, territory: territory)
            return try await page(PageState(request: request, csrf: visit.session?.csrf), territory, stored)
        }
        router.post("/territories/:id/workshops/:workshop/seat") { request, context -> Response in
            guard let (_, _, territory, _) = try await access.posted(request, context, limit: 4_096) else {
                return .redirect(to: "/login")
            }
            let stored = try await workshop(context, territory: territory)
            _ = try await desk.seat(stored, at: portal.clock())
            return .redirect(to: "/territories/\(territory.id)/workshops/\(stored.id)")
        }
        router.post("/territories/:id/workshops/:workshop/leads") { request, context -> Response in
            guard let (visit, user, territory, form) = try await access.posted(request, context, limit: 16_384) else {
                return .redirect(to: "/login")
            }
            let stored = try await workshop(context, territory: territory)
            var page = PageState(request: request, csrf: visit.session?.csrf)
            do {
                let lead = try await tableLead(form, workshop: stored, territory: territory, author: user.email)
                page.notice = LocalizedText(en: "Lead \(lead.id) noted.", fr: "Piste \(lead.id) notée.")[page.language]
                return try await self.page(page, territory, stored)
            } catch let refusal as LeadDesk.Refusal {
                return try await self.page(page, territory, stored, refusal: refusal.text[page.language])
            }
        }
    }

    /// A lead noted at a table: two firms of the workshop, a resource, a note.
    func tableLead(_ form: Form, workshop: StoredWorkshop, territory: Territory, author: String) async throws
        -> StoredLead
    {
        let chosen = [form["supplier"] ?? "", form["receiver"] ?? ""]
        guard chosen.allSatisfy(workshop.workshop.firms.contains) else {
            throw LeadDesk.Refusal(
                text: LocalizedText(en: "choose firms of the workshop", fr: "choisissez des entreprises de l'atelier"))
        }
        var entry = LeadDesk.ByHand(
            firms: chosen.map { ($0, nil) }, resource: form["resource"] ?? "",
            origin: Lead.Origin(kind: .workshop, workshop: workshop.id))
        entry.note = form["note"]
        return try await desk.open(entry, territoryID: territory.id, author: author, at: portal.clock())
    }

    func page(
        _ page: PageState, _ territory: Territory, _ stored: StoredWorkshop, refusal: String? = nil
    ) async throws -> Response {
        let firms = try await portal.store.firms(territoryID: territory.id)
        let names = Dictionary(firms.map { ($0.companyID, $0.name) }) { first, _ in first }
        let affinity = try await desk.affinity(territoryID: territory.id, firms: stored.workshop.firms)
        let tables: [[String: Any]] = (stored.workshop.plan ?? []).enumerated().map { index, members in
            [
                "number": index + 1, "links": TablePlan.worth([members], affinity: affinity),
                "firms": members.map { ["id": $0, "name": names[$0] ?? $0] },
            ]
        }
        var values: [String: Any] = [
            "territoryID": territory.id, "territoryName": territory.name, "id": stored.id,
            "title": stored.workshop.title, "date": stored.workshop.date, "place": stored.workshop.place,
            "tables": tables, "worth": TablePlan.worth(stored.workshop.plan ?? [], affinity: affinity),
        ]
        if let refusal { values["refusal"] = refusal }
        return pages.render(
            "workshop", title: LocalizedText(en: stored.workshop.title, fr: stored.workshop.title), values: values,
            page: page, status: refusal == nil ? .ok : .unprocessableContent)
    }
}
