/// The company id is a valid identifier (`profile.invalid-id`).
public struct CompanyIdentifierRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        let id = profile.company.id
        guard !ProfileValidator.isValidIdentifier(id.rawValue) else { return }
        reporter.error(
            .profileInvalidId,
            LocalizedText(
                en: "company id \"\(id)\" is not a valid identifier",
                fr: "l'identifiant d'entreprise « \(id) » n'est pas valide"), at: "company.id",
            notes: [identifierNote])
    }
}
