import Foundation
import Hummingbird
import SymbioseCore
import SymbioseEngine
import SymbioseReport
import SymbioseStore

/// `/api/v1`: JSON for other tools, with the CLI's schemas for profiles, recommendations and
/// plans (Docs/api/openapi.yaml).
struct APIRoutes: Sendable {
    let portal: Portal
    var access: Access { Access(portal: portal) }

    func add(to router: Router<PortalContext>) {
        let api = router.group("/api/v1")
        api.post("/session") { request, context in try await session(request, context) }
        api.get("/territories") { request, _ in
            let (_, user) = try await apiUser(request)
            let territories = try await portal.store.territories(visibleTo: user)
            return Self.json(.array(territories.map(Self.territory)))
        }
        api.post("/territories") { request, context in
            let (visit, user) = try await apiUser(request)
            try Gate.checkAPIWrite(request, visit: visit)
            let body = try await request.decode(as: NewTerritory.self, context: context)
            let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, name.count <= 200 else { throw HTTPError(.badRequest, message: "name is required") }
            let territory = try await portal.store.addTerritory(name: name, ownerID: user.id, at: portal.clock())
            return Self.json(Self.territory(territory), status: .created)
        }
        api.post("/territories/:id/invitations") { request, context in
            let (visit, _, territory) = try await apiTerritory(request, context)
            try Gate.checkAPIWrite(request, visit: visit)
            let body = try await request.decode(as: NewInvitation.self, context: context)
            let invited = try await Invitations(portal: portal).invite(
                territory: territory, name: body.company.name, companyID: body.company.id, email: body.email)
            return Self.json(
                .object([
                    ("id", .integer(Int(invited.invitation.id))),
                    ("link", .string(portal.invitationLink(token: invited.token))), ("token", .string(invited.token)),
                    ("expires", .string(Self.iso(invited.invitation.expiresAt))),
                ]), status: .created)
        }
        APIProfileRoutes(portal: portal).add(to: api)
        APILeadRoutes(portal: portal, api: self).add(to: api)
        addResults(to: api)
    }

    func addResults(to api: RouterGroup<PortalContext>) {
        api.get("/territories/:id/profiles") { request, context in
            let (_, _, territory) = try await apiTerritory(request, context)
            let firms = try await portal.store.firms(territoryID: territory.id)
            return Self.json(
                .array(
                    firms.map { firm in
                        var members: [(String, JSONOutput)] = [
                            ("company", .string(firm.companyID)), ("name", .string(firm.name)),
                            ("status", .string(firm.status.rawValue)), ("updated", .string(Self.iso(firm.updatedAt))),
                        ]
                        if let comment = firm.comment { members.append(("comment", .string(comment))) }
                        return .object(members)
                    }))
        }
        for (path, type, field) in Runs.stored {
            api.get("/territories/:id/\(path)") { request, context in
                let (_, _, territory) = try await apiTerritory(request, context)
                guard let run = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false) else {
                    throw HTTPError(.notFound, message: "no run yet: POST /api/v1/territories/{id}/runs")
                }
                return Response(
                    status: .ok, headers: [.contentType: type],
                    body: .init(byteBuffer: ByteBuffer(string: run.outputs[keyPath: field])))
            }
        }
        api.post("/territories/:id/runs") { request, context in
            let (visit, user, territory) = try await apiTerritory(request, context)
            try Gate.checkAPIWrite(request, visit: visit)
            let options = try await Self.runOptions(request, taxonomy: portal.engine.taxonomy)
            guard let run = try await Runs(portal: portal).run(territory, by: user, options: options, language: .en)
            else {
                throw HTTPError(.conflict, message: "no submitted profile yet: nothing to match")
            }
            return Self.json(
                .object([
                    ("id", .integer(Int(run.id))), ("profiles", .integer(run.profiles)),
                    ("ran", .string(Self.iso(run.ranAt))),
                ]), status: .created)
        }
    }

    /// The options of a run posted as JSON (every member optional); the defaults for an empty
    /// body. 422 with the problems when they cannot run.
    static func runOptions(_ request: Request, taxonomy: Taxonomy) async throws -> RunOptions {
        let body = try await request.body.collect(upTo: 2 * RunOptions.maximumFactorBytes)
        guard body.readableBytes > 0 else { return RunOptions() }
        let options: RunOptions
        do {
            options = try JSONDecoder().decode(RunOptions.self, from: Data(buffer: body))
        } catch {
            throw HTTPError(.unprocessableContent, message: "the body is not run options: \(Self.describe(error))")
        }
        if let problem = options.problems(taxonomy: taxonomy).first {
            throw HTTPError(.unprocessableContent, message: "\(problem.member): \(problem.text.en)")
        }
        return options
    }

    /// Where JSON decoding failed, without the decoder's internals.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "invalid JSON" }
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "invalid JSON" : "\(path): \(context.debugDescription)"
        @unknown default: return "invalid JSON"
        }
    }

    func session(_ request: Request, _ context: PortalContext) async throws -> Response {
        let body = try await request.decode(as: Credentials.self, context: context)
        switch try await Authenticator(portal: portal).check(email: body.email.lowercased(), password: body.password) {
        case .signedIn(let user):
            let opened = try await Gate(portal: portal).open(.user(user.id))
            var response = Self.json(
                .object([
                    ("token", .string(opened.token)), ("csrf", .string(opened.session.csrf)),
                    ("expires", .string(Self.iso(opened.session.expiresAt))), ("role", .string(user.role.rawValue)),
                ]), status: .created)
            response.setCookie(opened.cookie)
            return response
        case .refused: throw HTTPError(.unauthorized, message: "unknown address or wrong password")
        case .throttled: throw HTTPError(.tooManyRequests, message: "too many failed attempts: wait 15 minutes")
        }
    }

    func apiUser(_ request: Request) async throws -> (Visit, User) {
        guard let (visit, user) = try await access.user(request) else {
            throw HTTPError(.unauthorized, message: "sign in: POST /api/v1/session")
        }
        return (visit, user)
    }

    func apiTerritory(_ request: Request, _ context: PortalContext) async throws -> (Visit, User, Territory) {
        guard let found = try await access.territory(request, context) else {
            throw HTTPError(.unauthorized, message: "sign in: POST /api/v1/session")
        }
        return found
    }

    struct Credentials: Decodable {
        var email: String
        var password: String
    }
    struct NewTerritory: Decodable { var name: String }
    struct NewInvitation: Decodable {
        struct Company: Decodable {
            var id: String?
            var name: String
        }
        var company: Company
        var email: String?
    }

    static func territory(_ territory: Territory) -> JSONOutput {
        .object([
            ("id", .integer(Int(territory.id))), ("name", .string(territory.name)),
            ("created", .string(iso(territory.createdAt))),
        ])
    }

    static func json(_ value: JSONOutput, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: value.rendered() + "\n")))
    }

    static func iso(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// `text` as the inside of a JSON string.
    static func escaped(_ text: String) -> String {
        let rendered = JSONOutput.string(text).rendered()
        return String(rendered.dropFirst().dropLast())
    }
}
