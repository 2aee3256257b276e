/// The resource code is in the taxonomy (`profile.unknown-resource`), with the nearest codes
/// as suggestions. A flow that names its resource only in words and was not resolved gets the
/// candidates (`flow.resource-ambiguous`) or is said to fit nothing (`flow.resource-unmatched`).
public struct ResourceCodeRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        guard context.entry == nil else { return }
        let code = context.flow.resource
        if code.rawValue.isEmpty, checkUnresolved(context, into: &reporter) { return }
        let suggestions = context.taxonomy.suggestions(forUnknownCode: code.rawValue)
        let note =
            suggestions.isEmpty
            ? Self.searchNote
            : LocalizedText(
                en: "did you mean " + suggestions.map(\.rawValue).joined(separator: ", ") + "?",
                fr: "vouliez-vous dire " + suggestions.map(\.rawValue).joined(separator: ", ") + " ?")
        reporter.error(
            .profileUnknownResource,
            LocalizedText(en: "unknown resource code \"\(code)\"", fr: "code de ressource inconnu « \(code) »"),
            at: context.key + ".resource", notes: [note])
    }

    static let searchNote = LocalizedText(
        en: "`symbiose taxonomy --search WORDS` lists the known codes",
        fr: "`symbiose taxonomy --search MOTS` liste les codes connus")

    /// Reports a flow without a code that words or a List of Waste code should have given one;
    /// false when there is neither, so that the code's absence is reported as such.
    private func checkUnresolved(_ context: FlowContext, into reporter: inout RuleReporter) -> Bool {
        let resolver = ResourceResolver(taxonomy: context.taxonomy)
        let text = context.flow.resourceText ?? ""
        let key = context.key + ".resourceText"
        switch resolver.outcome(for: context.flow) {
        case .ambiguous(let candidates):
            let list = candidates.map { ($0, resolver.describe($0.code)) }
            reporter.error(
                .flowResourceAmbiguous,
                LocalizedText(
                    en: "\"\(text)\" fits several resources: give the code in resource",
                    fr: "« \(text) » correspond à plusieurs ressources : donnez le code dans ressource"),
                at: key,
                notes: list.map { match, described in
                    let score = ResourceResolver.score(match.score)
                    return LocalizedText(
                        en: "\(described.en), relevance \(score)", fr: "\(described.fr), pertinence \(score)")
                })
        case .unmatched:
            reporter.error(
                .flowResourceUnmatched,
                LocalizedText(
                    en: "\"\(text)\" fits no resource of the taxonomy: give the code in resource",
                    fr: "« \(text) » ne correspond à aucune ressource de la taxonomie : donnez le code dans ressource"),
                at: key, notes: [Self.searchNote])
        case .unresolved where context.flow.quality.ewc != nil:
            break  // The List of Waste rule says what is wrong with the code.
        case .fromText, .fromEWC:
            reporter.error(
                .profileUnknownResource,
                LocalizedText(
                    en: "the resource was not resolved from the flow's words or List of Waste code",
                    fr: "la ressource n'a pas été déduite des mots ou du code déchet du flux"), at: key)
        case .given, .unresolved:
            return false
        }
        return true
    }
}
