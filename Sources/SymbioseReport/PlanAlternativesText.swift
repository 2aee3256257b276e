import SymbioseCore

/// The pairs matching ranks high that the plan leaves out, as lines for the terminal and
/// Markdown: what the plan that serves each first reaches, and what it takes the place of.
extension PlanText {
    static func alternatives(_ plan: Plan, taxonomy: Taxonomy, language: Language) -> [String] {
        guard !plan.alternatives.isEmpty else { return [] }
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        var lines = [
            LocalizedText(
                en: "Left out by the plan though matching ranks them high (the plan that serves each first):",
                fr: "Écartées par le plan malgré un bon classement (le plan qui sert chacune d'abord) :")[language]
        ]
        for alternative in plan.alternatives {
            lines.append("  " + line(alternative, plan: plan, writer: writer, language: language))
        }
        return lines
    }

    /// "Méthanisation → GAEC (digestate, 2,500 t/year), score 0.87: 13,855 t CO2e/yr, 102 t
    /// CO2e/yr less (-0.7 %), in place of STEP → GAEC (sewage sludge, 2,250 t/year); 1 other
    /// exchange changes."
    private static func line(
        _ alternative: PlanAlternative, plan: Plan, writer: ReasonWriter, language: Language
    ) -> String {
        let s = alternative.allocation.synergy
        let difference = alternative.value - plan.optimal.value
        let reached = objectiveValue(alternative.value, plan.objective, language: language)
        let gap = objectiveValue(abs(difference), plan.objective, language: language)
        let share =
            plan.optimal.value != 0
            ? NumberFormatting.format(difference / abs(plan.optimal.value) * 100, decimals: 1, language: language)
                + " %" : "—"
        let score = NumberFormatting.format(s.score, decimals: 2, language: language)
        let head = pair(s, writer: writer, language: language)
        var text =
            difference < 0
            ? LocalizedText(
                en: "\(head), score \(score): \(reached), \(gap) less (\(share))",
                fr: "\(head), score \(score) : \(reached), \(gap) de moins (\(share))")[language]
            : LocalizedText(
                en: "\(head), score \(score): \(reached), \(gap) more (+\(share))",
                fr: "\(head), score \(score) : \(reached), \(gap) de plus (+\(share))")[language]
        let displaced = alternative.displaced.prefix(3).map { pair($0.synergy, writer: writer, language: language) }
        if !displaced.isEmpty {
            text +=
                LocalizedText(en: ", in place of ", fr: ", à la place de ")[language]
                + displaced.joined(separator: LocalizedText(en: "; ", fr: " ; ")[language])
        }
        if alternative.rearranged > 0 {
            let others = LocalizedText.count(
                alternative.rearranged, en: ("other exchange changes", "other exchanges change"),
                fr: ("autre échange change", "autres échanges changent"))
            text += LocalizedText(en: "; ", fr: " ; ")[language] + others[language]
        }
        return text + "."
    }

    /// "Verallia France → Réseau de chaleur de Soissons (flue gas heat, 19,529 MWh/year)".
    private static func pair(_ s: SubstitutionSynergy, writer: ReasonWriter, language: Language) -> String {
        let confidential = s.flags.contains(.confidential)
        let quantity =
            confidential
            ? LocalizedText(en: "confidential", fr: "confidentiel")[language] : (s.quantity.map(writer.amount) ?? "?")
        return "\(s.supplier.companyName) → \(s.receiver.companyName) (\(writer.label(s.resource)), \(quantity))"
    }
}
