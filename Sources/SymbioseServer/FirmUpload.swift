import Foundation
import Hummingbird
import MultipartKit
import SymbioseCore
import SymbioseEngine
import SymbioseStore

/// A profile file sent from the firm's page instead of the form: XML, JSON, CSV or `.xlsx`,
/// read by the command line's hardened readers with the upload limits.
struct FirmUpload: Sendable {
    let portal: Portal
    let pages: Pages

    /// The parts of a `multipart/form-data` body, read as bytes (a workbook is binary).
    struct Body {
        struct Part {
            var disposition = ""
            var body = ByteBuffer()

            func parameter(_ name: String) -> String? {
                guard let range = disposition.range(of: "\(name)=\"") else { return nil }
                return String(disposition[range.upperBound...].prefix { $0 != "\"" })
            }
        }
        var parts: [Part] = []

        func part(named name: String) -> Part? { parts.first { $0.parameter("name") == name } }
        var csrf: String { part(named: "csrf").map { String(buffer: $0.body) } ?? "" }
    }

    func add(to router: Router<PortalContext>) {
        router.post("/firm/upload") { request, _ -> Response in
            let (visit, invitation, firm) = try await Access(portal: portal).firm(request)
            let body = try await Self.decode(request, limit: portal.maximumBody)
            try Gate.checkFormToken(body.csrf, visit: visit)
            guard firm.status.isEditableByFirm else {
                throw HTTPError(
                    .conflict, message: "The profile was sent: ask your facilitator to return it to change it.")
            }
            guard let file = body.part(named: "file"), file.body.readableBytes > 0 else {
                throw HTTPError(.badRequest, message: "Choose a file to send.")
            }
            return try await store(file, firm: firm, invitation: invitation, visit: visit, request: request)
        }
    }

    static func decode(_ request: Request, limit: Int) async throws -> Body {
        let type = request.headers[.contentType] ?? ""
        guard type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = type.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.hasPrefix("boundary=") })?.dropFirst("boundary=".count)
        else { throw HTTPError(.badRequest, message: "Send the file with the page's form.") }
        let buffer = try await request.body.collect(upTo: limit)
        var body = Body()
        var current = Body.Part()
        let parser = MultipartParser(boundary: String(boundary.trimmingCharacters(in: ["\""])))
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" { current.disposition = value }
        }
        parser.onBody = { chunk in current.body.writeBuffer(&chunk) }
        parser.onPartComplete = {
            body.parts.append(current)
            current = Body.Part()
        }
        do {
            try parser.execute(buffer)
        } catch {
            throw HTTPError(.badRequest, message: "The form could not be read: send the file again.")
        }
        return body
    }

    func store(_ part: Body.Part, firm: Firm, invitation: Invitation, visit: Visit, request: Request)
        async throws -> Response
    {
        var page = PageState(request: request, csrf: visit.session?.csrf)
        let name = part.parameter("filename")?.split(separator: "/").last.map(String.init) ?? "profile"
        let format = ProfileLoader.Format(pathExtension: (name as NSString).pathExtension.lowercased())
        let checked = ProfileCheck(engine: portal.engine).check(
            Array(buffer: part.body), file: name, format: format, companyID: firm.companyID)
        let routes = FirmRoutes(portal: portal, pages: pages)
        guard checked.isValid, let document = checked.document else {
            let form = ProfileForm(
                profile: ProfileCheck.stored(firm.profile), companyID: firm.companyID, name: firm.name,
                language: page.language)
            return routes.render(
                form, firm: firm, page: page, blankRows: 0, diagnostics: checked.diagnostics.map(Self.unplaced),
                status: .unprocessableContent)
        }
        try await portal.store.saveProfile(
            document, status: .draft, territoryID: firm.territoryID, companyID: firm.companyID,
            author: .invitation(invitation.id), at: portal.clock())
        var saved = firm
        saved.status = .draft
        page.notice =
            LocalizedText(
                en: "File read and saved as a draft: check it below, then send it.",
                fr: "Fichier lu et enregistré en brouillon : vérifiez-le ci-dessous, puis transmettez-le.")[
                page.language]
        let form = ProfileForm(
            profile: ProfileCheck.stored(document), companyID: firm.companyID, name: firm.name, language: page.language)
        return routes.render(form, firm: saved, page: page, blankRows: 0)
    }

    /// A diagnostic of the file, shown above the form with its place in the file (its path
    /// refers to the file, not to the form's rows).
    static func unplaced(_ diagnostic: Diagnostic) -> Diagnostic {
        var shown = diagnostic
        if let location = diagnostic.location {
            let prefix = location.prefix + (location.path.map { " \($0)" } ?? "") + ":"
            shown.text = LocalizedText(en: "\(prefix) \(diagnostic.text.en)", fr: "\(prefix) \(diagnostic.text.fr)")
            shown.location = nil
        }
        return shown
    }
}
