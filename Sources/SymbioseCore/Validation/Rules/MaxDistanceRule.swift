/// A flow's own distance limit is a finite, non-negative number of km (`value.not-finite`,
/// `value.negative`).
public struct MaxDistanceRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard let distance = context.flow.maxDistanceKm else { return }
        reporter.checkNumber(
            distance, name: LocalizedText(en: "maxDistanceKm", fr: "maxDistanceKm"), at: context.key + ".maxDistanceKm")
    }
}
