import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

/// The printed side of a workshop: each firm's A4 "fiches ressources" (what it offers) and
/// "fiches besoins" (what it needs), pre-filled from its profile or blank, and after the
/// workshop one summary page per firm of the leads it is part of.
struct WorkshopPrint {
    let taxonomy: Taxonomy
    let language: Language
    /// Rows a fiche prints at most, so that it holds on one A4 page; and at least, so that
    /// there is room to write at the table.
    static let maximumRows = 10
    static let minimumRows = 6

    func t(_ en: String, _ fr: String) -> String { language == .fr ? fr : en }

    /// Two fiches per firm, resources then needs; without `firms`, one blank pair.
    func fiches(_ workshop: Workshop, firms: [(name: String, profile: Profile?)]) -> [[String: Any]] {
        let pairs = firms.isEmpty ? [(name: "", profile: nil)] : firms
        return pairs.flatMap { firm in
            [
                fiche(
                    workshop, firm: firm.name, profile: firm.profile, flows: firm.profile?.outputs ?? [], offers: true),
                fiche(
                    workshop, firm: firm.name, profile: firm.profile, flows: firm.profile?.inputs ?? [], offers: false),
            ]
        }
    }

    func fiche(_ workshop: Workshop, firm: String, profile: Profile?, flows: [Flow], offers: Bool) -> [String: Any] {
        let shown = flows.prefix(Self.maximumRows).map(row)
        let blank = max(Self.minimumRows - shown.count, flows.count > Self.maximumRows ? 0 : 1)
        return [
            "kind": offers
                ? t("Resource sheet: what I offer", "Fiche ressources : ce que je propose")
                : t("Needs sheet: what I need", "Fiche besoins : ce dont j'ai besoin"),
            "firm": firm.isEmpty ? false : firm, "workshop": workshop.title, "date": workshop.date,
            "place": workshop.place,
            "site": [profile?.site.commune, profile?.company.naf.map { "NAF \($0)" }].compactMap { $0 }
                .joined(separator: " · "),
            "rows": shown, "blank": Array(repeating: ["empty": true], count: blank),
            "more": flows.count > Self.maximumRows
                ? t(
                    "… and \(flows.count - Self.maximumRows) more in the profile",
                    "… et \(flows.count - Self.maximumRows) autres dans le profil") : false,
        ]
    }

    func row(_ flow: Flow) -> [String: Any] {
        var amount = ""
        if let quantity = flow.quantity {
            amount =
                "\(NumberFormatting.format(quantity.value, decimals: 1, language: language)) \(quantity.unit.rawValue)"
            if let period = quantity.period { amount += "/\(PortalWords.period(period.rawValue, language))" }
        }
        var when = LocalizedText(en: "all year", fr: "toute l'année")[language]
        if case .seasonal(let months) = flow.availability {
            when = MonthNames.period(MonthSet(months), language: language)
        }
        if case .oneOff(let year, let month) = flow.availability { when = "\(month)/\(year)" }
        var quality: [String] = []
        if let temperature = flow.quality.temperature {
            quality.append("\(NumberFormatting.format(temperature, language: language)) °C")
        }
        if flow.quality.hazardous == true { quality.append(t("hazardous", "dangereux")) }
        return [
            "label": taxonomy[flow.resource]?.label[language] ?? flow.resourceText ?? flow.resource.rawValue,
            "code": flow.resource.rawValue, "amount": flow.confidential ? t("confidential", "confidentiel") : amount,
            "when": when, "quality": quality.joined(separator: ", "),
        ]
    }

    /// One page per firm of the workshop: the leads it is part of.
    func summaries(_ workshop: Workshop, names: [String: String], leads: [StoredLead]) -> [[String: Any]] {
        workshop.firms.map { company in
            let own = leads.filter { $0.lead.companies.contains(company) }
            return [
                "firm": names[company] ?? company, "workshop": workshop.title, "date": workshop.date,
                "hasLeads": !own.isEmpty,
                "leads": own.map { stored in
                    [
                        "title": stored.lead.title, "status": stored.lead.status.label[language],
                        "partners": stored.lead.parties.filter { $0.company != company }.map(\.name)
                            .joined(separator: ", "),
                        "next": [stored.lead.nextAction, stored.lead.due].compactMap { $0 }.joined(separator: " — "),
                    ]
                },
            ]
        }
    }
}
