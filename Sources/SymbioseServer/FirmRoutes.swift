import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFormats
import SymbioseStore

/// The firm's side: its own profile, from the invitation link, and nothing else.
struct FirmRoutes: Sendable {
    let portal: Portal
    let pages: Pages

    func add(to router: Router<PortalContext>) {
        router.get("/firm") { request, _ in
            let (visit, _, firm) = try await Access(portal: portal).firm(request)
            let page = PageState(request: request, csrf: visit.session?.csrf)
            let form = ProfileForm(
                profile: ProfileCheck.stored(firm.profile), companyID: firm.companyID, name: firm.name,
                language: page.language)
            let results = try await publishedRun(for: firm) != nil
            return render(form, firm: firm, page: page, blankRows: form.rows.isEmpty ? 3 : 1, results: results)
        }
        router.get("/firm/results") { request, _ -> Response in
            let (_, _, firm) = try await Access(portal: portal).firm(request)
            guard let run = try await publishedRun(for: firm) else {
                throw HTTPError(.notFound, message: "No results have been published for your firm yet.")
            }
            let language = PageState(request: request, csrf: nil).language
            let runner = TerritoryRun(engine: portal.engine, language: language)
            let title = try await portal.store.territory(id: firm.territoryID)?.name ?? ""
            let html = try await OffLoop.run {
                try runner.render(run, as: .html, company: CompanyID(firm.companyID), title: title)
            }
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: .init(byteBuffer: ByteBuffer(bytes: html)))
        }
        router.get("/firm/site-map.svg") { request, _ -> Response in
            _ = try await Access(portal: portal).firm(request)
            let query = request.uri.queryParameters
            guard
                let map = SiteMap(
                    lat: query["lat"].map(String.init), lon: query["lon"].map(String.init),
                    km: query["km"].map(String.init), mark: query["mark"].map(String.init))
            else { throw HTTPError(.badRequest, message: "This map frame is not valid.") }
            let language = PageState(request: request, csrf: nil).language
            let svg = try await OffLoop.run { map.svg(language: language) }
            return Response(
                status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "private, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: svg)))
        }
        router.post("/firm") { request, _ in
            let (visit, _, firm) = try await Access(portal: portal).firm(request)
            let form = try await Form.read(request, limit: portal.maximumBody)
            try Gate.checkForm(form, visit: visit)
            return try await save(form, firm: firm, visit: visit, request: request)
        }
    }

    /// The last published run of the firm's territory, when the firm took part in it.
    func publishedRun(for firm: Firm) async throws -> MatchRun? {
        guard let run = try await portal.store.latestRun(territoryID: firm.territoryID, publishedOnly: true) else {
            return nil
        }
        let matched = ProfileJSON.decode(Array(run.outputs.snapshot.utf8), file: "run", threads: 1).profiles
        return matched.contains { $0.profile.company.id.rawValue == firm.companyID } ? run : nil
    }

    func save(_ posted: Form, firm: Firm, visit: Visit, request: Request) async throws -> Response {
        var page = PageState(request: request, csrf: visit.session?.csrf)
        let form = ProfileForm(form: posted, companyID: firm.companyID)
        let action = posted["action"] ?? "save"
        guard firm.status.isEditableByFirm else {
            throw HTTPError(.conflict, message: "The profile was sent: ask your facilitator to return it to change it.")
        }
        if action == "add-row" { return render(form, firm: firm, page: page, blankRows: 1) }
        if let placed = Self.placed(posted, form: form, language: page.language) {
            page.notice =
                LocalizedText(
                    en: "Site placed at \(placed.lat), \(placed.lon): save the draft to keep it.",
                    fr: "Site placé en \(placed.lat), \(placed.lon) : enregistrez le brouillon pour le garder.")[
                    page.language]
            return render(placed, firm: firm, page: page, blankRows: 0)
        }
        if action == "suggest" {
            var suggested = form
            suggested.rows = form.rows.filter { !$0.isBlank }
            suggested.rows +=
                Suggestions(taxonomy: portal.engine.taxonomy).rows(for: form, language: page.language)?.rows ?? []
            return render(suggested, firm: firm, page: page, blankRows: 1)
        }
        let base = ProfileCheck.stored(firm.profile)
        let (json, layout) = form.document(base: base)
        let checked = ProfileCheck(engine: portal.engine).check(
            Array(json.utf8), file: "profile", format: .json, companyID: firm.companyID)
        guard checked.isValid, let document = checked.document, let invitation = visit.invitation else {
            return render(
                form, firm: firm, page: page, blankRows: 0, diagnostics: checked.diagnostics, layout: layout,
                status: .unprocessableContent)
        }
        let status: FirmStatus = action == "submit" ? .submitted : .draft
        try await portal.store.saveProfile(
            document, status: status, territoryID: firm.territoryID, companyID: firm.companyID,
            author: .invitation(invitation.id), at: portal.clock())
        var saved = firm
        saved.status = status
        saved.profile = document
        page.notice =
            (status == .submitted
            ? LocalizedText(en: "Profile sent to your facilitator.", fr: "Profil transmis à votre animateur.")
            : LocalizedText(en: "Draft saved.", fr: "Brouillon enregistré."))[page.language]
        let stored = ProfileForm(
            profile: ProfileCheck.stored(document), companyID: firm.companyID, name: firm.name, language: page.language)
        return render(
            stored, firm: saved, page: page, blankRows: status == .submitted ? 0 : 1,
            diagnostics: checked.diagnostics, layout: ProfileForm.Layout(rowsOf: stored))
    }

