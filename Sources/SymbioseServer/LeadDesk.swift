import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFollowUp
import SymbioseFormats
import SymbioseStore

/// The follow-up of a territory's leads over its store, the same for the portal's pages, its
/// API and `symbiose leads`: open a lead on a synergy of the last run or by hand, move it, and
/// check the flows it relies on against the profiles that take part now.
public struct LeadDesk: Sendable {
    public let store: any SymbioseStore
    /// Names the resources in the titles it gives.
    public var taxonomy: Taxonomy

    public init(store: any SymbioseStore, taxonomy: Taxonomy = ReferenceData.builtIn.taxonomy) {
        self.store = store
        self.taxonomy = taxonomy
    }

    /// A refusal, in words for the facilitator.
    public struct Refusal: Error, Sendable {
        public var text: LocalizedText

        public init(text: LocalizedText) { self.text = text }
    }

    /// Opens a lead on synergy `id` of the territory's last run; `prepare` completes it (next
    /// action, contacts) before it is stored, and nothing is stored when it throws.
    public func open(
        synergy id: String, territoryID: Int64, title: String?, author: String, at: Date, language: Language = .fr,
        prepare: (inout Lead) throws -> Void = { _ in }
    ) async throws -> StoredLead {
        guard let run = try await store.latestRun(territoryID: territoryID, publishedOnly: false) else {
            throw Refusal(
                text: LocalizedText(en: "the territory has no run yet", fr: "le territoire n'a pas encore de calcul"))
        }
        guard let synergy = try ProposedSynergy.all(in: run.outputs.recommendations).first(where: { $0.id == id })
        else {
            throw Refusal(
                text: LocalizedText(
                    en: "no synergy \(id) in the last run (run \(run.id))",
                    fr: "pas de synergie \(id) dans le dernier calcul (calcul \(run.id))"))
        }
        let profiles = ProfileJSON.decode(Array(run.outputs.snapshot.utf8), file: "run", threads: 1).profiles
            .map(\.profile)
        let names = defaultTitle(synergy, language: language)
        var lead = Lead(
            synergy, run: run.id, profiles: profiles, title: title ?? names, facilitator: author,
            created: LeadChange(status: .detected, at: at, author: author))
        try prepare(&lead)
        return try await store.addLead(lead, territoryID: territoryID, at: at)
    }

    /// "Acme → Bolt: material.glass.cullet", or the members of a pool.
    func defaultTitle(_ synergy: ProposedSynergy, language: Language) -> String {
        let names =
            synergy.members.map { $0.map { $0.name ?? $0.company }.joined(separator: ", ") }
            ?? [synergy.supplier, synergy.receiver].compactMap { $0.map { $0.name ?? $0.company } }
            .joined(separator: " → ")
        let resource = taxonomy[ResourceCode(synergy.resource)]?.label[language] ?? synergy.resource
        return language == .fr ? "\(names) : \(resource)" : "\(names): \(resource)"
    }

    /// Applies `move` to lead `id` of territory `territoryID` and stores it.
    public func move(_ id: Int64, territoryID: Int64, _ move: Lead.Move, at: Date) async throws -> StoredLead {
        guard var stored = try await store.lead(id: id), stored.territoryID == territoryID else {
            throw Refusal(
                text: LocalizedText(en: "no lead \(id) in this territory", fr: "pas de piste \(id) sur ce territoire"))
        }
        let read = stored.lead.history.count
        do {
            try stored.lead.apply(move)
        } catch {
            throw Refusal(text: error.text)
        }
        try await store.updateLead(id: id, stored.lead, readWith: read, at: at)
        return stored
    }

    /// The profiles taking part in the territory now (submitted or accepted).
    public func currentProfiles(territoryID: Int64) async throws -> [Profile] {
        try await store.firms(territoryID: territoryID).filter(\.status.isMatched)
            .compactMap { ProfileCheck.stored($0.profile) }
    }
}

extension LeadDesk {
    /// The funnel of a territory over `period`: its firms (invited when first invited or first
    /// given a profile; submitted when a revision was first sent or accepted), the synergies of
    /// its last run, and its leads.
    public func funnel(territoryID: Int64, period: DateInterval) async throws -> Funnel {
        let invitations = try await store.invitations(territoryID: territoryID)
        var firms: [Funnel.Firm] = []
        for firm in try await store.firms(territoryID: territoryID) {
            let revisions = try await store.revisions(territoryID: territoryID, companyID: firm.companyID)
            let invited =
                (invitations.filter { $0.companyID == firm.companyID }.map(\.createdAt)
                + revisions.prefix(1).map(\.at)).min() ?? firm.updatedAt
            let submitted = revisions.first { $0.status.isMatched }?.at
            firms.append(Funnel.Firm(invitedAt: invited, submittedAt: submitted))
        }
        let run = try await store.latestRun(territoryID: territoryID, publishedOnly: false)
        let synergies = try run.map { try ProposedSynergy.all(in: $0.outputs.recommendations).count } ?? 0
        let leads = try await store.leads(territoryID: territoryID).map(\.lead)
        return Funnel(firms: firms, synergies: synergies, leads: leads, period: period)
    }
}

extension LeadDesk {
    /// The candidate synergies of the territory's last run between each pair of the workshop's
    /// firms: the affinity of the table plan.
    public func affinity(territoryID: Int64, firms: [String]) async throws -> [String: [String: Int]] {
        guard let run = try await store.latestRun(territoryID: territoryID, publishedOnly: false) else { return [:] }
        let invited = Set(firms)
        let groups = try ProposedSynergy.all(in: run.outputs.recommendations).map { synergy in
            (synergy.members ?? [synergy.supplier, synergy.receiver].compactMap { $0 }).map(\.company)
                .filter(invited.contains)
        }
        return TablePlan.affinity(groups)
    }

    /// Seats the workshop's firms (`TablePlan`) and stores the plan.
    public func seat(_ stored: StoredWorkshop, at: Date) async throws -> StoredWorkshop {
        var seated = stored
        let affinity = try await affinity(territoryID: stored.territoryID, firms: stored.workshop.firms)
        seated.workshop.plan = TablePlan.seat(stored.workshop.firms, tables: stored.workshop.tables, affinity: affinity)
        try await store.updateWorkshop(id: stored.id, seated.workshop, at: at)
        return seated
    }
}
