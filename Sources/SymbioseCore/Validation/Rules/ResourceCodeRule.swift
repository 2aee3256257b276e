/// The resource code is in the taxonomy (`profile.unknown-resource`), with the nearest codes
/// as suggestions.
public struct ResourceCodeRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard context.entry == nil else { return }
        let code = context.flow.resource
        let suggestions = context.taxonomy.suggestions(forUnknownCode: code.rawValue)
        let note =
            suggestions.isEmpty
            ? LocalizedText(
                en: "`symbiose taxonomy --search WORDS` lists the known codes",
                fr: "`symbiose taxonomy --search MOTS` liste les codes connus")
            : LocalizedText(
                en: "did you mean " + suggestions.map(\.rawValue).joined(separator: ", ") + "?",
                fr: "vouliez-vous dire " + suggestions.map(\.rawValue).joined(separator: ", ") + " ?")
        reporter.error(
            .profileUnknownResource,
            LocalizedText(en: "unknown resource code \"\(code)\"", fr: "code de ressource inconnu « \(code) »"),
            at: context.key + ".resource", notes: [note])
    }
}
