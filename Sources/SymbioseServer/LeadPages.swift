import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

/// What the leads pages show.
struct LeadPages {
    let desk: LeadDesk

    func list(_ territory: Territory, language: Language) async throws -> [String: Any] {
        let leads = try await desk.store.leads(territoryID: territory.id)
        let profiles = try await desk.currentProfiles(territoryID: territory.id)
        let today = Day(Date()).text
        let rows: [[String: Any]] = leads.map { stored in
            let lead = stored.lead
            let changed = lead.check(against: profiles).filter { $0.state != .unchanged }.map { $0.text[language] }
            return [
                "id": stored.id, "title": lead.title, "status": lead.status.rawValue,
                "statusLabel": lead.status.label[language], "next": lead.nextAction ?? "",
                "due": lead.due as Any? ?? false,
                "overdue": lead.isOverdue(today: today), "changed": changed, "hasChanged": !changed.isEmpty,
            ]
        }
        var counts: [[String: Any]] = []
        for status in LeadStatus.allCases {
            let count = leads.filter { $0.lead.status == status }.count
            if count > 0 {
                counts.append(["label": status.label[language], "count": count, "status": status.rawValue])
            }
        }
        let firms = try await desk.store.firms(territoryID: territory.id)
        return [
            "territoryID": territory.id, "territoryName": territory.name, "rows": rows, "hasRows": !rows.isEmpty,
            "counts": counts, "firms": firms.map { ["id": $0.companyID, "name": $0.name] },
        ]
    }

    func one(_ stored: StoredLead, territory: Territory, language: Language) async throws -> [String: Any] {
        let lead = stored.lead
        let checks = lead.check(against: try await desk.currentProfiles(territoryID: territory.id))
        let stamp = { (date: Date) in TerritoryPage.stamp(date) }
        var values: [String: Any] = [
            "territoryID": territory.id, "territoryName": territory.name, "id": stored.id, "title": lead.title,
            "statusLabel": lead.status.label[language], "status": lead.status.rawValue,
            "resource": desk.taxonomy[ResourceCode(lead.resource)]?.label[language] ?? lead.resource,
            "facilitator": lead.facilitator,
            "parties": lead.parties.enumerated().map { index, party in
                [
                    "index": index, "name": party.name, "role": Self.role(party.role, language),
                    "flow": party.flow as Any? ?? false, "contactName": party.contact?.name ?? "",
                    "contactEmail": party.contact?.email ?? "", "contactPhone": party.contact?.phone ?? "",
                ]
            },
            "changed": checks.filter { $0.state != .unchanged }.map { $0.text[language] },
            "history": lead.history.map { change in
                [
                    "at": stamp(change.at), "status": change.status.label[language], "author": change.author,
                    "note": change.note as Any? ?? false, "reason": change.reason?.label[language] as Any? ?? false,
                ]
            },
            "open": !lead.status.isFinal, "next": lead.nextAction ?? "", "due": lead.due ?? "",
            "today": Day(Date()).text,
            "statuses": LeadStatus.allCases.filter { lead.status.mayMove(to: $0) }.map {
                ["value": $0.rawValue, "label": $0.label[language]]
            },
            "reasons": AbandonReason.allCases.map { ["value": $0.rawValue, "label": $0.label[language]] },
        ]
        if let proposal = lead.proposal {
            values["proposal"] = [
                "quantity": NumberFormatting.format(proposal.value, decimals: 1, language: language),
                "unit": proposal.unit, "per": PortalWords.period(proposal.per, language),
                "co2e": proposal.co2eKgPerYear.map { NumberFormatting.format($0, language: language) } ?? "—",
            ]
        }
        if let realised = lead.realised {
            values["realised"] = [
                "quantity": NumberFormatting.format(realised.value, decimals: 2, language: language),
                "unit": realised.unit, "per": realised.per, "start": realised.start,
                "co2e": realised.co2eKgPerYear.map { NumberFormatting.format($0, language: language) } ?? "—",
                "eur": realised.eurPerYear.map { NumberFormatting.format($0, language: language) } ?? "—",
                "basis": realised.basis == .measured
                    ? (language == .fr ? "mesurés" : "measured") : (language == .fr ? "estimés" : "estimated"),
            ]
        }
        return values
    }

    static func role(_ role: Lead.Party.Role, _ language: Language) -> String {
        switch (role, language) {
        case (.supplier, .fr): "fournit"
        case (.receiver, .fr): "reçoit"
        case (.member, .fr): "mutualise"
        default: role.rawValue
        }
    }
}

/// A move posted from a lead's page.
struct LeadMoveForm {
    let form: Form

    init(_ form: Form) { self.form = form }

    func move(author: String, now: Date) -> Lead.Move {
        let status = form["status"].flatMap(LeadStatus.init(rawValue:)) ?? .detected
        var move = Lead.Move(
            status: status, at: form["at"].flatMap { Day.moment($0, now: now) }, author: author,
            note: form["note"].map { String($0.prefix(2_000)) },
            reason: form["reason"].flatMap(AbandonReason.init(rawValue:)))
        if status == .realised, let value = form["quantity"].flatMap(NumberText.parse) {
            let co2e = form["co2e"].flatMap(NumberText.parse)
            let eur = form["eur"].flatMap(NumberText.parse)
            move.realisation = Lead.Realisation(
                value: value, unit: form["unit"] ?? "", per: form["per"] ?? "year", start: form["start"] ?? "",
                co2eKgPerYear: co2e, eurPerYear: eur, basis: co2e != nil || eur != nil ? .measured : .estimated)
        }
        return move
    }
}
