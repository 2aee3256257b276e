import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFollowUp
import SymbioseReport
import SymbioseStore

/// The facilitator's follow-up pages: a territory's leads, one lead and its moves, the funnel,
/// and their downloads (`Docs/followup.md`).
struct FollowUpRoutes: Sendable {
    let portal: Portal
    let pages: Pages
    var access: Access { Access(portal: portal) }
    var desk: LeadDesk { LeadDesk(store: portal.store, taxonomy: portal.engine.taxonomy) }

    func add(to router: Router<PortalContext>) {
        router.get("/territories/:id/leads") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            let page = PageState(request: request, csrf: visit.session?.csrf)
            return pages.render(
                "leads", title: LocalizedText(en: "Leads", fr: "Pistes"),
                values: try await LeadPages(desk: desk).list(territory, language: page.language), page: page)
        }
        router.post("/territories/:id/leads") { request, context -> Response in
            guard let (_, user, territory, form) = try await access.posted(request, context, limit: 4_096) else {
                return .redirect(to: "/login")
            }
            do {
                let stored = try await desk.open(
                    synergy: form["synergy"] ?? "", territoryID: territory.id, title: nil, author: user.email,
                    at: portal.clock(), language: PageState(request: request, csrf: nil).language)
                return .redirect(to: "/territories/\(territory.id)/leads/\(stored.id)")
            } catch let refusal as LeadDesk.Refusal {
                throw HTTPError(.unprocessableContent, message: refusal.text.en)
            }
        }
        router.post("/territories/:id/leads/manual") { request, context -> Response in
            guard let (visit, user, territory, form) = try await access.posted(request, context, limit: 16_384) else {
                return .redirect(to: "/login")
            }
            let page = PageState(request: request, csrf: visit.session?.csrf)
            var entry = LeadDesk.ByHand(
                firms: [form["first"] ?? "", form["second"] ?? ""].map { ($0, nil) }, resource: form["resource"] ?? "",
                origin: Lead.Origin(kind: form["origin"].flatMap(Lead.Origin.Kind.init(rawValue:)) ?? .other))
            entry.kind = form["kind"] == "pooling" ? .pooling : .substitution
            entry.note = form["note"]
            do {
                let stored = try await desk.open(
                    entry, territoryID: territory.id, author: user.email, at: portal.clock(), language: page.language)
                return .redirect(to: "/territories/\(territory.id)/leads/\(stored.id)")
            } catch let refusal as LeadDesk.Refusal {
                var values = try await LeadPages(desk: desk).list(territory, language: page.language)
                values["refusal"] = refusal.text[page.language]
                return pages.render(
                    "leads", title: LocalizedText(en: "Leads", fr: "Pistes"), values: values, page: page,
                    status: .unprocessableContent)
            }
        }
        addLeadRoutes(to: router)
        addContactRoute(to: router)
        addDownloads(to: router)
    }

    func addLeadRoutes(to router: Router<PortalContext>) {
        router.get("/territories/:id/leads/:lead") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            return try await lead(request, visit: visit, territory: territory, id: context.parameters.get("lead"))
        }
        router.post("/territories/:id/leads/:lead/moves") { request, context -> Response in
            guard let (visit, user, territory, form) = try await access.posted(request, context, limit: 16_384) else {
                return .redirect(to: "/login")
            }
            let id = context.parameters.get("lead").flatMap { Int64($0) } ?? 0
            let move = LeadMoveForm(form).move(author: user.email, now: portal.clock())
            do {
                var stored = try await desk.move(id, territoryID: territory.id, move, at: portal.clock())
                let (next, due) = (form["nextAction"] ?? "", form["due"] ?? "")
                if next != (stored.lead.nextAction ?? "") || due != (stored.lead.due ?? "") {
                    let read = stored.lead.history.count
                    stored.lead.nextAction = next.isEmpty ? nil : String(next.prefix(500))
                    stored.lead.due = Day(due) == nil ? nil : due
                    try await portal.store.updateLead(id: id, stored.lead, readWith: read, at: portal.clock())
                }
                return .redirect(to: "/territories/\(territory.id)/leads/\(id)")
            } catch let refusal as LeadDesk.Refusal {
                return try await lead(
                    request, visit: visit, territory: territory, id: String(id), refusal: refusal.text,
                    status: .unprocessableContent)
            } catch StoreError.leadChanged {
                throw HTTPError(.conflict, message: "Someone moved this lead meanwhile: reload the page.")
            }
        }
    }

    func addContactRoute(to router: Router<PortalContext>) {
        router.post("/territories/:id/leads/:lead/contacts") { request, context -> Response in
            guard let (_, _, territory, form) = try await access.posted(request, context, limit: 16_384) else {
                return .redirect(to: "/login")
            }
            let id = context.parameters.get("lead").flatMap { Int64($0) } ?? 0
            guard var stored = try await portal.store.lead(id: id), stored.territoryID == territory.id else {
                throw HTTPError(.notFound, message: "No such lead.")
            }
            let read = stored.lead.history.count
            for index in stored.lead.parties.indices {
                let field = { (name: String) -> String? in
                    form["contact-\(index)-\(name)"].flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
                }
                let contact = Lead.Contact(name: field("name"), email: field("email"), phone: field("phone"))
                stored.lead.parties[index].contact =
                    contact.name == nil && contact.email == nil && contact.phone == nil ? nil : contact
            }
            try await portal.store.updateLead(id: id, stored.lead, readWith: read, at: portal.clock())
            return .redirect(to: "/territories/\(territory.id)/leads/\(id)")
        }
    }

    func lead(
        _ request: Request, visit: Visit, territory: Territory, id: String?, refusal: LocalizedText? = nil,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = PageState(request: request, csrf: visit.session?.csrf)
        guard let id = id.flatMap({ Int64($0) }), let stored = try await portal.store.lead(id: id),
            stored.territoryID == territory.id
        else { throw HTTPError(.notFound, message: "No such lead.") }
        var values = try await LeadPages(desk: desk).one(stored, territory: territory, language: page.language)
        if let refusal { values["refusal"] = refusal[page.language] }
        return pages.render(
            "lead", title: LocalizedText(en: stored.lead.title, fr: stored.lead.title), values: values, page: page,
            status: status)
    }
}
