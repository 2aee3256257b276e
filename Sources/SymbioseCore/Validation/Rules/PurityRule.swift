/// Purity and methane share are percentages from 0 to 100 (`flow.purity-range`); a methane share
/// on a flow whose quantity never goes through one is said to be unused
/// (`flow.quality-not-applicable`).
public struct PurityRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let quality = context.flow.quality
        if let purity = quality.purity, !purity.isFinite || purity < 0 || purity > 100 {
            reporter.error(
                .flowPurityRange,
                LocalizedText(
                    en: "purity is a percentage from 0 to 100", fr: "la pureté est un pourcentage de 0 à 100"),
                at: context.key + ".purity")
        }
        guard let methane = quality.methane else { return }
        if !methane.isFinite || methane <= 0 || methane > 100 {
            reporter.error(
                .flowPurityRange,
                LocalizedText(
                    en: "the methane share is a percentage above 0 and up to 100",
                    fr: "la teneur en méthane est un pourcentage supérieur à 0 et jusqu'à 100"),
                at: context.key + ".methane")
        } else if !PhysicalDimension.allCases.contains(where: {
            context.taxonomy.equivalent(from: $0, for: context.flow.resource)?.methaneShare != nil
        }) {
            reporter.warning(
                .flowQualityNotApplicable,
                LocalizedText(
                    en: "a methane share is used only for gases converted through one, such as biogas: it is ignored",
                    fr:
                        "une teneur en méthane ne sert qu'aux gaz convertis par elle, comme le biogaz : elle est ignorée"
                ),
                at: context.key + ".methane")
        }
    }
}
