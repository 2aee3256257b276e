import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseServer
import SymbioseStore

extension LeadsCommand {
    struct Move: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Move a lead to a new status, dated and signed; an abandonment needs --reason, a realisation the quantity exchanged and its --start."
        )

        @Argument(help: "The lead's number.") var id: Int64
        @Option(help: "detected, contacted, studying, negotiating, realised or abandoned.") var to: LeadStatus
        @Option(help: "Who makes the change (their e-mail).") var author: String
        @Option(help: "When (YYYY-MM-DD or an ISO 8601 time; default: now).") var at: String?
        @Option(help: "What happened.") var note: String?
        @Option(
            help:
                "Why it was abandoned: technical, regulatory, economic, logistics, trust, timing or other (say what in --note)."
        )
        var reason: AbandonReason?
        @Option(help: "Realised: the quantity exchanged per --per.") var quantity: Double?
        @Option(help: "Realised: its unit (t, m3, MWh…).") var unit: String?
        @Option(help: "Realised: year, month, week or day.") var per = "year"
        @Option(help: "Realised: the first day of the exchange (YYYY-MM-DD).") var start: String?
        @Option(help: "Realised: the CO2e it avoids, kg per year, as measured (default: estimated).") var co2eKg:
            Double?
        @Option(help: "Realised: the euros it saves per year, as measured (default: estimated).") var eur: Double?
        @Option(help: "The next action.") var nextAction: String?
        @Option(help: "When the next action is due (YYYY-MM-DD).") var due: String?
        @OptionGroup var store: StoreOption
        @Option(help: "fr or en (default: from LANG).") var lang: Language?

        func validate() throws {
            if let at, LeadsCommand.date(at) == nil {
                throw ValidationError("--at: expected YYYY-MM-DD or an ISO 8601 time")
            }
            if let due, Day(due) == nil { throw ValidationError("--due: expected YYYY-MM-DD, got \(due)") }
        }

        var realisation: Lead.Realisation? {
            guard let quantity, let unit else { return nil }
            let measured = co2eKg != nil || eur != nil
            return Lead.Realisation(
                value: quantity, unit: unit, per: per, start: start ?? "", co2eKgPerYear: co2eKg, eurPerYear: eur,
                basis: measured ? .measured : .estimated)
        }

        func run() async throws {
            let language = LanguageChoice.resolve(lang)
            let desk = LeadDesk(store: try await store.open())
            let when = at.flatMap(LeadsCommand.date) ?? Date()
            let move = Lead.Move(
                status: to, at: when, author: author, note: note, reason: reason, realisation: realisation)
            do {
                guard let current = try await desk.store.lead(id: id) else {
                    throw LeadDesk.Refusal(text: LocalizedText(en: "no lead \(id)", fr: "pas de piste \(id)"))
                }
                var stored = try await desk.move(id, territoryID: current.territoryID, move, at: when)
                if nextAction != nil || due != nil {
                    let read = stored.lead.history.count
                    stored.lead.nextAction = nextAction ?? stored.lead.nextAction
                    stored.lead.due = due ?? stored.lead.due
                    try await desk.store.updateLead(id: id, stored.lead, readWith: read, at: when)
                }
                print("\(id)\t\(stored.lead.status.label[language])")
            } catch let refusal as LeadDesk.Refusal {
                throw LeadsCommand.refuse(refusal.text, language)
            }
        }
    }

    /// Sets the contacts given as `company:name[:email[:phone]]`; a company not in the lead is
    /// refused (exit status 1).
    static func setContacts(_ given: [String], on lead: inout Lead, language: Language) throws {
        for text in given {
            let parts = text.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard parts.count >= 2, let index = lead.parties.firstIndex(where: { $0.company == parts[0] }) else {
                throw refuse(
                    LocalizedText(
                        en: "--contact \(text): expected company:name[:email[:phone]] for a firm of the lead",
                        fr:
                            "--contact \(text) : attendu entreprise:nom[:courriel[:téléphone]] d'une entreprise de la piste"
                    ),
                    language)
            }
            let field = { (i: Int) in parts.count > i && !parts[i].isEmpty ? parts[i] : nil }
            lead.parties[index].contact = Lead.Contact(name: field(1), email: field(2), phone: field(3))
        }
    }

    /// A day (`YYYY-MM-DD`, at noon UTC, or now for today) or an ISO 8601 time, never later than now.
    static func date(_ text: String) -> Date? { Day.moment(text, now: Date()) }
}
