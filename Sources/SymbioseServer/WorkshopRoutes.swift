import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

/// A territory's workshops: create one, seat its firms, enter leads per table during it, and
/// print its fiches and, after it, each firm's summary (`Docs/followup.md`).
struct WorkshopRoutes: Sendable {
    let portal: Portal
    let pages: Pages
    var access: Access { Access(portal: portal) }
    var desk: LeadDesk { LeadDesk(store: portal.store, taxonomy: portal.engine.taxonomy) }

    func add(to router: Router<PortalContext>) {
        router.get("/territories/:id/workshops") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            return try await list(PageState(request: request, csrf: visit.session?.csrf), territory: territory)
        }
        router.post("/territories/:id/workshops") { request, context -> Response in
            guard let (visit, _, territory, form) = try await access.posted(request, context, limit: 65_536) else {
                return .redirect(to: "/login")
            }
            let workshop = Workshop(
                title: String((form["title"] ?? "").prefix(200)), date: form["date"] ?? "",
                place: String((form["place"] ?? "").prefix(200)), tables: Int(form["tables"] ?? "") ?? 0,
                firms: form.fields.filter { $0.name == "firm" }.map(\.value))
            let page = PageState(request: request, csrf: visit.session?.csrf)
            guard workshop.problems.isEmpty else {
                return try await list(
                    page, territory: territory, problems: workshop.problems.map { $0.text[page.language] })
            }
            let stored = try await portal.store.addWorkshop(workshop, territoryID: territory.id, at: portal.clock())
            _ = try await desk.seat(stored, at: portal.clock())
            return .redirect(to: "/territories/\(territory.id)/workshops/\(stored.id)")
        }
        addWorkshopRoutes(to: router)
        addPrintRoutes(to: router)
    }

    func list(_ page: PageState, territory: Territory, problems: [String] = []) async throws -> Response {
        let firms = try await portal.store.firms(territoryID: territory.id)
        let values: [String: Any] = [
            "territoryID": territory.id, "territoryName": territory.name,
            "workshops": try await portal.store.workshops(territoryID: territory.id).map {
                ["id": $0.id, "title": $0.workshop.title, "date": $0.workshop.date, "place": $0.workshop.place]
            },
            "firms": firms.map { ["id": $0.companyID, "name": $0.name, "checked": $0.status.isMatched] },
            "problems": problems, "hasProblems": !problems.isEmpty,
        ]
        return pages.render(
            "workshops", title: LocalizedText(en: "Workshops", fr: "Ateliers"), values: values, page: page,
            status: problems.isEmpty ? .ok : .unprocessableContent)
    }

    /// The workshop of the path, in the territory of the path.
    func workshop(_ context: PortalContext, territory: Territory) async throws -> StoredWorkshop {
        guard let id = context.parameters.get("workshop").flatMap({ Int64($0) }),
            let stored = try await portal.store.workshop(id: id), stored.territoryID == territory.id
        else { throw HTTPError(.notFound, message: "No such workshop.") }
        return stored
    }
}
