/// Months are numbers 1…12 given once (`flow.invalid-month`, `flow.duplicate-month`), and the
/// quantity's period fits the availability: `once` for a one-off flow and only for it
/// (`flow.one-off-period`).
public struct AvailabilityRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let (flow, key) = (context.flow, context.key)
        let once = flow.quantity?.period == .once
        switch flow.availability {
        case .continuous:
            if once {
                periodError(
                    LocalizedText(
                        en: "a quantity per once needs a one-off date (oneOff)",
                        fr: "une quantité « once » demande une date ponctuelle (oneOff)"), key, &reporter)
            }
        case .seasonal(let months):
            checkMonths(months, key: key, &reporter)
            if once {
                periodError(
                    LocalizedText(
                        en: "a seasonal flow cannot have a quantity per once",
                        fr: "un flux saisonnier ne peut pas avoir une quantité « once »"), key, &reporter)
            }
        case .oneOff(_, let month):
            if !(1...12).contains(month) { notAMonth(month, at: key + ".oneOff", &reporter) }
            if flow.quantity != nil && !once {
                periodError(
                    LocalizedText(
                        en: "a one-off flow's quantity must be per once",
                        fr: "la quantité d'un flux ponctuel doit être « per once »"), key, &reporter)
            }
        }
    }

    private func checkMonths(_ months: [Int], key: String, _ reporter: inout RuleReporter) {
        if months.isEmpty {
            reporter.error(
                .flowInvalidMonth,
                LocalizedText(
                    en: "months is empty: leave it out for a continuous flow",
                    fr: "months est vide : omettez-le pour un flux continu"), at: key + ".months")
        }
        var seen: Set<Int> = []
        for month in months {
            if !(1...12).contains(month) {
                notAMonth(month, at: key + ".months", &reporter)
            } else if !seen.insert(month).inserted {
                reporter.error(
                    .flowDuplicateMonth,
                    LocalizedText(en: "month \(month) is listed twice", fr: "le mois \(month) figure deux fois"),
                    at: key + ".months")
            }
        }
    }

    private func notAMonth(_ month: Int, at key: String, _ reporter: inout RuleReporter) {
        reporter.error(
            .flowInvalidMonth,
            LocalizedText(
                en: "\(month) is not a month number (1 to 12)", fr: "\(month) n'est pas un numéro de mois (1 à 12)"),
            at: key)
    }

    private func periodError(_ message: LocalizedText, _ key: String, _ reporter: inout RuleReporter) {
        reporter.error(.flowOneOffPeriod, message, at: key + ".quantity.per")
    }
}
