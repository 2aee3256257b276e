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
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        var lines: [String] = []
        var totals = ImpactTotals()
        let header =
            TextWrapping.pad("#", 4, right: true) + "  "
            + TextWrapping.pad(LocalizedText(en: "Score", fr: "Score")[language], 5, right: true)
            + "  "
            + TextWrapping.pad(LocalizedText(en: "Kind", fr: "Type")[language], 12) + "  "
            + TextWrapping.pad(LocalizedText(en: "Resource", fr: "Ressource")[language], 42)
            + "  " + TextWrapping.pad("km", 6, right: true) + "  "
            + TextWrapping.pad(LocalizedText(en: "Quantity", fr: "Quantité")[language], 20)
        lines.append(header)
        lines.append(String(repeating: "─", count: width))
        for (offset, synergy) in synergies.enumerated() {
            let kind: String
            let resource: String
            let km: String
            let quantity: String
            var who: String
            switch synergy {
            case .substitution(let s):
                kind = LocalizedText(en: "substitution", fr: "substitution")[language]
                resource = s.resource
                km = s.distanceKm.map { NumberFormatting.distance($0, language: language) } ?? "?"
                quantity =
                    s.flags.contains(.confidential)
                    ? (LocalizedText(en: "confidential", fr: "confidentiel")[language])
                    : (s.quantity.map(writer.amount) ?? "?")
                who = "\(s.supplier.companyName) → \(s.receiver.companyName)"
            case .pooling(let p):
                kind = LocalizedText(en: "pooling", fr: "mutualisation")[language]
                resource = p.resource
                km = "≤ " + NumberFormatting.distance(p.spreadKm, language: language)
                quantity =
                    p.flags.contains(.confidential)
                    ? (LocalizedText(en: "confidential", fr: "confidentiel")[language])
                    : (p.total.map(writer.amount) ?? "?")
                who = "\(p.mode.rawValue): " + p.members.map(\.reference.companyName).joined(separator: ", ")
            }
            lines.append(
                TextWrapping.pad(String(offset + 1), 4, right: true) + "  "
                    + TextWrapping.pad(
                        NumberFormatting.format(synergy.score, decimals: 2, language: language), 5, right: true)
                    + "  " + TextWrapping.pad(kind, 12) + "  " + TextWrapping.pad(resource, 42) + "  "
                    + TextWrapping.pad(km, 6, right: true) + "  " + TextWrapping.pad(quantity, 20))
            let indent = String(repeating: " ", count: 6)
            for line in TextWrapping.wrap(who, width: width - indent.count) { lines.append(indent + line) }
            for line in TextWrapping.wrap(writer.reason(synergy), width: width - indent.count) {
                lines.append(indent + line)
            }
            let terms = synergy.terms.map {
                "\($0.term.rawValue) \(NumberFormatting.format($0.value, decimals: 2, language: language))"
            }
            var detail = terms.joined(separator: " · ")
            if !synergy.flags.isEmpty { detail += " | " + synergy.flags.map(\.rawValue).joined(separator: ", ") }
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
        let shown = synergies.count, total = result.synergies.count
        lines.append(
            LocalizedText(
                en:
                    "\(shown) of \(total) synerg\(total == 1 ? "y" : "ies") shown (\(result.siteCount) sites, \(result.flowCount) flows).",
                fr:
                    "\(shown) synergie\(shown > 1 ? "s" : "") affichée\(shown > 1 ? "s" : "") sur \(total) (\(result.siteCount) sites, \(result.flowCount) flux)."
            )[language])
        return lines.map { $0.replacingTrailingSpaces() + "\n" }.joined()
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        String(reversed().drop(while: { $0 == " " }).reversed())
    }
}
