import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

/// `/api/v1/territories/{id}/leads`: a territory's leads for other tools (`symbiose/leads@1`),
/// a lead opened on a synergy of the last run, and a lead moved — the same rules as the pages
/// and `symbiose leads`.
struct APILeadRoutes: Sendable {
    let portal: Portal
    let api: APIRoutes
    var desk: LeadDesk { LeadDesk(store: portal.store, taxonomy: portal.engine.taxonomy) }

    struct Opening: Decodable {
        var synergy: String
        var title: String?
    }

    struct Moving: Decodable {
        var status: LeadStatus
        /// `YYYY-MM-DD` or an ISO 8601 time; now when left out.
        var at: String?
        var note: String?
        var reason: AbandonReason?
        var realisation: Lead.Realisation?
        var nextAction: String?
        var due: String?
    }

    func add(to group: RouterGroup<PortalContext>) {
        group.get("/territories/:id/leads") { request, context in
            let (_, _, territory) = try await api.apiTerritory(request, context)
            var table = LeadTable(
                leads: try await portal.store.leads(territoryID: territory.id), today: Day(portal.clock()).text,
                language: .en)
            table.withContacts = request.uri.queryParameters["contacts"] == "true"
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: table.json)))
        }
        group.post("/territories/:id/leads") { request, context in
            let (visit, user, territory) = try await api.apiTerritory(request, context)
            try Gate.checkAPIWrite(request, visit: visit)
            let body = try await request.decode(as: Opening.self, context: context)
            do {
                let stored = try await desk.open(
                    synergy: body.synergy, territoryID: territory.id, title: body.title, author: user.email,
                    at: portal.clock(), language: .en)
                return Self.lead(stored, status: .created)
            } catch let refusal as LeadDesk.Refusal {
                throw HTTPError(.unprocessableContent, message: refusal.text.en)
            }
        }
        group.post("/territories/:id/leads/:lead/moves") { request, context in
            let (visit, user, territory) = try await api.apiTerritory(request, context)
            try Gate.checkAPIWrite(request, visit: visit)
            let body = try await request.decode(as: Moving.self, context: context)
            let id = context.parameters.get("lead").flatMap { Int64($0) } ?? 0
            let now = portal.clock()
            let move = Lead.Move(
                status: body.status, at: body.at.map { Day.moment($0, now: now) } ?? now, author: user.email,
                note: body.note,
                reason: body.reason, realisation: body.realisation)
            do {
                var stored = try await desk.move(id, territoryID: territory.id, move, at: now)
                if body.nextAction != nil || body.due != nil {
                    let read = stored.lead.history.count
                    stored.lead.nextAction = body.nextAction ?? stored.lead.nextAction
                    stored.lead.due = body.due.flatMap { Day($0)?.text } ?? stored.lead.due
                    try await portal.store.updateLead(id: id, stored.lead, readWith: read, at: now)
                }
                return Self.lead(stored, status: .ok)
            } catch let refusal as LeadDesk.Refusal {
                throw HTTPError(.unprocessableContent, message: refusal.text.en)
            } catch StoreError.leadChanged {
                throw HTTPError(.conflict, message: "the lead moved meanwhile: read it again")
            }
        }
    }

    static func lead(_ stored: StoredLead, status: HTTPResponse.Status) -> Response {
        let body = LeadTable.document(stored, withContacts: false) + "\n"
        return Response(
            status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
