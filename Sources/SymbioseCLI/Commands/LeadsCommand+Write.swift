import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseServer
import SymbioseStore

extension LeadsCommand {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a lead: on a synergy of the territory's last run (--synergy), or by hand (--firm).")

        @Option(help: "The territory's number.") var territory: Int64
        @Option(help: "The id of a synergy of the last run, as its results give it.") var synergy: String?
        @Option(
            help: ArgumentHelp(
                "By hand: a firm and its flow, company[:flow]; the first supplies the second, or every firm pools (--kind pooling).",
                valueName: "company[:flow]"))
        var firm: [String] = []
        @Option(help: "By hand: substitution or pooling.") var kind: Lead.Kind = .substitution
        @Option(help: "By hand: the resource code.") var resource: String?
        @Option(help: "A title (default: the firms and the resource).") var title: String?
        @Option(help: "By hand: where it came from: workshop, call or other.") var origin: Lead.Origin.Kind = .other
        @Option(help: "The facilitator opening it (their e-mail): the first change is signed with it.") var author:
            String
        @Option(help: "When (YYYY-MM-DD or an ISO 8601 time; default: now).") var at: String?
        @Option(help: "The next action.") var nextAction: String?
        @Option(help: "When the next action is due (YYYY-MM-DD).") var due: String?
        @Option(
            help: ArgumentHelp(
                "A named contact of a firm of the lead, kept out of exports unless asked.",
                valueName: "company:name[:email[:phone]]"))
        var contact: [String] = []
        @OptionGroup var store: StoreOption
        @Option(help: "fr or en (default: from LANG).") var lang: Language?

        func validate() throws {
            if (synergy == nil) == firm.isEmpty { throw ValidationError("give either --synergy or --firm") }
            if synergy == nil && (firm.count < 2 || resource == nil) {
                throw ValidationError("by hand, give at least two --firm and the --resource")
            }
            if let due, Day(due) == nil { throw ValidationError("--due: expected YYYY-MM-DD, got \(due)") }
            if let at, LeadsCommand.date(at) == nil {
                throw ValidationError("--at: expected YYYY-MM-DD or an ISO 8601 time")
            }
        }

        func run() async throws {
            let language = LanguageChoice.resolve(lang)
            let desk = LeadDesk(store: try await store.open())
            let when = at.flatMap(LeadsCommand.date) ?? Date()
            let prepare = { (lead: inout Lead) throws in
                lead.nextAction = nextAction
                lead.due = due
                try LeadsCommand.setContacts(contact, on: &lead, language: language)
            }
            let stored: StoredLead
            do {
                if let synergy {
                    stored = try await desk.open(
                        synergy: synergy, territoryID: territory, title: title, author: author, at: when,
                        language: language, prepare: prepare)
                } else {
                    var entry = LeadDesk.ByHand(
                        firms: firm.map { text in
                            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
                            return (parts.first ?? "", parts.dropFirst().first)
                        }, resource: resource ?? "", origin: Lead.Origin(kind: origin))
                    entry.kind = kind
                    entry.title = title
                    stored = try await desk.open(
                        entry, territoryID: territory, author: author, at: when, language: language, prepare: prepare)
                }
            } catch let refusal as LeadDesk.Refusal {
                throw LeadsCommand.refuse(refusal.text, language)
            }
            print("\(stored.id)\t\(stored.lead.title)")
        }
    }
}
