import SymbioseCore

/// Synergies as CSV for spreadsheets, one row per synergy.
///
/// With a `;` separator (the French default) decimals use a comma, as French Excel expects;
/// fields holding the separator, quotes or line breaks are quoted (RFC 4180). An optional UTF-8
/// byte order mark makes Excel read accents correctly.
public enum SynergyCSV {
    public static func render(
        _ synergies: [Synergy], taxonomy: Taxonomy, impacts: [String: SynergyImpact] = [:], language: Language,
        separator: Character, byteOrderMark: Bool
    ) -> String {
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        let decimalMark: Character = separator == ";" ? "," : "."
        func number(_ value: Double?, _ decimals: Int) -> String {
            guard let value, value.isFinite else { return "" }
            let scale = pow10(decimals)
            return NumberFormatting.plain((value * scale).rounded() / scale, decimalMark: decimalMark)
        }
        var rows: [[String]] = [Self.header(in: language)]
        for (offset, synergy) in synergies.enumerated() {
            var row = [String(offset + 1), synergy.id, synergy.kind.rawValue]
            switch synergy {
            case .substitution(let s):
                let hidden = s.flags.contains(.confidential)
                row += [
                    "", number(s.score, 4), s.category.rawValue, s.resource.rawValue, s.needResource.rawValue,
                    s.supplier.company.rawValue, s.supplier.companyName, s.supplier.flow.rawValue,
                    s.receiver.company.rawValue, s.receiver.companyName, s.receiver.flow.rawValue, "",
                    number(s.distanceKm, 2), "", hidden ? "" : number(s.quantity?.value, 3),
                    s.quantity?.unit.rawValue ?? "",
                    s.quantity?.period.rawValue ?? "", number(s.coverage, 4),
                ]
            case .pooling(let p):
                let hidden = p.flags.contains(.confidential)
                row += [
                    p.mode.rawValue, number(p.score, 4), p.category.rawValue, p.resource.rawValue, "", "", "", "", "",
                    "", "",
                    p.members.map(\.reference.company.rawValue).joined(separator: " "), "", number(p.spreadKm, 2),
                    hidden ? "" : number(p.total?.value, 3), p.total?.unit.rawValue ?? "",
                    p.total?.period.rawValue ?? "", "",
                ]
            }
            row += synergy.terms.map { number($0.value, 4) }
            row.append(synergy.flags.map(\.rawValue).joined(separator: " "))
            row.append(writer.reason(synergy))
            let impact = synergy.flags.contains(.confidential) ? nil : impacts[synergy.id]
            row += [number(impact?.netKg?.rounded(), 0), number(impact?.netEUR?.rounded(), 0)]
            rows.append(row)
        }
        return CSVWriter.text(rows, separator: separator, byteOrderMark: byteOrderMark)
    }

    /// The column names, in the language of the rest of the file.
    static func header(in language: Language) -> [String] {
        switch language {
        case .fr:
            [
                "rang", "id", "type", "mode", "score", "categorie", "ressource", "ressource_besoin", "fournisseur",
                "fournisseur_nom", "fournisseur_flux", "receveur", "receveur_nom", "receveur_flux", "membres",
                "distance_km", "etendue_km", "quantite", "unite", "periode", "couverture", "terme_distance",
                "terme_volume", "terme_qualite", "terme_temps", "terme_confiance", "signaux", "raison",
                "co2e_net_kg", "euros_net",
            ]
        case .en:
            [
                "rank", "id", "kind", "mode", "score", "category", "resource", "need_resource", "supplier",
                "supplier_name", "supplier_flow", "receiver", "receiver_name", "receiver_flow", "members",
                "distance_km", "spread_km", "quantity", "unit", "per", "coverage", "term_distance", "term_volume",
                "term_quality", "term_time", "term_confidence", "flags", "reason", "co2e_net_kg", "eur_net",
            ]
        }
    }

    private static func pow10(_ n: Int) -> Double {
        var value = 1.0
        for _ in 0..<n { value *= 10 }
        return value
    }
}

extension SynergyCSV: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(
            render(
                report.synergies, taxonomy: report.taxonomy, impacts: report.impacts, language: report.language,
                separator: report.style.csvSeparator ?? report.language.csvSeparator,
                byteOrderMark: report.style.byteOrderMark))
    }
}
