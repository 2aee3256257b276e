import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseServer
import SymbioseStore

/// A lead as `symbiose leads show` prints it.
struct LeadText {
    var stored: StoredLead
    var checks: [FlowCheck]
    var language: Language

    init(_ stored: StoredLead, checks: [FlowCheck], language: Language) {
        self.stored = stored
        self.checks = checks
        self.language = language
    }

    func t(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    var text: String {
        let lead = stored.lead
        var lines = [
            "\(t("Lead", "Piste")) \(stored.id): \(lead.title)",
            "\(t("Status", "Statut")): \(lead.status.label[language])",
            "\(t("Resource", "Ressource")): \(lead.resource) (\(lead.kind.rawValue))",
            "\(t("Facilitator", "Animateur")): \(lead.facilitator)",
            "\(t("Origin", "Origine")): \(LeadTable.origin(lead.origin))",
        ]
        for party in lead.parties {
            var line = "  \(party.role.rawValue): \(party.name) (\(party.company))"
            if let flow = party.flow { line += " \(t("flow", "flux")) \(flow)" }
            if let contact = party.contact {
                line += " — " + [contact.name, contact.email, contact.phone].compactMap { $0 }.joined(separator: ", ")
            }
            lines.append(line)
        }
        for check in checks where check.state != .unchanged { lines.append("  ⚠ " + check.text[language]) }
        if let next = lead.nextAction {
            let overdue = lead.isOverdue(today: Day(Date()).text) ? t(" (overdue)", " (en retard)") : ""
            lines.append("\(t("Next", "Prochaine action")): \(next)\(lead.due.map { " — \($0)" } ?? "")\(overdue)")
        }
        if let realised = lead.realised {
            let impact = [
                realised.co2eKgPerYear.map {
                    "\(NumberFormatting.format($0, language: language)) kg CO2e/\(t("yr", "an"))"
                },
                realised.eurPerYear.map { "\(NumberFormatting.format($0, language: language)) €/\(t("yr", "an"))" },
            ].compactMap { $0 }.joined(separator: ", ")
            lines.append(
                "\(t("Exchanged", "Échangé")): \(NumberFormatting.format(realised.value, decimals: 2, language: language)) \(realised.unit)/\(Period(rawValue: realised.per)?.word(language) ?? realised.per) \(t("from", "depuis le")) \(realised.start)"
                    + (impact.isEmpty
                        ? ""
                        : "; \(impact) (\(realised.basis == .measured ? t("measured", "mesuré") : t("estimated", "estimé")))")
            )
        }
        lines.append(t("History:", "Historique :"))
        for change in lead.history {
            var line = "  \(Self.stamp(change.at)) \(change.status.label[language]) — \(change.author)"
            if let reason = change.reason { line += " [\(reason.label[language])]" }
            if let note = change.note { line += ": \(note)" }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date)
    }
}
