import Foundation
import Hummingbird
import SymbioseCore
import SymbioseStore

/// `/territories/{id}/synergies`: the last run's synergies in the browser, filtered by kind,
/// category, firm and score, read from the recommendations the run stored.
struct SynergyBrowser: Sendable {
    let portal: Portal
    let pages: Pages
    static let shown = 300

    struct Filter {
        var kind = ""
        var category = ""
        var company = ""
        var minimum = 0.0

        init(_ request: Request) {
            let query = request.uri.queryParameters
            kind = query["kind"].map(String.init) ?? ""
            category = query["category"].map(String.init) ?? ""
            company = query["company"].map(String.init) ?? ""
            minimum = query["min"].flatMap { NumberText.parse(String($0)) } ?? 0
        }

        func keeps(_ synergy: [String: Any]) -> Bool {
            if !kind.isEmpty && synergy["kind"] as? String != kind { return false }
            if !category.isEmpty && synergy["category"] as? String != category { return false }
            if (synergy["score"] as? Double ?? 0) < minimum { return false }
            return company.isEmpty || SynergyBrowser.companies(of: synergy).contains { $0.id == company }
        }
    }

    func add(to router: Router<PortalContext>) {
        router.get("/territories/:id/synergies") { request, context -> Response in
            guard let (visit, _, territory) = try await Access(portal: portal).territory(request, context) else {
                return .redirect(to: "/login")
            }
            guard let run = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false) else {
                throw HTTPError(.notFound, message: "No run yet.")
            }
            let page = PageState(request: request, csrf: visit.session?.csrf)
            let filter = Filter(request)
            let synergies = Self.synergies(of: run)
            let kept = synergies.filter(filter.keeps)
            var values = values(run, territory: territory, synergies: synergies, kept: kept, filter: filter, page: page)
            let ids = Set(kept.compactMap { $0["id"] as? String })
            let runner = TerritoryRun(engine: portal.engine, language: page.language)
            values["map"] = try await OffLoop.run { runner.map(run, keeping: ids) }
            return pages.render(
                "synergies", title: LocalizedText(en: "Synergies", fr: "Synergies"), values: values, page: page)
        }
    }

    func values(
        _ run: MatchRun, territory: Territory, synergies: [[String: Any]], kept: [[String: Any]], filter: Filter,
        page: PageState
    ) -> [String: Any] {
        let taxonomy = portal.engine.taxonomy
        let firms = Dictionary(synergies.flatMap(Self.companies).map { ($0.id, $0.name) }) { first, _ in first }
        return [
            "territoryID": territory.id, "territoryName": territory.name, "ranAt": TerritoryPage.stamp(run.ranAt),
            "total": synergies.count, "shown": min(kept.count, Self.shown),
            "rows": kept.prefix(Self.shown).map { row($0, taxonomy: taxonomy, language: page.language) },
            "min": filter.minimum == 0 ? "" : NumberText.plain(filter.minimum),
            "kinds": options(
                [
                    ("", "toutes", "all"), ("substitution", "substitutions", "substitutions"),
                    ("pooling", "mutualisations", "pooling"),
                ],
                selected: filter.kind, page.language),
            "categories": options(
                [("", "toutes", "all")]
                    + ResourceCategory.allCases.map { ($0.rawValue, $0.rawValue, $0.rawValue) },
                selected: filter.category, page.language),
            "companies": options(
                [("", "toutes", "all")] + firms.sorted { $0.value < $1.value }.map { ($0.key, $0.value, $0.value) },
                selected: filter.company, page.language),
        ]
    }

    func row(_ synergy: [String: Any], taxonomy: Taxonomy, language: Language) -> [String: Any] {
        let code = synergy["resource"] as? String ?? ""
        let pooling = synergy["kind"] as? String == "pooling"
        let names = Self.companies(of: synergy).map(\.name)
        let km = (pooling ? synergy["spreadKm"] : synergy["distanceKm"]) as? Double
        return [
            "rank": synergy["rank"] as? Int ?? 0, "score": String(format: "%.2f", synergy["score"] as? Double ?? 0),
            "resource": taxonomy[ResourceCode(code)]?.label[language] ?? code,
            "kind": pooling
                ? (language == .fr ? "mutualisation" : "pooling") : (language == .fr ? "substitution" : "substitution"),
            "who": pooling ? names.joined(separator: ", ") : names.joined(separator: " → "),
            "km": km.map { String(format: "%.1f", $0) } ?? "", "reason": synergy["reason"] as? String ?? "",
            "id": synergy["id"] as? String ?? "",
        ]
    }

    /// The synergies of a run as its recommendations list them.
    static func synergies(of run: MatchRun) -> [[String: Any]] {
        let document =
            (try? JSONSerialization.jsonObject(with: Data(run.outputs.recommendations.utf8))) as? [String: Any]
        return document?["synergies"] as? [[String: Any]] ?? []
    }

    /// The firms of a synergy: supplier and receiver, or the members of a pool.
    static func companies(of synergy: [String: Any]) -> [(id: String, name: String)] {
        let parties =
            (synergy["members"] as? [[String: Any]])
            ?? [synergy["supplier"], synergy["receiver"]].compactMap { $0 as? [String: Any] }
        return parties.compactMap { party in
            guard let id = party["company"] as? String else { return nil }
            return (id, party["name"] as? String ?? id)
        }
    }

    func options(_ choices: [(String, String, String)], selected: String, _ language: Language) -> [[String: Any]] {
        choices.map { value, fr, en in
            ["value": value, "label": language == .fr ? fr : en, "selected": value == selected]
        }
    }
}
