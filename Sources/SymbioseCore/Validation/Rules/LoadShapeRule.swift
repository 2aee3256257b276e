/// A declared monthly shape (`monthShares`) holds twelve finite, non-negative weights, January
/// first, some of them in months the flow runs; a one-off flow has none
/// (`flow.invalid-month-shares`).
public struct LoadShapeRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard let shares = context.flow.monthShares else { return }
        let at = context.key + ".monthShares"
        if case .oneOff = context.flow.availability {
            reporter.error(
                .flowInvalidMonthShares,
                LocalizedText(
                    en: "a one-off flow has no monthly shape: leave monthShares out",
                    fr: "un flux ponctuel n'a pas de répartition mensuelle : omettez monthShares"), at: at)
            return
        }
        guard shares.count == 12 else {
            reporter.error(
                .flowInvalidMonthShares,
                LocalizedText(
                    en: "monthShares holds 12 weights, January first; found \(shares.count)",
                    fr: "monthShares contient 12 poids, janvier d'abord ; trouvé \(shares.count)"), at: at)
            return
        }
        guard shares.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            reporter.error(
                .flowInvalidMonthShares,
                LocalizedText(
                    en: "monthShares weights are finite numbers, 0 or more",
                    fr: "les poids de monthShares sont des nombres finis, positifs ou nuls"), at: at)
            return
        }
        let running = MonthSet(context.flow.availability)
        if !running.months.contains(where: { shares[$0 - 1] > 0 }) {
            reporter.error(
                .flowInvalidMonthShares,
                LocalizedText(
                    en: "monthShares puts nothing in the months the flow runs",
                    fr: "monthShares ne met rien dans les mois où le flux a lieu"), at: at)
        }
    }
}
