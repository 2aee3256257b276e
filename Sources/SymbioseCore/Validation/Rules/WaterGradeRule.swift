/// A water grade is given on water flows only (`flow.quality-not-applicable`, a warning).
public struct WaterGradeRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard context.flow.quality.waterGrade != nil, context.flow.category != .water else { return }
        reporter.warning(
            .flowQualityNotApplicable,
            LocalizedText(en: "grade applies to water flows only", fr: "grade ne s'applique qu'aux flux d'eau"),
            at: context.key + ".grade")
    }
}
