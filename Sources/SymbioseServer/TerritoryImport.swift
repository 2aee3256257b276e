import Foundation
import Hummingbird
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseStore

/// A facilitator's import of profiles already collected — a file of one or many profiles in
/// any format the command line reads — into a territory: each valid profile becomes a new
/// revision of its firm (the firm is added when new), accepted; a profile with an error is not
/// imported and the page says which and why.
struct TerritoryImport: Sendable {
    let portal: Portal
    let pages: Pages

    struct Outcome {
        var imported: [String] = []
        var refused: [(company: String, reason: Diagnostic)] = []
        /// Errors of the file itself (it could not be read), or of no one profile.
        var general: [Diagnostic] = []
    }

    func add(to router: Router<PortalContext>) {
        router.post("/territories/:id/import") { request, context -> Response in
            guard let (visit, user, territory) = try await Access(portal: portal).territory(request, context) else {
                return .redirect(to: "/login")
            }
            let body = try await FirmUpload.decode(request, limit: portal.maximumBody)
            try Gate.checkFormToken(body.csrf, visit: visit)
            guard let file = body.part(named: "file"), file.body.readableBytes > 0 else {
                throw HTTPError(.badRequest, message: "Choose a file to import.")
            }
            let name = file.parameter("filename")?.split(separator: "/").last.map(String.init) ?? "profiles"
            let outcome = try await load(Array(buffer: file.body), file: name, into: territory, by: user)
            let page = PageState(request: request, csrf: visit.session?.csrf)
            return try await TerritoryPage(portal: portal, pages: pages).render(
                request, visit: visit, territory: territory, imported: Self.summary(outcome, language: page.language))
        }
    }

    func load(_ bytes: [UInt8], file: String, into territory: Territory, by user: User) async throws -> Outcome {
        var engine = portal.engine
        engine.configuration.limits = .upload
        engine.configuration.settings.threads = 1
        let format = ProfileLoader.Format(pathExtension: (file as NSString).pathExtension.lowercased())
        let validated = engine.validate(engine.load(.bytes(bytes, file: file, format: format)))
        var outcome = Outcome()
        var refused: [String: Diagnostic] = [:]
        for excluded in validated.excluded {
            refused[excluded.profile.profile.company.id.rawValue] = excluded.reasons.first
        }
        let attributed = Set(validated.excluded.flatMap(\.reasons))
        outcome.general = validated.diagnostics.filter { $0.severity == .error && !attributed.contains($0) }
        guard outcome.general.isEmpty else { return outcome }
        let now = portal.clock()
        for profile in validated.asGiven {
            let id = profile.company.id.rawValue
            if let reason = refused[id] {
                outcome.refused.append((id, reason))
                continue
            }
            if try await portal.store.firm(territoryID: territory.id, companyID: id) == nil {
                _ = try await portal.store.addFirm(
                    territoryID: territory.id, companyID: id, name: profile.company.name, at: now)
            }
            try await portal.store.saveProfile(
                ProfileJSON.encode([profile]), status: .accepted, territoryID: territory.id, companyID: id,
                author: .user(user.id), at: now)
            outcome.imported.append(id)
        }
        return outcome
    }

    /// What the territory page says about an import.
    static func summary(_ outcome: Outcome, language: Language) -> [String: Any] {
        let line = { (diagnostic: Diagnostic) -> String in
            let place = diagnostic.location.map { $0.prefix + ($0.path.map { " \($0)" } ?? "") + ": " } ?? ""
            return "\(place)\(diagnostic.text[language]) [\(diagnostic.code.rawValue)]"
        }
        var summary: [String: Any] = [
            "count": outcome.imported.count,
            "refused": outcome.refused.map { ["company": $0.company, "reason": line($0.reason)] },
            "hasRefused": !outcome.refused.isEmpty,
            "general": outcome.general.map(line), "hasGeneral": !outcome.general.isEmpty,
        ]
        if !outcome.imported.isEmpty { summary["imported"] = outcome.imported.joined(separator: ", ") }
        return summary
    }
}
