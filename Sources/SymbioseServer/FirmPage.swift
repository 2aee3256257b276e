import Foundation
import Hummingbird
import SymbioseCore
import SymbioseStore

/// The facilitator's page of one firm: its profile, its history, and the decision on it
/// (accept it for matching, or return it with a comment).
struct FirmPage: Sendable {
    let portal: Portal
    let pages: Pages

    func add(to router: Router<PortalContext>) {
        let access = Access(portal: portal)
        router.get("/territories/:id/firms/:company") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            let firm = try await self.firm(territory, context)
            return try await render(request, visit: visit, territory: territory, firm: firm)
        }
        router.get("/territories/:id/firms/:company/profile.json") { request, context -> Response in
            guard let (_, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            guard let profile = try await self.firm(territory, context).profile else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: profile + "\n")))
        }
        router.post("/territories/:id/firms/:company/status") { request, context -> Response in
            guard let (_, _, territory, form) = try await access.posted(request, context, limit: 8_192) else {
                return .redirect(to: "/login")
            }
            let firm = try await self.firm(territory, context)
            try await decide(form, firm: firm)
            return .redirect(to: "/territories/\(territory.id)/firms/\(firm.companyID)")
        }
    }

    func firm(_ territory: Territory, _ context: PortalContext) async throws -> Firm {
        let company = context.parameters.get("company") ?? ""
        guard let firm = try await portal.store.firm(territoryID: territory.id, companyID: company) else {
            throw HTTPError(.notFound)
        }
        return firm
    }

    /// Accepts a sent profile, or returns it to the firm with a comment (which it then sees).
    func decide(_ form: Form, firm: Firm) async throws {
        let comment = form["comment"].flatMap { $0.isEmpty ? nil : String($0.prefix(1_000)) }
        switch form["action"] {
        case "accept" where firm.status == .submitted:
            try await portal.store.setStatus(
                .accepted, comment: nil, territoryID: firm.territoryID, companyID: firm.companyID, at: portal.clock())
        case "return" where firm.status == .submitted || firm.status == .accepted:
            guard let comment else { throw HTTPError(.badRequest, message: "Say what the firm should change.") }
            try await portal.store.setStatus(
                .returned, comment: comment, territoryID: firm.territoryID, companyID: firm.companyID,
                at: portal.clock())
        default:
            throw HTTPError(.conflict, message: "This profile cannot be \(form["action"] ?? "changed") now.")
        }
    }

    func render(_ request: Request, visit: Visit, territory: Territory, firm: Firm) async throws -> Response {
        let page = PageState(request: request, csrf: visit.session?.csrf)
        let checked = firm.profile.map {
            ProfileCheck(engine: portal.engine).check(
                Array($0.utf8), file: firm.companyID, format: .json, companyID: firm.companyID)
        }
        let flows = (checked?.profile?.flows ?? []).map { flowValues($0, language: page.language) }
        var revisions: [[String: Any]] = []
        for revision in try await portal.store.revisions(territoryID: territory.id, companyID: firm.companyID) {
            revisions.append([
                "at": TerritoryPage.stamp(revision.at), "author": try await author(revision.author, page: page),
                "statusLabel": PortalWords.status(revision.status.rawValue, page.language),
            ])
        }
        var values: [String: Any] = [
            "territoryID": territory.id, "territoryName": territory.name, "companyID": firm.companyID,
            "status": firm.status.rawValue, "statusLabel": PortalWords.status(firm.status.rawValue, page.language),
            "flows": flows, "hasFlows": !flows.isEmpty, "revisions": revisions,
            "canDecide": firm.status == .submitted || firm.status == .accepted,
            "canAccept": firm.status == .submitted,
        ]
        if let comment = firm.comment { values["comment"] = comment }
        if let site = checked?.profile?.site {
            let place = [site.address, [site.postcode, site.commune].compactMap { $0 }.joined(separator: " ")]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
            if !place.isEmpty { values["site"] = place }
        }
        if let checked {
            values["hasFindings"] = !checked.diagnostics.isEmpty
            values["findings"] = checked.diagnostics.map { diagnostic in
                [
                    "code": diagnostic.code.rawValue, "text": diagnostic.text[page.language],
                    "severity": diagnostic.severity.rawValue,
                ]
            }
        }
        return pages.render(
            "firm", title: LocalizedText(en: firm.name, fr: firm.name), values: values, page: page)
    }

    func author(_ author: Author, page: PageState) async throws -> String {
        switch author {
        case .user(let id): return try await portal.store.user(id: id)?.email ?? "—"
        case .invitation:
            return page.language == .fr ? "l'entreprise (lien d'invitation)" : "the firm (invitation link)"
        }
    }

    func flowValues(_ flow: Flow, language: Language) -> [String: Any] {
        let taxonomy = portal.engine.taxonomy
        var quantity = ""
        if let amount = flow.quantity {
            quantity = "\(NumberText.plain(amount.value)) \(amount.unit.rawValue)"
            if let period = amount.period { quantity += " / " + PortalWords.period(period.rawValue, language) }
        }
        var months = ""
        if case .seasonal(let list) = flow.availability { months = list.map(String.init).joined(separator: " ") }
        return [
            "direction": flow.direction == .output
                ? (language == .fr ? "rejet, offre" : "release, offer") : (language == .fr ? "besoin" : "need"),
            "code": flow.resource.rawValue,
            "label": taxonomy[flow.resource]?.label[language] ?? flow.resourceText ?? "",
            "quantity": quantity, "months": months, "confidential": flow.confidential,
            "temperature": flow.quality.temperature.map { "\(NumberText.plain($0)) °C" } ?? "",
        ]
    }
}
