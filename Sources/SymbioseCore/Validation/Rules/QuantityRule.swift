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
        if let entry = context.entry, context.taxonomy.accepts(unit.dimension, for: entry.code) {
            Self.checkVolume(context, unit: unit, entry: entry, into: &reporter)
            return
        }
        guard let entry = context.entry else { return }
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

    /// A gas in `m3` is read as normal cubic metres, said once per flow; a conversion through a
    /// default (biogas's methane share) is said with the default used.
    static func checkVolume(
        _ context: FlowContext, unit: QuantityUnit, entry: ResourceEntry, into reporter: inout RuleReporter
    ) {
        let (flow, key) = (context.flow, context.key)
        if unit == .cubicMetre, context.taxonomy.isGas(entry.code) {
            reporter.warning(
                .quantityGasVolume,
                LocalizedText(
                    en: "\(flow.id): m3 of a gas is read as normal cubic metres (Nm3, at 0 °C and 1 atm)",
                    fr: "\(flow.id) : des m3 d'un gaz sont lus comme des mètres cubes normaux (Nm3, à 0 °C et 1 atm)"),
                at: key + ".quantity.unit",
                notes: [LocalizedText(en: "write Nm3 to say so", fr: "écrivez Nm3 pour le dire")])
        }
        guard unit.dimension != entry.dimension,
            let equivalent = context.taxonomy.equivalent(from: unit.dimension, for: flow), equivalent.assumed
        else { return }
        reporter.warning(
            .quantityAssumedEquivalent,
            LocalizedText(
                en: "\(flow.id) is converted with a default: \(equivalent.rationale)",
                fr: "\(flow.id) est converti avec une valeur par défaut : \(equivalent.rationale)"),
            at: key + ".quantity.unit",
            notes: [
                LocalizedText(
                    en: "declare the flow in \(entry.dimension.baseUnit.rawValue) if you know its content",
                    fr: "déclarez le flux en \(entry.dimension.baseUnit.rawValue) si vous en connaissez la teneur")
            ])
    }
}
