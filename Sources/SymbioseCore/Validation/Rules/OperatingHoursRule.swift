/// A power comes with its operating hours per year, in 0…8784, and hours come only with a
/// power (`quantity.power-without-hours`, `quantity.hours-range`).
public struct OperatingHoursRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard let quantity = context.flow.quantity else { return }
        let key = context.key
        switch (quantity.unit.isPower, quantity.hours) {
        case (true, let hours?):
            guard !hours.isFinite || hours <= 0 || hours > 8784 else { return }
            reporter.error(
                .quantityHoursRange,
                LocalizedText(
                    en: "operating hours must be more than 0 and at most 8784 a year",
                    fr: "les heures de fonctionnement doivent être plus de 0 et au plus 8784 par an"),
                at: key + ".quantity.hours")
        case (true, nil):
            reporter.error(
                .quantityPowerWithoutHours,
                LocalizedText(
                    en: "a power in \(quantity.unit.rawValue) needs its operating hours per year (hours)",
                    fr: "une puissance en \(quantity.unit.rawValue) demande ses heures de fonctionnement par an (hours)"
                ),
                at: key + ".quantity",
                notes: [
                    LocalizedText(
                        en: "or give an energy over a period, as MWh per year",
                        fr: "ou donnez une énergie sur une période, comme des MWh par an")
                ])
        case (false, .some):
            reporter.error(
                .quantityHoursRange,
                LocalizedText(
                    en: "operating hours only go with a power (kW, MW)",
                    fr: "les heures de fonctionnement ne vont qu'avec une puissance (kW, MW)"),
                at: key + ".quantity.hours")
        case (false, nil):
            return
        }
    }
}
