import Foundation

/// The semantic checks every profile gets, whatever its format: codes, units, coordinates,
/// months, classifications and identifiers.
///
/// Structural checks (types, required fields) happen while decoding; this stage sees
/// well-typed profiles and reports every remaining problem, located through each profile's
/// ``ProfileSource``.
public struct ProfileValidator: Sendable {
    public var taxonomy: Taxonomy
    /// The most threads checking profiles uses; the diagnostics do not depend on it.
    public var threads = Parallel.processors
    /// The checks of a profile as a whole, in order.
    public var profileRules: [any ProfileRule]
    /// The checks of each flow, in order.
    public var flowRules: [any FlowRule]

    /// Every rule, one per file under `Validation/Rules/`.
    public static let profileRules: [any ProfileRule] = [
        CompanyIdentifierRule(), CompanyNameRule(), ActivityCodeRule(), SIRETRule(), EmployeesRule(),
        SiteCoordinatesRule(), PostcodeRule(), FlowsDeclaredRule(), DuplicateFlowRule(), QuantityPlausibilityRule(),
        TextFieldRule(),
    ]
    public static let flowRules: [any FlowRule] = [
        FlowIdentifierRule(), ResourceCodeRule(), QuantityRule(), OperatingHoursRule(), TemperatureRule(),
        WaterGradeRule(), PurityRule(), ListOfWasteRule(), AvailabilityRule(), FlowDirectionRule(), CostRule(),
        MaxDistanceRule(), LoadShapeRule(),
    ]

    /// A validator applying `profileRules` and `flowRules` (all of them by default).
    public init(
        taxonomy: Taxonomy, profileRules: [any ProfileRule] = Self.profileRules,
        flowRules: [any FlowRule] = Self.flowRules
    ) {
        self.taxonomy = taxonomy
        self.profileRules = profileRules
        self.flowRules = flowRules
    }

    /// Checks every profile and the set as a whole (company ids are unique across files).
    ///
    /// - Returns: every problem found, in input order.
    /// - Complexity: O(*p* · *f*) for *p* profiles of *f* flows, plus O(*t*) per unknown code
    ///   for suggestions over *t* taxonomy entries.
    public func validate(_ profiles: [LoadedProfile]) -> [Diagnostic] {
        // Each profile on its own, on several threads; then the set, in input order.
        let validator = self
        let own = Parallel.map(profiles.count, threads: threads) { range in
            range.map { validator.validate(profiles[$0]) }
        }
        var diagnostics: [Diagnostic] = []
        // The first profile of each id; a location is worked out only for a duplicate.
        var firstSeen: [CompanyID: Int] = [:]
        for (position, found) in own.enumerated() {
            diagnostics += found
            let id = profiles[position].profile.company.id
            if let earlier = firstSeen[id] {
                let (location, first) = (
                    profiles[position].source.locate("company.id"), profiles[earlier].source.locate("company.id")
                )
                diagnostics.append(
                    .error(
                        .profileDuplicateCompany,
                        LocalizedText(
                            en: "company id \"\(id)\" is already used",
                            fr: "l'identifiant d'entreprise « \(id) » est déjà utilisé"), at: location,
                        notes: [
                            LocalizedText(en: "first used at \(first.prefix)", fr: "déjà utilisé en \(first.prefix)")
                        ]))
            } else {
                firstSeen[id] = position
            }
        }
        return diagnostics
    }

    /// Checks one profile on its own: every profile rule, then every flow rule on each flow,
    /// outputs first.
    ///
    /// Flows and rules are read where they stand, by position: a loop over a list copies each
    /// element out, a boxed rule a dozen times for each of hundreds of thousands of flows.
    public func validate(_ loaded: LoadedProfile) -> [Diagnostic] {
        var reporter = RuleReporter(source: loaded.source)
        for rule in profileRules.indices {
            profileRules[rule].check(loaded.profile, taxonomy: taxonomy, into: &reporter)
        }
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? loaded.profile.outputs : loaded.profile.inputs
            for index in flows.indices {
                let context = FlowContext(
                    flow: flows[index], key: ProfileSource.flowKey(direction, index),
                    entry: taxonomy[flows[index].resource], taxonomy: taxonomy)
                for rule in flowRules.indices { flowRules[rule].check(context, into: &reporter) }
            }
        }
        return reporter.diagnostics
    }
}
