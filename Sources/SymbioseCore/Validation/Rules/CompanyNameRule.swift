/// The company has a name (`value.invalid`).
public struct CompanyNameRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        guard profile.company.name.trimmingBlanks.isEmpty else { return }
        reporter.error(
            .valueInvalid, LocalizedText(en: "company name is empty", fr: "le nom de l'entreprise est vide"),
            at: "company.name")
    }
}
