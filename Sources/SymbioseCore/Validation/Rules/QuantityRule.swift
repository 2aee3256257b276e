/// A quantity is a finite, non-negative number in a unit of the resource's dimension
/// (`value.not-finite`, `value.negative`, `quantity.unit-mismatch`); a flow without one is a
/// data gap (`flow.missing-quantity`, a warning).
public struct QuantityRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let (flow, key) = (context.flow, context.key)
        guard let quantity = flow.quantity else {
            reporter.warning(
                .flowMissingQuantity,
                LocalizedText(
                    en: "\(flow.id) has no quantity: it is kept as a data gap",
                    fr: "le flux \(flow.id) n'a pas de quantité : il est gardé comme lacune de données"),
                at: key,
                notes: [
                    LocalizedText(
                        en: "matches with it will be scored lower until a figure is given",
                        fr: "ses synergies seront moins bien notées tant qu'aucun chiffre n'est donné")
                ])
            return
        }
        reporter.checkNumber(
            quantity.value, name: LocalizedText(en: "quantity value", fr: "la quantité"), at: key + ".quantity.value")
        let unit = quantity.unit
        guard let entry = context.entry, !context.taxonomy.accepts(unit.dimension, for: entry.code) else { return }
        reporter.error(
            .quantityUnitMismatch,
            LocalizedText(
                en:
                    "\(unit.rawValue) measures \(unit.dimension.rawValue), but \(flow.resource) is measured in \(entry.dimension.rawValue)",
                fr:
                    "\(unit.rawValue) mesure une \(unit.dimension.name(in: .fr)), mais \(flow.resource) se mesure en \(entry.dimension.name(in: .fr))"
            ),
            at: key + ".quantity.unit",
            notes: [
                LocalizedText(
                    en: "use a unit of \(entry.dimension.rawValue), such as \(entry.dimension.baseUnit.rawValue)",
                    fr:
                        "utilisez une unité de \(entry.dimension.name(in: .fr)), comme \(entry.dimension.baseUnit.rawValue)"
                )
            ])
    }
}