    /// The form with its site where the map was clicked; `nil` when the map was not clicked.
    /// A click at (0, 0) is what a browser sends when Enter submits the form through its first
    /// button — the map — so it is read as no click.
    static func placed(_ posted: Form, form: ProfileForm, language: Language) -> ProfileForm? {
        guard let x = posted["map.x"].flatMap(Double.init), let y = posted["map.y"].flatMap(Double.init),
            x != 0 || y != 0,
            let frame = SiteMap(lat: posted["map-lat"], lon: posted["map-lon"], km: posted["map-km"])
        else { return nil }
        let point = frame.point(x: min(max(x, 0), SiteMap.size), y: min(max(y, 0), SiteMap.size))
        var placed = form
        placed.lat = ProfileForm.number(point.latitude, language)
        placed.lon = ProfileForm.number(point.longitude, language)
        return placed
    }

    func render(
        _ form: ProfileForm, firm: Firm, page: PageState, blankRows: Int, diagnostics: [Diagnostic] = [],
        layout: ProfileForm.Layout = .init(), status: HTTPResponse.Status = .ok, results: Bool = false
    ) -> Response {
        let view = ProfileView(
            form: form, diagnostics: diagnostics, layout: layout, language: page.language,
            editable: firm.status.isEditableByFirm, taxonomy: portal.engine.taxonomy)
        var values = view.values(blankRows: blankRows)
        if firm.status == .returned, let comment = firm.comment { values["returnedComment"] = comment }
        values["submitted"] = firm.status == .submitted
        let suggestions = Suggestions(taxonomy: portal.engine.taxonomy)
        if firm.status.isEditableByFirm, let found = suggestions.rows(for: form, language: page.language) {
            values["suggestions"] = [
                "activity": found.activity, "flows": suggestions.listed(found.rows, language: page.language),
            ]
        }
        values["results"] = results
        if firm.status.isEditableByFirm, let map = SiteMap(form: form) {
            values["siteMap"] = [
                "src": "/firm/site-map.svg?" + map.query, "mapLat": NumberText.plain(map.centre.latitude),
                "mapLon": NumberText.plain(map.centre.longitude), "mapKm": NumberText.plain(map.halfSideKm),
            ]
        }
        return pages.render(
            "profile", title: LocalizedText(en: "Profile of \(firm.name)", fr: "Profil de \(firm.name)"),
            values: values, page: page, status: status)
    }
}

extension ProfileForm.Layout {
    /// The layout of a form read back from its document: outputs first, then inputs.
    init(rowsOf form: ProfileForm) {
        self.init()
        for (index, row) in form.rows.enumerated() {
            if row.direction == "input" { inputRows.append(index) } else { outputRows.append(index) }
        }
    }
}

extension Access {
    /// The firm of the visitor's invitation; 401 for anyone else (an account has no firm page).
    func firm(_ request: Request) async throws -> (Visit, Invitation, Firm) {
        guard let visit = try await Gate(portal: portal).visit(request), let invitation = visit.invitation,
            let firm = try await portal.store.firm(territoryID: invitation.territoryID, companyID: invitation.companyID)
        else {
            throw HTTPError(
                .unauthorized, message: "Open the invitation link you received: it gives access to your profile.")
        }
        return (visit, invitation, firm)
    }
}
