/// A price or disposal cost is a finite, non-negative amount (`value.not-finite`,
/// `value.negative`) in an ISO 4217 currency (`value.invalid`), per a unit that measures the
/// resource and is not a power (`quantity.unit-mismatch`).
public struct CostRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let flow = context.flow
        for (name, cost) in [("price", flow.price), ("disposalCost", flow.disposalCost)] {
            guard let cost else { continue }
            let key = context.key + ".\(name)"
            reporter.checkNumber(cost.value, name: LocalizedText(en: name, fr: name), at: key + ".value")
            if cost.currency.count != 3 || !cost.currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                reporter.error(
                    .valueInvalid,
                    LocalizedText(
                        en: "\"\(cost.currency)\" is not an ISO 4217 currency code",
                        fr: "« \(cost.currency) » n'est pas un code de devise ISO 4217"),
                    at: key + ".currency", notes: [LocalizedText(en: "as EUR", fr: "comme EUR")])
            }
            if let entry = context.entry,
                !context.taxonomy.accepts(cost.unit.dimension, for: entry.code) || cost.unit.isPower
            {
                reporter.error(
                    .quantityUnitMismatch,
                    LocalizedText(
                        en:
                            "\(name) is per \(cost.unit.rawValue), which does not measure \(flow.resource) (\(entry.dimension.rawValue))",
                        fr:
                            "\(name) est par \(cost.unit.rawValue), qui ne mesure pas \(flow.resource) (\(entry.dimension.name(in: .fr)))"
                    ),
                    at: key + ".unit")
            }
        }
    }
}
