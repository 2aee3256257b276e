/// A profile declares at least one flow (`profile.no-flows`, a warning).
public struct FlowsDeclaredRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        guard profile.outputs.isEmpty && profile.inputs.isEmpty else { return }
        reporter.warning(
            .profileNoFlows,
            LocalizedText(
                en: "the profile declares no input and no output", fr: "le profil ne déclare ni besoin ni rejet"),
            at: "company")
    }
}
