import SymbioseCore

/// Synergies as Markdown: a summary table, then one paragraph per synergy with its reason and
/// score breakdown — ready to paste into workshop notes.
public enum SynergyMarkdown {
    public static func render(
        _ synergies: [Synergy], result: MatchResult, taxonomy: Taxonomy, impacts: [String: SynergyImpact] = [:],
        sumsImpacts: Bool = true, language: Language
    ) -> String {
        let words = ReportText(language: language)
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        func cell(_ text: String) -> String { MarkdownEscaping.cell(text) }
        var out = LocalizedText(en: "# Synergies\n\n", fr: "# Synergies\n\n")[language]
        out +=
            LocalizedText(
                en:
                    "\(result.siteCount) sites, \(result.flowCount) flows; \(synergies.count) of \(result.matching) synergies shown.\n\n",
                fr:
                    "\(result.siteCount) sites, \(result.flowCount) flux ; \(synergies.count) synergies affichées sur \(result.matching).\n\n"
            )[language]
        if let note = ReportText.perNeedLimit(result) { out += note[language] + "\n\n" }
        out +=
            LocalizedText(
                en: "| # | Score | Kind | Resource | Who | km | Quantity |\n",
                fr: "| # | Score | Type | Ressource | Qui | km | Quantité |\n")[language]
        out += "|---:|---:|---|---|---|---:|---:|\n"
        for (offset, synergy) in synergies.enumerated() {
            let score = NumberFormatting.format(synergy.score, decimals: 2, language: language)
            let cells = SynergyCells(synergy, writer: writer, name: cell)
            switch synergy {
            case .substitution(let s):
                out +=
                    "| \(offset + 1) | \(score) | substitution | `\(s.resource)` → `\(s.needResource)` | \(cells.who) | \(cells.km) | \(cells.quantity) |\n"
            case .pooling(let p):
                out +=
                    "| \(offset + 1) | \(score) | \(cells.kind) (\(words.mode(p.mode))) | `\(p.resource)` | \(cells.who) | \(cells.km) | \(cells.quantity) |\n"
            }
        }
        out += "\n"
        var totals = ImpactTotals()
        for (offset, synergy) in synergies.enumerated() {
            out += "**\(offset + 1).** \(MarkdownEscaping.text(writer.reason(synergy)))\n"
            let terms = synergy.terms.map {
                "\(words.term($0.term)) \(NumberFormatting.format($0.value, decimals: 2, language: language)) × \(NumberFormatting.format($0.weight, decimals: 2, language: language))"
            }
            out += "  \(LocalizedText(en: "Score", fr: "Score")[language]) = " + terms.joined(separator: " + ")
            if !synergy.flags.isEmpty {
                out +=
                    LocalizedText(en: "; ", fr: " ; ")[language]
                    + synergy.flags.map { "*\(words.flag($0))*" }.joined(separator: ", ")
            }
            if let impact = impacts[synergy.id], !synergy.flags.contains(.confidential) {
                totals.add(impact)
                out += "  \n  " + ImpactText.summary(impact, language: language)
            }
            out += "\n\n"
        }
        if sumsImpacts && totals.withCO2e + totals.withEUR > 0 {
            out += ImpactText.upperBound(totals, language: language) + "\n"
        }
        return out
    }
}

extension SynergyMarkdown: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(
            render(
                report.synergies, result: report.result, taxonomy: report.taxonomy, impacts: report.impacts,
                language: report.language))
    }
}
