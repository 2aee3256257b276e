import Foundation
import Hummingbird
import SymbioseCore
import SymbioseFollowUp
import SymbioseReport
import SymbioseStore

extension FollowUpRoutes {
    /// The funnel page, and the leads and the funnel as files.
    func addDownloads(to router: Router<PortalContext>) {
        router.get("/territories/:id/funnel") { request, context -> Response in
            guard let (visit, _, territory) = try await access.territory(request, context) else {
                return .redirect(to: "/login")
            }
            let page = PageState(request: request, csrf: visit.session?.csrf)
            let (period, from, to) = Self.period(request, territory: territory, since: try await earliest(territory))
            let view = FunnelView(
                funnel: try await desk.funnel(territoryID: territory.id, period: period), language: page.language)
            let values: [String: Any] = [
                "territoryID": territory.id, "territoryName": territory.name, "from": from, "to": to,
                "chart": view.chart, "query": "from=\(from)&to=\(to)",
                "indicators": view.indicators.map {
                    [
                        "label": $0.label[page.language],
                        "value": $0.value.map { NumberFormatting.format($0, decimals: 1, language: page.language) }
                            ?? "—",
                        "unit": $0.unit,
                    ]
                },
            ]
            return pages.render(
                "funnel", title: LocalizedText(en: "Funnel", fr: "Entonnoir"), values: values, page: page)
        }
        for format in ["csv", "xlsx"] {
            router.get("/territories/:id/funnel.\(format)") { request, context -> Response in
                guard let (_, _, territory) = try await access.territory(request, context) else {
                    return .redirect(to: "/login")
                }
                let language = PageState(request: request, csrf: nil).language
                let (period, _, _) = Self.period(request, territory: territory, since: try await earliest(territory))
                let view = FunnelView(
                    funnel: try await desk.funnel(territoryID: territory.id, period: period), language: language)
                return try Self.file(
                    view.table, format: format, name: "funnel", territory: territory, language: language)
            }
        }
        for format in ["csv", "xlsx", "json"] {
            router.get("/territories/:id/leads.\(format)") { request, context -> Response in
                guard let (_, _, territory) = try await access.territory(request, context) else {
                    return .redirect(to: "/login")
                }
                let language = PageState(request: request, csrf: nil).language
                let leads = try await portal.store.leads(territoryID: territory.id)
                let profiles = try await desk.currentProfiles(territoryID: territory.id)
                var table = LeadTable(leads: leads, today: Day(portal.clock()).text, language: language)
                table.checks = Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0.lead.check(against: profiles)) })
                guard format != "json" else {
                    return Self.response(
                        Array(table.json.utf8), type: "application/json", name: "leads.json", territory: territory)
                }
                return try Self.file(
                    table.rows, format: format, name: "leads", territory: territory, language: language)
            }
        }
    }

    /// When the territory's follow-up began: its creation, or its first lead when earlier.
    func earliest(_ territory: Territory) async throws -> Date {
        let leads = try await portal.store.leads(territoryID: territory.id)
        return ([territory.createdAt] + leads.compactMap { $0.lead.history.first?.at }).min() ?? territory.createdAt
    }

    /// The period asked for (`from`, `to`: `YYYY-MM-DD`, both included): by default from
    /// `since` to today.
    static func period(_ request: Request, territory: Territory, since: Date) -> (DateInterval, String, String) {
        let query = request.uri.queryParameters
        let from = query["from"].map(String.init).flatMap { Day($0) }?.text ?? Day(since).text
        let to = query["to"].map(String.init).flatMap { Day($0) }?.text ?? Day(Date()).text
        let formatter = ISO8601DateFormatter()
        let start = formatter.date(from: from + "T00:00:00Z") ?? territory.createdAt
        let end = (formatter.date(from: to + "T00:00:00Z") ?? Date()).addingTimeInterval(86_400)
        return (DateInterval(start: start, end: max(start, end)), from, to)
    }

    static func file(
        _ rows: [[TableCell]], format: String, name: String, territory: Territory, language: Language
    ) throws -> Response {
        if format == "xlsx" {
            return response(
                try TableExport.workbook(rows, sheetName: name),
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name: "\(name).xlsx",
                territory: territory)
        }
        let csv = TableExport.csv(rows, separator: language.csvSeparator, byteOrderMark: true)
        return response(Array(csv.utf8), type: "text/csv; charset=utf-8", name: "\(name).csv", territory: territory)
    }

    static func response(_ bytes: [UInt8], type: String, name: String, territory: Territory) -> Response {
        let file = Invitations.identifier(for: territory.name) + "-" + name
        return Response(
            status: .ok,
            headers: [
                .contentType: type, .cacheControl: "no-store", .contentDisposition: "attachment; filename=\"\(file)\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
