/// Purity is a percentage from 0 to 100 (`flow.purity-range`).
public struct PurityRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard let purity = context.flow.quality.purity, !purity.isFinite || purity < 0 || purity > 100 else { return }
        reporter.error(
            .flowPurityRange,
            LocalizedText(en: "purity is a percentage from 0 to 100", fr: "la pureté est un pourcentage de 0 à 100"),
            at: context.key + ".purity")
    }
}
