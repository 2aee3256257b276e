import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseReport
import SymbioseStore

/// A territory's leads as a table (CSV, `.xlsx`) and as JSON, for `symbiose leads export` and
/// the portal's downloads. Named contacts stay out unless asked for.
public struct LeadTable: Sendable {
    public var leads: [StoredLead]
    /// The flow checks of each lead against the profiles taking part now.
    public var checks: [Int64: [FlowCheck]] = [:]
    /// Today, `YYYY-MM-DD`, to mark overdue actions.
    public var today: String
    public var language: Language
    public var withContacts = false

    public init(leads: [StoredLead], today: String, language: Language) {
        self.leads = leads
        self.today = today
        self.language = language
    }

    static let header: [(en: String, fr: String)] = [
        ("id", "id"), ("status", "statut"), ("title", "intitule"), ("kind", "type"), ("resource", "ressource"),
        ("firms", "entreprises"), ("facilitator", "animateur"), ("origin", "origine"), ("opened", "ouverte_le"),
        ("changed", "modifiee_le"), ("next_action", "prochaine_action"), ("due", "echeance"), ("overdue", "en_retard"),
        ("flow_changes", "flux_modifies"), ("quantity", "quantite"), ("unit", "unite"), ("per", "par"),
        ("start", "debut"), ("co2e_kg_per_year", "co2e_kg_par_an"), ("eur_per_year", "eur_par_an"),
        ("impact_basis", "base_impact"), ("abandon_reason", "raison_abandon"),
    ]

    /// The table, header first, one row per lead.
    public var rows: [[TableCell]] {
        var head = Self.header.map { language == .fr ? $0.fr : $0.en }
        if withContacts { head.append(language == .fr ? "contacts" : "contacts") }
        return [head.map(TableCell.text)] + leads.map(row)
    }

    func row(_ stored: StoredLead) -> [TableCell] {
        let lead = stored.lead
        let day = { (date: Date?) in date.map { Day($0).text } ?? "" }
        let flowChanges = (checks[stored.id] ?? []).filter { $0.state != .unchanged }.map { $0.text[language] }
        let realised = lead.realised
        var row: [TableCell] = [
            .number(Double(stored.id)), .text(lead.status.label[language]), .text(lead.title),
            .text(lead.kind.rawValue),
            .text(lead.resource), .text(lead.parties.map(\.name).joined(separator: ", ")), .text(lead.facilitator),
            .text(Self.origin(lead.origin)), .text(day(lead.history.first?.at)), .text(day(lead.history.last?.at)),
            .text(lead.nextAction ?? ""), .text(lead.due ?? ""),
            .text(lead.isOverdue(today: today) ? (language == .fr ? "oui" : "yes") : ""),
            .text(flowChanges.joined(separator: " ; ")), .number(realised?.value), .text(realised?.unit ?? ""),
            .text(realised?.per ?? ""), .text(realised?.start ?? ""), .number(realised?.co2eKgPerYear),
            .number(realised?.eurPerYear), .text(realised.map { basis($0.basis) } ?? ""),
            .text(lead.status == .abandoned ? (lead.history.last?.reason?.label[language] ?? "") : ""),
        ]
        if withContacts { row.append(.text(Self.contacts(lead))) }
        return row
    }

    func basis(_ basis: Lead.Realisation.Basis) -> String {
        switch (basis, language) {
        case (.measured, .fr): "mesuré"
        case (.estimated, .fr): "estimé"
        default: basis.rawValue
        }
    }

    public static func origin(_ origin: Lead.Origin) -> String {
        var text = origin.kind.rawValue
        if let run = origin.run { text += " \(run)" }
        if let synergy = origin.synergy { text += " \(synergy)" }
        if let workshop = origin.workshop { text += " \(workshop)" }
        return text
    }

    static func contacts(_ lead: Lead) -> String {
        lead.parties.compactMap { party in
            party.contact.map { contact in
                "\(party.name): "
                    + [contact.name, contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
            }
        }.joined(separator: " ; ")
    }

    /// `symbiose/leads@1`: every lead with its number, contacts removed unless asked for.
    public var json: String {
        let documents = leads.map { Self.document($0, withContacts: withContacts, indent: "  ") }
        return "{\"schema\": \"symbiose/leads@1\", \"leads\": [\n" + documents.joined(separator: ",\n") + "\n]}\n"
    }

    /// One lead as the exports and the API give it: its number, its territory and its document,
    /// contacts removed unless asked for; every line after the first indented by `indent`.
    static func document(_ stored: StoredLead, withContacts: Bool, indent: String = "") -> String {
        var lead = stored.lead
        if !withContacts { for index in lead.parties.indices { lead.parties[index].contact = nil } }
        let body = lead.json.split(separator: "\n").map { indent + "  " + $0 }.joined(separator: "\n")
        return indent + "{\"id\": \(stored.id), \"territory\": \(stored.territoryID), \"lead\":\n\(body)}"
    }
}
