/// Heat and cold flows give a temperature (`flow.heat-without-temperature`, a warning), only
/// they give a medium (`flow.quality-not-applicable`), and a temperature is a finite number
/// above absolute zero (`value.not-finite`, `value.invalid`).
public struct TemperatureRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let (flow, key) = (context.flow, context.key)
        let quality = flow.quality
        if let category = flow.category, category == .heat || category == .cold {
            if quality.temperature == nil {
                reporter.warning(
                    .flowHeatWithoutTemperature,
                    LocalizedText(
                        en: "\(category.rawValue) flow \(flow.id) has no temperature",
                        fr: "le flux de \(category == .heat ? "chaleur" : "froid") \(flow.id) n'a pas de température"),
                    at: key, notes: [Self.assumption(for: flow.resource, taxonomy: context.taxonomy)])
            }
        } else if quality.medium != nil {
            reporter.warning(
                .flowQualityNotApplicable,
                LocalizedText(
                    en: "medium applies to heat and cold flows only",
                    fr: "medium ne s'applique qu'aux flux de chaleur et de froid"
                ), at: key + ".medium")
        }
        guard let temperature = quality.temperature else { return }
        reporter.checkNumber(
            temperature, name: LocalizedText(en: "temperature", fr: "la température"), at: key + ".temperature",
            allowNegative: true)
        if temperature < -273.15 {
            reporter.error(
                .valueInvalid,
                LocalizedText(en: "temperature is below absolute zero", fr: "la température est sous le zéro absolu"),
                at: key + ".temperature")
        }
    }

    /// What matching does without a temperature: assume the code's usual range, or, without one,
    /// keep the match unchecked.
    static func assumption(for code: ResourceCode, taxonomy: Taxonomy) -> LocalizedText {
        guard let range = taxonomy.typicalTemperature(of: code) else {
            return LocalizedText(
                en: "without it, matches cannot check that the temperature levels fit",
                fr: "sans elle, l'appariement ne peut pas vérifier les niveaux de température")
        }
        let low = JSONOutput.format(range.lowerBound), high = JSONOutput.format(range.upperBound)
        return LocalizedText(
            en:
                "matching assumes the usual range of \(code), \(low) to \(high) °C: a match that fits only part of it scores lower",
            fr:
                "l'appariement suppose la plage usuelle de \(code), de \(low) à \(high) °C : une synergie qui n'en couvre qu'une partie est moins bien notée"
        )
    }
}
