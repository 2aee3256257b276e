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
        TableExport.csv(
            cells(synergies, taxonomy: taxonomy, impacts: impacts, language: language), separator: separator,
            byteOrderMark: byteOrderMark)
    }

    /// The table of synergies, header first, one row per synergy, for CSV and `.xlsx` alike.
    static func cells(
        _ synergies: [Synergy], taxonomy: Taxonomy, impacts: [String: SynergyImpact], language: Language
    ) -> [[TableCell]] {
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        func number(_ value: Double?, _ decimals: Int) -> TableCell {
            guard let value, value.isFinite else { return .number(nil) }
            let scale = pow10(decimals)
            return .number((value * scale).rounded() / scale)
        }
        var rows: [[TableCell]] = [header(in: language).map(TableCell.text)]
        for (offset, synergy) in synergies.enumerated() {
            var row: [TableCell] = [.number(Double(offset + 1)), .text(synergy.id), .text(synergy.kind.rawValue)]
            row += columns(of: synergy, number: number)
            row += synergy.terms.map { number($0.value, 4) }
            row.append(.text(synergy.flags.map(\.rawValue).joined(separator: " ")))
            row.append(.text(writer.reason(synergy)))
            let impact = synergy.flags.contains(.confidential) ? nil : impacts[synergy.id]
            row += [number(impact?.netKg?.rounded(), 0), number(impact?.netEUR?.rounded(), 0)]
            rows.append(row)
        }
        return rows
    }

    /// The columns from `mode` to `coverage`: who, what, how far and how much.
    private static func columns(of synergy: Synergy, number: (Double?, Int) -> TableCell) -> [TableCell] {
        let empty = TableCell.text("")
        switch synergy {
        case .substitution(let s):
            let hidden = s.flags.contains(.confidential)
            return [
                empty, number(s.score, 4), .text(s.category.rawValue), .text(s.resource.rawValue),
                .text(s.needResource.rawValue), .text(s.supplier.company.rawValue), .text(s.supplier.companyName),
                .text(s.supplier.flow.rawValue), .text(s.receiver.company.rawValue), .text(s.receiver.companyName),
                .text(s.receiver.flow.rawValue), empty, number(s.distanceKm, 2), number(nil, 2),
                number(hidden ? nil : s.quantity?.value, 3), .text(s.quantity?.unit.rawValue ?? ""),
                .text(s.quantity?.period.rawValue ?? ""), number(s.coverage, 4),
            ]
        case .pooling(let p):
            let hidden = p.flags.contains(.confidential)
            return [
                .text(p.mode.rawValue), number(p.score, 4), .text(p.category.rawValue), .text(p.resource.rawValue),
                empty, empty, empty, empty, empty, empty, empty,
                .text(p.members.map(\.reference.company.rawValue).joined(separator: " ")), number(nil, 2),
                number(p.spreadKm, 2), number(hidden ? nil : p.total?.value, 3), .text(p.total?.unit.rawValue ?? ""),
                .text(p.total?.period.rawValue ?? ""), number(nil, 4),
            ]
        }
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
