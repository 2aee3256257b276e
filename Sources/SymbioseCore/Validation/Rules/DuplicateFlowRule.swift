/// Flow ids are unique within a profile, outputs and inputs together (`profile.duplicate-flow`).
public struct DuplicateFlowRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        var first: [FlowID: String] = [:]
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? profile.outputs : profile.inputs
            for (index, flow) in flows.enumerated() {
                let key = ProfileSource.flowKey(direction, index)
                guard let earlier = first[flow.id] else {
                    first[flow.id] = key
                    continue
                }
                let place = reporter.source.locate(earlier + ".id").prefix
                reporter.error(
                    .profileDuplicateFlow,
                    LocalizedText(
                        en: "flow id \"\(flow.id)\" is used twice in \(profile.company.id)",
                        fr: "l'identifiant de flux « \(flow.id) » est utilisé deux fois dans \(profile.company.id)"),
                    at: key + ".id",
                    notes: [LocalizedText(en: "first used at \(place)", fr: "déjà utilisé en \(place)")])
            }
        }
    }
}
