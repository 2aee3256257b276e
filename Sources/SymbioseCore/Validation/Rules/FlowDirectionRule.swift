/// Fields that belong to one direction appear only there: `status`, `outlet` and `disposalCost`
/// on outputs, `price` on inputs (`profile.status-on-input`, `profile.cost-direction`).
public struct FlowDirectionRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let (flow, key) = (context.flow, context.key)
        if flow.direction == .input && flow.status != nil {
            reporter.error(
                .profileStatusOnInput,
                LocalizedText(en: "status applies to outputs only", fr: "status ne s'applique qu'aux rejets (outputs)"),
                at: key + ".status")
        }
        if flow.direction == .input && flow.outlet != nil {
            reporter.error(
                .profileStatusOnInput,
                LocalizedText(
                    en: "outlet (where a release goes today) applies to outputs only",
                    fr: "outlet (la filière actuelle d'un rejet) ne s'applique qu'aux rejets (outputs)"),
                at: key + ".outlet")
        }
        if flow.direction == .output && flow.price != nil {
            reporter.error(
                .profileCostDirection,
                LocalizedText(
                    en: "price applies to inputs; use disposalCost for an output",
                    fr: "price s'applique aux besoins ; utilisez disposalCost pour un rejet"), at: key + ".price")
        }
        if flow.direction == .input && flow.disposalCost != nil {
            reporter.error(
                .profileCostDirection,
                LocalizedText(
                    en: "disposalCost applies to outputs; use price for an input",
                    fr: "disposalCost s'applique aux rejets ; utilisez price pour un besoin"), at: key + ".disposalCost"
            )
        }
    }
}
