import SymbioseCore

/// Synergies as a table for a terminal, at most 100 columns wide: one header line per synergy
/// (rank, score, kind, resource, distance, quantity), then who, the reason and the flags,
/// indented and wrapped.
public enum SynergyTable {
    public static let width = 100

    public static func render(
        _ synergies: [Synergy], result: MatchResult, taxonomy: Taxonomy, impacts: [String: SynergyImpact] = [:],
        sumsImpacts: Bool = true, language: Language
    ) -> String {
        let words = ReportText(language: language)
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        var lines: [String] = []
        var totals = ImpactTotals()
        lines.append(header(language))
        lines.append(String(repeating: "─", count: width))
        for (offset, synergy) in synergies.enumerated() {
            if synergy.isServiceSwap && (offset == 0 || !synergies[offset - 1].isServiceSwap) {
                lines += [serviceHeading[language], ""]
            }
            let cells = SynergyCells(synergy, writer: writer)
            lines.append(
                TextWrapping.pad(String(offset + 1), 4, right: true) + "  "
                    + TextWrapping.pad(
                        NumberFormatting.format(synergy.score, decimals: 2, language: language), 5, right: true)
                    + "  " + TextWrapping.pad(cells.kind, 13) + "  " + TextWrapping.pad(cells.resource, 41) + "  "
                    + TextWrapping.pad(cells.km, 6, right: true) + "  " + TextWrapping.pad(cells.quantity, 20))
            let indent = String(repeating: " ", count: 6)
            let who =
                switch synergy {
                case .substitution: cells.who
                case .pooling(let p): words.mode(p.mode) + LocalizedText(en: ": ", fr: " : ")[language] + cells.who
                }
            for line in TextWrapping.wrap(who, width: width - indent.count) { lines.append(indent + line) }
            for line in TextWrapping.wrap(writer.reason(synergy), width: width - indent.count) {
                lines.append(indent + line)
            }
            let terms = synergy.terms.map {
                "\(words.term($0.term)) \(NumberFormatting.format($0.value, decimals: 2, language: language))"
            }
            var detail = terms.joined(separator: " · ")
            if !synergy.flags.isEmpty { detail += " | " + synergy.flags.map(words.flag).joined(separator: ", ") }
            for line in TextWrapping.wrap(detail, width: width - indent.count) { lines.append(indent + line) }
            if let impact = impacts[synergy.id], !synergy.flags.contains(.confidential) {
                totals.add(impact)
                let line = ImpactText.summary(impact, language: language)
                for part in TextWrapping.wrap(line, width: width - indent.count) { lines.append(indent + part) }
            }
            lines.append("")
        }
        if sumsImpacts && totals.withCO2e + totals.withEUR > 0 {
            lines += TextWrapping.wrap(ImpactText.upperBound(totals, language: language), width: width)
        }
        let shown = synergies.count, total = result.matching
        lines.append(
            LocalizedText(
                en:
                    "\(shown) of \(total) synerg\(total == 1 ? "y" : "ies") shown (\(result.siteCount) sites, \(result.flowCount) flows).",
                fr:
                    "\(shown) synergie\(shown > 1 ? "s" : "") affichée\(shown > 1 ? "s" : "") sur \(total) (\(result.siteCount) sites, \(result.flowCount) flux)."
            )[language])
        if let note = ReportText.perNeedLimit(result) { lines += TextWrapping.wrap(note[language], width: width) }
        return lines.map { $0.replacingTrailingSpaces() + "\n" }.joined()
    }

    /// The line that opens the section of service swaps.
    static let serviceHeading = LocalizedText(
        en: "Service swaps (skills, spare capacity, transport), after the exchanges of resources:",
        fr: "Échanges de services (compétences, capacités libres, transport), après les échanges de ressources :")

    static func header(_ language: Language) -> String {
        TextWrapping.pad("#", 4, right: true) + "  " + TextWrapping.pad("Score", 5, right: true) + "  "
            + TextWrapping.pad(LocalizedText(en: "Kind", fr: "Type")[language], 13) + "  "
            + TextWrapping.pad(LocalizedText(en: "Resource", fr: "Ressource")[language], 41) + "  "
            + TextWrapping.pad("km", 6, right: true) + "  "
            + TextWrapping.pad(LocalizedText(en: "Quantity", fr: "Quantité")[language], 20)
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }

}

/// What the table and the Markdown list show of a synergy, in the reader's language.
struct SynergyCells {
    var kind: String
    var resource: String
    var km: String
    var quantity: String
    /// Supplier → receiver, or the members of a pool.
    var who: String

    init(_ synergy: Synergy, writer: ReasonWriter, name: (String) -> String = { $0 }) {
        let language = writer.language
        let confidential = LocalizedText(en: "confidential", fr: "confidentiel")[language]
        switch synergy {
        case .substitution(let s):
            kind = "substitution"
            resource = s.resource.rawValue
            km = s.distanceKm.map { NumberFormatting.distance($0, language: language) } ?? "?"
            quantity = s.flags.contains(.confidential) ? confidential : (s.quantity.map(writer.amount) ?? "?")
            who = "\(name(s.supplier.companyName)) → \(name(s.receiver.companyName))"
        case .pooling(let p):
            kind = LocalizedText(en: "pooling", fr: "mutualisation")[language]
            resource = p.resource.rawValue
            km = "≤ " + NumberFormatting.distance(p.spreadKm, language: language)
            quantity = p.flags.contains(.confidential) ? confidential : (p.total.map(writer.amount) ?? "?")
            who = p.members.map { name($0.reference.companyName) }.joined(separator: ", ")
        }
    }
}

extension SynergyTable: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(
            render(
                report.synergies, result: report.result, taxonomy: report.taxonomy, impacts: report.impacts,
                language: report.language))
    }
}
