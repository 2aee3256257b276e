import Foundation
import Hummingbird
import SymbioseCore
import SymbioseEngine
import SymbioseStore

/// The facilitator's pages: territories, their firms and invitations, runs and results.
struct TerritoryRoutes: Sendable {
    let portal: Portal
    let pages: Pages
    var gate: Gate { Gate(portal: portal) }
    var access: Access { Access(portal: portal) }

    func add(to router: Router<PortalContext>) {
        router.get("/territories") { request, _ -> Response in
            guard let (visit, user) = try await access.user(request) else { return .redirect(to: "/login") }
            return try await list(request, visit: visit, user: user, status: .ok)
        }
        router.post("/territories") { request, _ -> Response in
            guard let (visit, user) = try await access.user(request) else { return .redirect(to: "/login") }
            let form = try await Form.read(request, limit: 16_384)
            try Gate.checkForm(form, visit: visit)
            let name = form["name"] ?? ""
            guard !name.isEmpty, name.count <= 200 else { throw HTTPError(.badRequest, message: "A name is needed.") }
            let territory = try await portal.store.addTerritory(name: name, ownerID: user.id, at: portal.clock())
            return .redirect(to: "/territories/\(territory.id)")
        }
        router.get("/territories/:id") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            return try await TerritoryPage(portal: portal, pages: pages).render(
                request, visit: visit, territory: territory)
        }
        addInvitationRoutes(to: router)
        addRunRoutes(to: router)
    }

    func list(_ request: Request, visit: Visit, user: User, status: HTTPResponse.Status) async throws -> Response {
        let page = PageState(request: request, csrf: visit.session?.csrf)
        var rows: [[String: Any]] = []
        for territory in try await portal.store.territories(visibleTo: user) {
            let firms = try await portal.store.firms(territoryID: territory.id)
            rows.append(["id": territory.id, "name": territory.name, "firms": firms.count])
        }
        return pages.render(
            "territories", title: LocalizedText(en: "Territories", fr: "Territoires"),
            values: ["territories": rows, "hasTerritories": !rows.isEmpty],
            page: page, status: status)
    }

    func addInvitationRoutes(to router: Router<PortalContext>) {
        router.post("/territories/:id/invitations") { request, context -> Response in
            guard let (visit, _, territory, form) = try await access.posted(request, context, limit: 16_384) else {
                return .redirect(to: "/login")
            }
            let invited = try await Invitations(portal: portal).invite(
                territory: territory, name: form["name"] ?? "", companyID: form["company"], email: form["email"])
            return try await TerritoryPage(portal: portal, pages: pages).render(
                request, visit: visit, territory: territory,
                newLink: (invited.firm.name, portal.invitationLink(token: invited.token)))
        }
        router.post("/territories/:id/invitations/:invitation/revoke") { request, context -> Response in
            guard let (_, _, territory, _) = try await access.posted(request, context, limit: 4_096) else {
                return .redirect(to: "/login")
            }
            let id = try context.parameters.require("invitation", as: Int64.self)
            guard let invitation = try await portal.store.invitation(id: id), invitation.territoryID == territory.id
            else { throw HTTPError(.notFound) }
            try await portal.store.revokeInvitation(id: id, at: portal.clock())
            return .redirect(to: "/territories/\(territory.id)")
        }
    }

    func addRunRoutes(to router: Router<PortalContext>) {
        router.post("/territories/:id/runs") { request, context -> Response in
            let limit = RunOptions.maximumFactorBytes + 65_536
            guard let (visit, user, territory, form) = try await access.posted(request, context, limit: limit) else {
                return .redirect(to: "/login")
            }
            let language = PageState(request: request, csrf: nil).language
            let previous = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false)
            let options = RunOptionsForm(
                posted: form, previous: previous.flatMap { RunOptions(json: $0.outputs.options) },
                taxonomy: portal.engine.taxonomy)
            guard options.problems.isEmpty else {
                return try await TerritoryPage(portal: portal, pages: pages).render(
                    request, visit: visit, territory: territory, runForm: options, status: .unprocessableContent)
            }
            let run = try await Runs(portal: portal).run(
                territory, by: user, options: options.options, language: language)
            guard run != nil else {
                throw HTTPError(.conflict, message: "No submitted profile yet: nothing to match.")
            }
            return .redirect(to: "/territories/\(territory.id)")
        }
        router.post("/territories/:id/runs/:run/publish") { request, context -> Response in
            guard let (_, _, territory, _) = try await access.posted(request, context, limit: 4_096) else {
                return .redirect(to: "/login")
            }
            let id = try context.parameters.require("run", as: Int64.self)
            guard let run = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false),
                run.id == id
            else { throw HTTPError(.notFound) }
            try await portal.store.publishRun(id: id)
            return .redirect(to: "/territories/\(territory.id)")
        }
        for (path, type, _) in Runs.downloads {
            router.get("/territories/:id/\(path)") { request, context -> Response in
                guard let (_, _, territory) = try await access.territory(request, context) else {
                    return .redirect(to: "/login")
                }
                guard let run = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false) else {
                    throw HTTPError(.notFound, message: "No run yet.")
                }
                let language = PageState(request: request, csrf: nil).language
                let body = try await Runs(portal: portal).download(
                    path, of: run, territory: territory, language: language)
                var headers: HTTPFields = [.contentType: type, .cacheControl: "no-store"]
                if path.contains(".") {
                    let name = Invitations.identifier(for: territory.name) + "-" + path
                    headers[.contentDisposition] = "attachment; filename=\"\(name)\""
                }
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body ?? [])))
            }
        }
    }
}

/// Who may see what: a facilitator their own territories, an administrator every one.
struct Access: Sendable {
    let portal: Portal

    /// The signed-in account, `nil` when nobody is (the page then sends to the sign-in form);
    /// a firm's session is refused.
    func user(_ request: Request) async throws -> (Visit, User)? {
        guard let visit = try await Gate(portal: portal).visit(request) else { return nil }
        guard let user = visit.user else { throw HTTPError(.forbidden, message: "This page is for facilitators.") }
        return (visit, user)
    }

    /// The territory of the route's `id`, when the account may see it; 404 otherwise, so that
    /// another facilitator's territories are not even confirmed to exist.
    func territory(_ request: Request, _ context: PortalContext) async throws -> (Visit, User, Territory)? {
        guard let (visit, user) = try await self.user(request) else { return nil }
        let id = try context.parameters.require("id", as: Int64.self)
        guard let territory = try await portal.store.territory(id: id), Self.may(user, see: territory) else {
            throw HTTPError(.notFound)
        }
        return (visit, user, territory)
    }

    /// A form posted to a territory's page: the territory as ``territory(_:_:)`` gives it, and
    /// the form once its CSRF token is checked.
    func posted(_ request: Request, _ context: PortalContext, limit: Int) async throws
        -> (Visit, User, Territory, Form)?
    {
        guard let (visit, user, territory) = try await self.territory(request, context) else { return nil }
        let form = try await Form.read(request, limit: limit)
        try Gate.checkForm(form, visit: visit)
        return (visit, user, territory, form)
    }

    static func may(_ user: User, see territory: Territory) -> Bool {
        user.role == .admin || territory.ownerID == user.id
    }
}
