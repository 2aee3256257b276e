import SymbioseCore

/// Impacts as people read them, and as JSON.
public enum ImpactText {
    /// Net CO2e as "952,9 t CO2e/an", or "?" when unknown.
    public static func co2e(_ kg: Double?, period: Period = .year, language: Language) -> String {
        guard let kg else { return "?" }
        let tonnes = kg / 1000
        let decimals = abs(tonnes) >= 100 ? 0 : 1
        return NumberFormatting.format(tonnes, decimals: decimals, language: language) + " t CO2e"
            + suffix(period, language)
    }

    /// Net € as "99 350 €/an", or "?" when unknown.
    public static func euros(_ value: Double?, period: Period = .year, language: Language) -> String {
        guard let value else { return "?" }
        return NumberFormatting.format(value, decimals: 0, language: language) + " €" + suffix(period, language)
    }

    private static func suffix(_ period: Period, _ language: Language) -> String {
        guard period == .year else { return "" }
        return LocalizedText(en: "/yr", fr: "/an")[language]
    }

    /// One line: "impact: 952.9 t CO2e/yr net, 99,350 €/yr", with what is missing.
    public static func summary(_ impact: SynergyImpact, language: Language) -> String {
        let period = impact.quantity?.period ?? .year
        var parts: [String] = []
        if let net = impact.netKg { parts.append(co2e(net, period: period, language: language) + " net") }
        if let net = impact.netEUR { parts.append(euros(net, period: period, language: language)) }
        let gaps = impact.rates.gaps.filter { $0 != .distanceUnknown || impact.netKg == nil }
        if parts.isEmpty { parts.append(LocalizedText(en: "not estimated", fr: "non estimé")[language]) }
        var line = (LocalizedText(en: "impact: ", fr: "impact : ")[language]) + parts.joined(separator: ", ")
        if !gaps.isEmpty { line += " (" + gaps.map(\.rawValue).joined(separator: ", ") + ")" }
        if let outlet = impact.rates.recovered { line += "; " + recoveredNote(outlet)[language] }
        return line
    }

    /// Why the supplier's side counts nothing: its release is already recovered.
    public static func recoveredNote(_ outlet: ReleaseOutlet) -> LocalizedText {
        switch outlet {
        case .sold: LocalizedText(en: "already sold: no disposal avoided", fr: "déjà vendu : aucune élimination évitée")
        case .reuse:
            LocalizedText(en: "already reused: no disposal avoided", fr: "déjà réemployé : aucune élimination évitée")
        default:
            LocalizedText(en: "already recycled: no disposal avoided", fr: "déjà recyclé : aucune élimination évitée")
        }
    }

    /// The closing line of a list: its impacts add up to an upper bound, since pairs compete.
    /// Confidential synergies are left out of the sums, which could otherwise reveal them.
    public static func upperBound(_ totals: ImpactTotals, language: Language) -> String {
        var parts = [
            co2e(totals.netKg, language: language)
                + " "
                + LocalizedText(en: "over", fr: "sur")[language] + " "
                + LocalizedText.count(totals.withCO2e, en: ("pair", "pairs"), fr: ("paire", "paires"))[language]
        ]
        if totals.withEUR > 0 {
            parts.append(
                euros(totals.netEUR, language: language)
                    + (LocalizedText(en: " over \(totals.withEUR)", fr: " sur \(totals.withEUR)")[language]))
        }
        let list = parts.joined(separator: ", ")
        return LocalizedText(
            en:
                "Impacts of the pairs shown, confidential flows aside (an upper bound: they compete for the same flows, see symbiose plan): \(list).",
            fr:
                "Impacts des paires affichées, hors flux confidentiels (majorant : elles se disputent les mêmes flux, voir symbiose plan) : \(list)."
        )[language]
    }

    /// The factor list in `format`: a `symbiose/factors@1` document for JSON, a table for every
    /// other format.
    public static func factors(_ factors: ImpactFactors, as format: OutputFormat, language: Language) -> String {
        guard format == .json else { return factorsTable(factors, language: language) }
        return JSONOutput.object([
            ("schema", .string(FactorsFile.schema)), ("version", .string(factors.version)),
            ("factors", factorsJSON(factors.all, language: language)),
        ]).rendered()
    }

    /// The `impact` member of a synergy in JSON documents.
    public static func json(_ impact: SynergyImpact) -> JSONOutput {
        JSONTreeBuilder.build { write(impact, to: &$0) }
    }

