/// A flow id is a valid identifier (`profile.invalid-id`).
public struct FlowIdentifierRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let id = context.flow.id
        guard !ProfileValidator.isValidIdentifier(id.rawValue) else { return }
        reporter.error(
            .profileInvalidId,
            LocalizedText(
                en: "flow id \"\(id)\" is not a valid identifier",
                fr: "l'identifiant de flux « \(id) » n'est pas valide"),
            at: context.key + ".id", notes: [identifierNote])
    }
}
