import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

extension WorkshopRoutes {
    /// The fiches (pre-filled, or blank with `?blank=1`) and the summaries, as pages made to
    /// print on A4.
    func addPrintRoutes(to router: Router<PortalContext>) {
        router.get("/territories/:id/workshops/:workshop/fiches") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            let stored = try await workshop(context, territory: territory)
            let page = PageState(request: request, csrf: visit.session?.csrf)
            let print = WorkshopPrint(taxonomy: portal.engine.taxonomy, language: page.language)
            var firms: [(name: String, profile: Profile?)] = []
            if request.uri.queryParameters["blank"] == nil {
                for company in stored.workshop.firms {
                    let firm = try await portal.store.firm(territoryID: territory.id, companyID: company)
                    firms.append((firm?.name ?? company, ProfileCheck.stored(firm?.profile)))
                }
            }
            return pages.render(
                "fiches", title: LocalizedText(en: stored.workshop.title, fr: stored.workshop.title),
                values: ["fiches": print.fiches(stored.workshop, firms: firms)],
                page: page)
        }
        router.get("/territories/:id/workshops/:workshop/summaries") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            let stored = try await workshop(context, territory: territory)
            let page = PageState(request: request, csrf: visit.session?.csrf)
            let names = Dictionary(
                try await portal.store.firms(territoryID: territory.id).map { ($0.companyID, $0.name) }
            ) { first, _ in first }
            let leads = try await portal.store.leads(territoryID: territory.id)
            let print = WorkshopPrint(taxonomy: portal.engine.taxonomy, language: page.language)
            return pages.render(
                "summaries", title: LocalizedText(en: stored.workshop.title, fr: stored.workshop.title),
                values: ["pages": print.summaries(stored.workshop, names: names, leads: leads)], page: page)
        }
    }
}
