/// Flow ids are unique within a profile, outputs and inputs together (`profile.duplicate-flow`).
public struct DuplicateFlowRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        let (outputs, inputs) = (profile.outputs, profile.inputs)
        /// The direction, position and id of the `number`th flow, outputs first.
        func flow(_ number: Int) -> (direction: FlowDirection, index: Int, id: FlowID) {
            number < outputs.count
                ? (.output, number, outputs[number].id)
                : (.input, number - outputs.count, inputs[number - outputs.count].id)
        }
        // Flow numbers, not keys: a key is written out only for a repeated id.
        var first: [FlowID: Int] = [:]
        for number in 0..<(outputs.count + inputs.count) {
            let (direction, index, id) = flow(number)
            guard let earlier = first[id] else {
                first[id] = number
                continue
            }
            let (earlierDirection, earlierIndex, _) = flow(earlier)
            let place = reporter.source.locate(ProfileSource.flowKey(earlierDirection, earlierIndex) + ".id").prefix
            reporter.error(
                .profileDuplicateFlow,
                LocalizedText(
                    en: "flow id \"\(id)\" is used twice in \(profile.company.id)",
                    fr: "l'identifiant de flux « \(id) » est utilisé deux fois dans \(profile.company.id)"),
                at: ProfileSource.flowKey(direction, index) + ".id",
                notes: [LocalizedText(en: "first used at \(place)", fr: "déjà utilisé en \(place)")])
        }
    }
}
