import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseReport

/// The funnel of a territory in words and figures: the indicators (a table, CSV and `.xlsx`)
/// and the chart (SVG) of the funnel page.
struct FunnelView {
    var funnel: Funnel
    var language: Language

    struct Indicator {
        var key: String
        var label: LocalizedText
        /// `nil` when unknown: shown as "—", an empty cell in the exports.
        var value: Double?
        var unit: String
    }

    /// The stages the chart draws, in order.
    var stages: [Indicator] {
        let reached = { (status: LeadStatus) in Double(funnel.reached[status] ?? 0) }
        return [
            Indicator(
                key: "firms_invited", label: .init(en: "Firms invited", fr: "Entreprises invitées"),
                value: Double(funnel.invited), unit: ""),
            Indicator(
                key: "profiles_submitted", label: .init(en: "Profiles submitted", fr: "Profils transmis"),
                value: Double(funnel.submitted), unit: ""),
            Indicator(
                key: "synergies_found",
                label: .init(en: "Synergies found (last run)", fr: "Synergies trouvées (dernier calcul)"),
                value: Double(funnel.synergies), unit: ""),
            Indicator(
                key: "leads", label: .init(en: "Leads opened", fr: "Pistes ouvertes"), value: Double(funnel.leads),
                unit: ""),
        ]
            + [LeadStatus.contacted, .studying, .negotiating, .realised].map { status in
                Indicator(
                    key: "leads_\(status.rawValue)",
                    label: .init(en: "… reached \(status.label.en)", fr: "… passées au stade « \(status.label.fr) »"),
                    value: reached(status), unit: "")
            }
    }

    /// Every indicator: the stages, abandonments, what realised leads exchange and avoid per
    /// year, and the median days from opening to each stage.
    var indicators: [Indicator] {
        let perYear = language == .fr ? "an" : "yr"
        var all = stages
        all.append(
            Indicator(
                key: "leads_abandoned", label: .init(en: "Leads abandoned", fr: "Pistes abandonnées"),
                value: Double(funnel.reached[.abandoned] ?? 0), unit: ""))
        for (unit, value) in funnel.realisedPerYear.sorted(by: { $0.key < $1.key }) {
            all.append(
                Indicator(
                    key: "realised_\(unit.lowercased())_per_year",
                    label: .init(en: "Realised, exchanged per year", fr: "Réalisé, échangé par an"),
                    value: value.rounded(), unit: "\(unit)/\(perYear)"))
        }
        all.append(
            Indicator(
                key: "realised_co2e_t_per_year",
                label: .init(
                    en: "Realised, CO2e avoided per year (where known)", fr: "Réalisé, CO2e évité par an (où connu)"),
                value: funnel.co2eTonnesPerYear.map { ($0 * 10).rounded() / 10 }, unit: "t CO2e/\(perYear)"))
        all.append(
            Indicator(
                key: "realised_eur_per_year",
                label: .init(
                    en: "Realised, euros saved per year (where known)",
                    fr: "Réalisé, euros économisés par an (où connus)"),
                value: funnel.eurPerYear.map { $0.rounded() }, unit: "€/\(perYear)"))
        all.append(
            Indicator(
                key: "realised_estimated_impacts",
                label: .init(
                    en: "Realised leads whose impacts are estimates", fr: "Pistes réalisées aux impacts estimés"),
                value: Double(funnel.estimatedImpacts), unit: ""))
        all.append(
            Indicator(
                key: "realised_unknown_impacts",
                label: .init(en: "Realised leads without known impacts", fr: "Pistes réalisées sans impact connu"),
                value: Double(funnel.unknownImpacts), unit: ""))
        for status in LeadStatus.allCases where status != .detected {
            guard let days = funnel.medianDays[status], let step = funnel.medianDaysFromPrevious[status] else {
                continue
            }
            all.append(
                Indicator(
                    key: "median_days_before_\(status.rawValue)",
                    label: .init(
                        en: "Median days from the previous stage to \(status.label.en)",
                        fr: "Jours médians de l'étape précédente au stade « \(status.label.fr) »"),
                    value: (step * 10).rounded() / 10, unit: language == .fr ? "jours" : "days"))
            all.append(
                Indicator(
                    key: "median_days_to_\(status.rawValue)",
                    label: .init(
                        en: "Median days from opening to \(status.label.en)",
                        fr: "Jours médians de l'ouverture au stade « \(status.label.fr) »"),
                    value: (days * 10).rounded() / 10, unit: language == .fr ? "jours" : "days"))
        }
        return all
    }

    /// The indicators as a table for CSV and `.xlsx`: key, label, value, unit.
    var table: [[TableCell]] {
        let head =
            language == .fr ? ["indicateur", "libelle", "valeur", "unite"] : ["indicator", "label", "value", "unit"]
        return [head.map(TableCell.text)]
            + indicators.map { [.text($0.key), .text($0.label[language]), .number($0.value), .text($0.unit)] }
    }

    /// Horizontal bars, one per stage, longest for the largest figure.
    var chart: String {
        let rows = stages
        let largest = max(rows.compactMap(\.value).max() ?? 0, 1)
        let (labelWidth, barWidth, rowHeight) = (300.0, 380.0, 28.0)
        let height = Double(rows.count) * rowHeight + 10
        let title = language == .fr ? "Entonnoir du territoire" : "The territory's funnel"
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 60)) \(Int(height))\" role=\"img\" aria-label=\"\(title)\" class=\"funnel\">"
        ]
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight + 5
            let value = row.value ?? 0
            let width = max(value / largest * barWidth, value > 0 ? 2 : 0)
            let colour = index < 4 ? "#335c67" : "#2a9d8f"
            svg.append(
                "<text x=\"\(Int(labelWidth - 8))\" y=\"\(Int(y + 17))\" text-anchor=\"end\" font-size=\"13\" fill=\"#222\">\(MarkupEscaping.escape(row.label[language], attribute: false))</text>"
                    + "<rect x=\"\(Int(labelWidth))\" y=\"\(Int(y + 3))\" width=\"\(String(format: "%.1f", width))\" height=\"\(Int(rowHeight - 8))\" fill=\"\(colour)\"/>"
                    + "<text x=\"\(String(format: "%.1f", labelWidth + width + 6))\" y=\"\(Int(y + 17))\" font-size=\"13\" fill=\"#222\">\(Int(value))</text>"
            )
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n")
    }
}
