/// A declared quantity more than ten times the top of the typical range of the firm's activity
/// for its headcount, in the activity knowledge base (`Docs/activity-profiles.md`), is probably
/// a unit or a typing mistake (`quantity.implausible`, a warning naming the range).
public struct QuantityPlausibilityRule: ProfileRule {
    /// How far above the top of the typical range a quantity is called implausible.
    public static let margin = 10.0

    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        // Other rules report a headcount below one, and numbers that are not finite or too large.
        guard let activity = ActivityBase.builtIn.activity(naf: profile.company.naf),
            (profile.company.employees ?? 1) >= 1
        else { return }
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? profile.outputs : profile.inputs
            for (index, flow) in flows.enumerated() {
                guard let declared = taxonomy.annualAmount(of: flow),
                    let typical = typicalTop(of: flow, in: activity, profile)
                else { continue }
                guard declared.isFinite, typical.base > 0, declared > Self.margin * typical.base,
                    flow.quantity.map({ abs($0.value) <= 1e12 }) ?? false
                else { continue }
                let range =
                    NumberFormatting.quantity(typical.low, language: .en) + "–"
                    + NumberFormatting.quantity(typical.high, language: .en) + " " + typical.unit
                let rangeFR =
                    NumberFormatting.quantity(typical.low, language: .fr) + "–"
                    + NumberFormatting.quantity(typical.high, language: .fr) + " " + typical.unit
                let people = profile.company.employees ?? activity.typicalEmployees
                reporter.warning(
                    .quantityImplausible,
                    LocalizedText(
                        en:
                            "\(flow.id) is more than \(Int(Self.margin)) times the usual amount for activity \(activity.naf) with \(people) employees (\(range) a year): check the figure and its unit",
                        fr:
                            "\(flow.id) dépasse plus de \(Int(Self.margin)) fois la quantité usuelle pour l'activité \(activity.naf) avec \(people) salariés (\(rangeFR) par an) : vérifiez le chiffre et son unité"
                    ),
                    at: ProfileSource.flowKey(direction, index) + ".quantity")
            }
        }
    }

    /// The top of the activity's typical range for a flow of the same direction and resource
    /// (or a more or less specific one), in the resource's base unit per year and as declared.
    private func typicalTop(
        of flow: Flow, in activity: ActivityProfile, _ profile: Profile
    ) -> (base: Double, low: Double, high: Double, unit: String)? {
        let typical = activity.flows.first { typical in
            typical.direction == flow.direction
                && (flow.resource.isWithin(typical.resource) || typical.resource.isWithin(flow.resource))
        }
        guard let typical, typical.unit.dimension == flow.quantity?.unit.dimension else { return nil }
        let amounts = activity.amounts(of: typical, employees: profile.company.employees)
        return (amounts.high * typical.unit.factorToBase, amounts.low, amounts.high, typical.unit.rawValue)
    }
}