    /// The same object, written to `out`.
    public static func write<Sink: JSONSink>(_ impact: SynergyImpact, to out: inout Sink) {
        func rounded(_ value: Double?, _ places: Int) -> Double? {
            value.map { RecommendationsJSON.rounded($0, places: places) }
        }
        let rates = impact.rates
        out.beginObject()
        out.member("carrier", rates.carrier.rawValue)
        out.member("networkKm", rounded(rates.networkKm, 2))
        if rates.tonnesPerUnit != nil { out.member("tonneKm", rounded(impact.tonneKm, 1)) }
        if let loss = rates.lossShare { out.member("heatLossShare", RecommendationsJSON.round4(loss)) }
        if let outlet = rates.recovered { out.member("supplierOutlet", outlet.rawValue) }
        out.object("co2eKg") { out in
            out.member("avoidedProduction", rounded(impact.avoidedProductionKg, 0))
            out.member("avoidedDisposal", rounded(impact.avoidedDisposalKg, 0))
            if rates.avoidedHaulKg != nil { out.member("avoidedHaul", rounded(impact.avoidedHaulKg, 0)) }
            out.member("transport", rounded(impact.transportKg, 0))
            out.member("heatPump", rounded(impact.heatPumpKg, 0))
            out.member("net", rounded(impact.netKg, 0))
        }
        out.object("eur") { out in
            out.member("purchaseSaved", rounded(impact.purchaseSavedEUR, 0))
            out.member("disposalSaved", rounded(impact.disposalSavedEUR, 0))
            if rates.avoidedHaulEUR != nil { out.member("avoidedHaul", rounded(impact.avoidedHaulEUR, 0)) }
            out.member("operatingCost", rounded(impact.operatingCostEUR, 0))
            out.member("net", rounded(impact.netEUR, 0))
        }
        out.array("factors") { out in for factor in rates.factors { out.string(factor) } }
        out.array("gaps") { out in for gap in rates.gaps { out.string(gap.rawValue) } }
        out.endObject()
    }

    /// Totals in JSON.
    public static func json(_ totals: ImpactTotals) -> JSONOutput {
        .object([
            ("synergies", .integer(totals.count)),
            ("withCO2e", .integer(totals.withCO2e)),
            ("withEUR", .integer(totals.withEUR)),
            ("netCO2eT", .number(RecommendationsJSON.rounded(totals.netKg / 1000, places: 1))),
            ("avoidedCO2eT", .number(RecommendationsJSON.rounded(totals.avoidedKg / 1000, places: 1))),
            ("emittedCO2eT", .number(RecommendationsJSON.rounded(totals.emittedKg / 1000, places: 1))),
            ("netEUR", .number(totals.netEUR.rounded())),
            (
                "quantities",
                .object(
                    totals.quantities.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                        ($0.key.rawValue, .number(RecommendationsJSON.rounded($0.value, places: 1)))
                    })
            ),
        ])
    }

    /// The factors used by some impact, in id order, as JSON.
    public static func factorsJSON(_ factors: [ImpactFactor], language: Language) -> JSONOutput {
        .array(
            factors.map { factor in
                var members: [(String, JSONOutput)] = [
                    ("id", .string(factor.id)), ("role", .string(factor.role.rawValue)),
                ]
                if let mode = factor.mode { members.append(("mode", .string(mode.rawValue))) }
                if !factor.resources.isEmpty {
                    members.append(("resources", .array(factor.resources.map(JSONOutput.string))))
                }
                members += [
                    ("value", .number(factor.value)), ("unit", .string(factor.unit)),
                    ("name", .string(factor.name[language])), ("source", .string(factor.source[language])),
                    ("year", .integer(factor.year)), ("estimate", .bool(factor.estimate)),
                ]
                if let outlet = factor.outlet {
                    members += [("outlet", .string(outlet.rawValue)), ("usual", .bool(factor.usual))]
                }
                return .object(members)
            })
    }

    /// The factors as a table for a terminal: id, value, unit, year, name and source, wrapped.
    public static func factorsTable(_ factors: ImpactFactors, language: Language) -> String {
        var lines: [String] = []
        for factor in factors.all {
            let estimate = factor.estimate ? (LocalizedText(en: ", estimate", fr: ", estimation")[language]) : ""
            lines.append(
                "\(factor.id)  \(NumberFormatting.plain(factor.value, decimalMark: language.decimalMark)) \(factor.unit)  (\(factor.year)\(estimate))"
            )
            var applies =
                factor.resources.isEmpty ? "" : " [" + factor.resources.map(\.rawValue).joined(separator: ", ") + "]"
            if let outlet = factor.outlet {
                applies +=
                    " (\(outlet.rawValue)" + (factor.usual ? LocalizedText(en: ", usual", fr: ", usuel")[language] : "")
                    + ")"
            }
            for line in TextWrapping.wrap(factor.name[language] + applies, width: 94) { lines.append("    " + line) }
            for line in TextWrapping.wrap(factor.source[language], width: 94) { lines.append("    " + line) }
        }
        lines.append(
            LocalizedText(
                en: "\(factors.all.count) factors, version \(factors.version).",
                fr: "\(factors.all.count) facteurs, version \(factors.version).")[language])
        return lines.map { $0 + "\n" }.joined()
    }
}
