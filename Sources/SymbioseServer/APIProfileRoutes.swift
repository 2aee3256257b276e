import Foundation
import Hummingbird
import SymbioseCore
import SymbioseEngine
import SymbioseReport
import SymbioseStore

/// `/api/v1/profile`: a firm's own profile, with its invitation token as bearer.
struct APIProfileRoutes: Sendable {
    let portal: Portal

    func add(to api: RouterGroup<PortalContext>) {
        api.get("/profile") { request, _ in
            let (_, _, firm) = try await Access(portal: portal).firm(request)
            guard let profile = firm.profile else { throw HTTPError(.notFound, message: "no profile saved yet") }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(string: profile + "\n")))
        }
        api.put("/profile") { request, _ in
            let (visit, invitation, firm) = try await Access(portal: portal).firm(request)
            try Gate.checkAPIWrite(request, visit: visit)
            guard firm.status.isEditableByFirm else {
                throw HTTPError(.conflict, message: "the profile was submitted: ask the facilitator to return it")
            }
            let body = try await request.body.collect(upTo: portal.maximumBody)
            let format = Self.format(request.headers[.contentType])
            let checked = ProfileCheck(engine: portal.engine).check(
                Array(buffer: body), file: "profile", format: format, companyID: firm.companyID)
            guard checked.isValid, let document = checked.document else {
                return Response(
                    status: .unprocessableContent, headers: [.contentType: "application/json"],
                    body: .init(byteBuffer: ByteBuffer(string: DiagnosticsRenderer.json(checked.diagnostics))))
            }
            try await portal.store.saveProfile(
                document, status: .draft, territoryID: firm.territoryID, companyID: firm.companyID,
                author: .invitation(invitation.id), at: portal.clock())
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(string: DiagnosticsRenderer.json(checked.diagnostics))))
        }
        api.post("/profile/submit") { request, _ in
            let (visit, _, firm) = try await Access(portal: portal).firm(request)
            try Gate.checkAPIWrite(request, visit: visit)
            guard firm.profile != nil else { throw HTTPError(.conflict, message: "no profile saved yet") }
            guard firm.status.isEditableByFirm else { throw HTTPError(.conflict, message: "already submitted") }
            try await portal.store.setStatus(
                .submitted, comment: nil, territoryID: firm.territoryID, companyID: firm.companyID, at: portal.clock())
            return APIRoutes.json(.object([("status", .string(FirmStatus.submitted.rawValue))]))
        }
    }

    /// The reader a body's media type asks for; JSON when none is given.
    static func format(_ contentType: String?) -> ProfileLoader.Format? {
        let type = (contentType ?? "application/json").split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
        switch type.lowercased() {
        case "application/xml", "text/xml": return .xml
        case "text/csv": return .csv
        case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": return .xlsx
        default: return .json
        }
    }
}
