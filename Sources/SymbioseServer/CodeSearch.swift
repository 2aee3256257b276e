import Foundation
import Hummingbird
import SymbioseCore

/// `/codes?q=…`: the taxonomy's ranked search (the same as `symbiose taxonomy --search`), for
/// firms and facilitators looking for the code of a stream, without JavaScript.
struct CodeSearch: Sendable {
    let portal: Portal
    let pages: Pages
    static let shown = 15

    func add(to router: Router<PortalContext>) {
        router.get("/codes") { request, _ -> Response in
            guard let visit = try await Gate(portal: portal).visit(request) else {
                throw HTTPError(.unauthorized, message: "Open your invitation link or sign in first.")
            }
            let page = PageState(request: request, csrf: visit.session?.csrf)
            let query = String((request.uri.queryParameters["q"].map(String.init) ?? "").prefix(200))
            let taxonomy = portal.engine.taxonomy
            let matches = query.isEmpty ? [] : Array(taxonomy.search(query, language: page.language).prefix(Self.shown))
            let rows: [[String: Any]] = matches.map { match in
                [
                    "code": match.code.rawValue, "label": taxonomy[match.code]?.label[page.language] ?? "",
                    "score": String(format: "%.2f", match.score),
                    "why": Set(match.reasons.map(\.text)).sorted().prefix(2).joined(separator: " · "),
                ]
            }
            var values: [String: Any] = [
                "query": query, "hasQuery": !query.isEmpty, "matches": rows, "hasMatches": !rows.isEmpty,
            ]
            if visit.invitation != nil { values["back"] = "/firm" }
            return pages.render(
                "codes", title: LocalizedText(en: "Find a resource code", fr: "Trouver un code de ressource"),
                values: values, page: page)
        }
    }
}
