import Foundation
import Hummingbird
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseReport
import SymbioseStore

/// The page of one territory: its firms and where each stands, invitations, the last run.
struct TerritoryPage: Sendable {
    let portal: Portal
    let pages: Pages

    func render(
        _ request: Request, visit: Visit, territory: Territory, newLink: (company: String, link: String)? = nil,
        imported: [String: Any]? = nil, runForm: RunOptionsForm? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let page = PageState(request: request, csrf: visit.session?.csrf)
        let firms = try await portal.store.firms(territoryID: territory.id)
        let invitations = try await portal.store.invitations(territoryID: territory.id)
        let now = portal.clock()
        var values: [String: Any] = [
            "territoryID": territory.id,
            "firms": firms.map { firm in
                row(firm, invitation: invitations.last { $0.companyID == firm.companyID }, now: now, page: page)
            },
            "counts": FirmStatus.allCases.compactMap { status -> [String: Any]? in
                let count = firms.count { $0.status == status }
                guard count > 0 else { return nil }
                return [
                    "status": status.rawValue, "label": PortalWords.status(status.rawValue, page.language),
                    "count": count,
                ]
            },
        ]
        if let newLink { values["newLink"] = ["company": newLink.company, "link": newLink.link] }
        if let imported { values["import"] = imported }
        let run = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false)
        if let run {
            values["run"] = [
                "id": run.id, "ranAt": Self.stamp(run.ranAt), "profiles": run.profiles, "published": run.published,
            ]
        }
        let form = runForm ?? RunOptionsForm(run.flatMap { RunOptions(json: $0.outputs.options) } ?? RunOptions())
        values["options"] = form.values(page.language)
        return pages.render(
            "territory", title: LocalizedText(en: territory.name, fr: territory.name), values: values, page: page,
            status: status)
    }

    func row(_ firm: Firm, invitation: Invitation?, now: Date, page: PageState) -> [String: Any] {
        var row: [String: Any] = [
            "name": firm.name, "companyID": firm.companyID, "status": firm.status.rawValue,
            "statusLabel": PortalWords.status(firm.status.rawValue, page.language),
        ]
        if let profile = firm.profile {
            let checked = ProfileCheck(engine: portal.engine).check(
                Array(profile.utf8), file: firm.companyID, format: .json, companyID: firm.companyID)
            row["flows"] = checked.profile?.flows.count ?? 0
            let warnings = checked.diagnostics.filter { $0.severity == .warning }
            if !warnings.isEmpty {
                row["warnings"] = warnings.count
                row["warningCodes"] = Set(warnings.map(\.code.rawValue)).sorted().joined(separator: ", ")
            }
        }
        if let comment = firm.comment { row["comment"] = comment }
        if let invitation {
            let state: LocalizedText =
                invitation.revokedAt != nil
                ? LocalizedText(en: "revoked", fr: "révoquée")
                : invitation.expiresAt <= now
                    ? LocalizedText(en: "expired", fr: "expirée")
                    : LocalizedText(
                        en: "valid until \(Self.day(invitation.expiresAt))",
                        fr: "valable jusqu'au \(Self.day(invitation.expiresAt))")
            row["invitation"] = [
                "id": invitation.id, "state": state[page.language], "revocable": invitation.isUsable(at: now),
            ]
        }
        return row
    }

    /// A date and time in UTC, as `2026-12-02 14:05 UTC`.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    static func day(_ date: Date) -> String { String(stamp(date).prefix(10)) }
}

/// Adding a firm to a territory with its invitation link.
public struct Invitations: Sendable {
    let portal: Portal

    /// Adds the firm (its id from `companyID`, or made from its name) and an invitation; the
    /// token is returned once.
    func invite(territory: Territory, name: String, companyID: String?, email: String?) async throws
        -> (firm: Firm, invitation: Invitation, token: String)
    {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 200 else { throw HTTPError(.badRequest, message: "A firm name is needed.") }
        let id = companyID.flatMap { $0.isEmpty ? nil : $0 } ?? Self.identifier(for: name)
        guard Self.isIdentifier(id) else {
            throw HTTPError(
                .badRequest, message: "An identifier is lower-case letters, digits, dots, dashes and underscores.")
        }
        let now = portal.clock()
        let existing = try await portal.store.firm(territoryID: territory.id, companyID: id)
        let firm: Firm
        if let existing {
            firm = existing
        } else {
            firm = try await portal.store.addFirm(territoryID: territory.id, companyID: id, name: name, at: now)
        }
        let token = Secrets.token()
        let invitation = try await portal.store.addInvitation(
            territoryID: territory.id, companyID: id, tokenHash: Secrets.hash(token: token),
            email: email.flatMap { $0.isEmpty ? nil : $0 }, at: now,
            expiresAt: now.addingTimeInterval(portal.invitationLifetime))
        return (firm, invitation, token)
    }

    /// `Papeterie Saint-Éloi` → `papeterie-saint-eloi`.
    public static func identifier(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "fr"))
            .lowercased()
        var id = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty && id.last != "-" {
                id += "-"
            }
        }
        while id.last == "-" { id.removeLast() }
        return String(id.prefix(60)).isEmpty ? "firm" : String(id.prefix(60))
    }

    static func isIdentifier(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 80,
            ("a"..."z").contains(first) || ("0"..."9").contains(first)
        else { return false }
        return id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "_"
        }
    }
}

/// Runs of matching, and the files a run leaves.
struct Runs: Sendable {
    let portal: Portal

    /// What a run keeps, by name, with its media type.
    static let stored: [(name: String, type: String, field: KeyPath<RunOutputs, String> & Sendable)] = [
        ("report", "text/html; charset=utf-8", \.report), ("recommendations", "application/json", \.recommendations),
        ("plan", "application/json", \.plan),
    ]

    /// What a run offers for download: stored as the run left it, or rendered from its snapshot.
    static let downloads: [(path: String, type: String, format: OutputFormat?)] = [
        ("report", "text/html; charset=utf-8", nil), ("recommendations.json", "application/json", nil),
        ("plan.json", "application/json", nil), ("synergies.geojson", "application/geo+json", .geojson),
        ("synergies.graphml", "application/graphml+xml", .graphml), ("synergies.csv", "text/csv; charset=utf-8", .csv),
        ("synergies.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .xlsx),
    ]

    func run(_ territory: Territory, by user: User, options: RunOptions, language: Language) async throws -> MatchRun? {
        let firms = try await portal.store.firms(territoryID: territory.id)
        let runner = TerritoryRun(engine: portal.engine, language: language)
        guard let done = try await OffLoop.run({ try runner.run(firms, title: territory.name, options: options) })
        else {
            return nil
        }
        return try await portal.store.addRun(
            territoryID: territory.id, ranBy: user.id, profiles: done.profiles, outputs: done.outputs,
            at: portal.clock())
    }

    /// The body of download `path` of `run`.
    func download(_ path: String, of run: MatchRun, territory: Territory, language: Language) async throws -> [UInt8]? {
        guard let entry = Self.downloads.first(where: { $0.path == path }) else { return nil }
        switch entry.format {
        case nil:
            let name = path.hasSuffix(".json") ? String(path.dropLast(5)) : path
            return Self.stored.first { $0.name == name }.map { Array(run.outputs[keyPath: $0.field].utf8) }
        case let format?:
            let runner = TerritoryRun(engine: portal.engine, language: language)
            return try await OffLoop.run { try runner.render(run, as: format, title: territory.name) }
        }
    }
}
