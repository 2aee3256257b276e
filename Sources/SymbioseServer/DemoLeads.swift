import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFollowUp
import SymbioseStore

/// The demo territory's follow-up: a first run of matching, and a dozen leads opened on its best
/// substitutions four months ago, at every stage since — so that the leads and the funnel show
/// something on first start.
struct DemoLeads {
    let portal: Portal
    let desk: LeadDesk

    init(portal: Portal) {
        self.portal = portal
        desk = LeadDesk(store: portal.store, taxonomy: portal.engine.taxonomy)
    }

    /// Each lead's path: the statuses it went through, days after its opening.
    static let paths: [[(LeadStatus, Int)]] = [
        [(.contacted, 6), (.studying, 20), (.negotiating, 45), (.realised, 90)],
        [(.contacted, 3), (.studying, 15), (.realised, 70)],
        [(.contacted, 8), (.studying, 30), (.negotiating, 60)],
        [(.contacted, 5), (.studying, 40)],
        [(.contacted, 12), (.studying, 35)],
        [(.contacted, 4), (.abandoned, 50)],
        [(.contacted, 10), (.studying, 28), (.abandoned, 80)],
        [(.contacted, 9)],
        [(.contacted, 21)],
        [(.contacted, 30)],
        [],
        [],
    ]

    /// Firms of the demo that are projects, not running yet (the methaniser's profile says its
    /// commissioning is planned for 2027).
    static let projects: Set<String> = ["methanisation-valois"]

    static let notes: [LeadStatus: String] = [
        .contacted: "Premier échange téléphonique avec les deux sites.",
        .studying: "Visite et analyse des caractéristiques du flux.",
        .negotiating: "Proposition de convention d'échange en discussion.",
        .realised: "Convention signée, premières livraisons.",
    ]

    func load(territory: Territory, by user: User, at now: Date) async throws {
        guard try await Runs(portal: portal).run(territory, by: user, options: RunOptions(), language: .fr) != nil,
            let run = try await portal.store.latestRun(territoryID: territory.id, publishedOnly: false)
        else { return }
        let substitutions = try ProposedSynergy.all(in: run.outputs.recommendations).filter {
            // A planned plant exchanges nothing yet: no lead of the demo relies on one.
            $0.kind == "substitution" && $0.quantity?.per != nil && !($0.flags ?? []).contains("planned")
                && [$0.supplier?.company, $0.receiver?.company].allSatisfy { !Self.projects.contains($0 ?? "") }
        }
        let opened = now.addingTimeInterval(-120 * 86_400)
        let workshopID = try await workshop(territory, on: opened)
        for (index, (synergy, path)) in zip(substitutions, Self.paths).enumerated() {
            var stored = try await desk.open(
                synergy: synergy.id, territoryID: territory.id, title: nil, author: user.email, at: opened)
            // Opened at the workshop, on a synergy of the run that prepared it.
            stored.lead.origin.kind = .workshop
            stored.lead.origin.workshop = workshopID
            for (status, day) in path {
                let read = stored.lead.history.count
                try stored.lead.apply(move(to: status, day: day, opened: opened, author: user.email, synergy))
                try await portal.store.updateLead(id: stored.id, stored.lead, readWith: read, at: opened)
            }
            if !stored.lead.status.isFinal {
                let read = stored.lead.history.count
                stored.lead.nextAction = "Relancer les deux entreprises"
                // One open lead in three is a week late; the others are due in a fortnight.
                stored.lead.due = Day(now.addingTimeInterval((index % 3 == 0 ? -7 : 14) * 86_400)).text
                try await portal.store.updateLead(id: stored.id, stored.lead, readWith: read, at: opened)
            }
        }
    }

    func move(to status: LeadStatus, day: Int, opened: Date, author: String, _ synergy: ProposedSynergy) -> Lead.Move {
        let at = opened.addingTimeInterval(Double(day) * 86_400)
        var move = Lead.Move(status: status, at: at, author: author, note: Self.notes[status])
        if status == .abandoned {
            move.reason = day < 60 ? .economic : .logistics
            move.note = day < 60 ? "Coût de transport jugé trop élevé." : "Pas de solution de stockage tampon."
        }
        if status == .realised, let amount = synergy.quantity, let per = amount.per {
            move.realisation = Lead.Realisation(
                value: (amount.value * 0.6).rounded(), unit: amount.unit, per: per, start: Day(at).text)
        }
        return move
    }

    /// The workshop the leads came out of: every firm taking part, about five to a table.
    func workshop(_ territory: Territory, on day: Date) async throws -> Int64 {
        let firms = try await portal.store.firms(territoryID: territory.id).filter(\.status.isMatched).map(\.companyID)
        let workshop = Workshop(
            title: "Atelier synergies du Soissonnais-Valois", date: Day(day).text, place: "CCI Aisne, Soissons",
            tables: max(1, (firms.count + 4) / 5), firms: firms)
        let stored = try await portal.store.addWorkshop(workshop, territoryID: territory.id, at: day)
        _ = try await desk.seat(stored, at: day)
        return stored.id
    }
}
