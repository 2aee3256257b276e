/// The activity code is a NAF rév. 2 or NACE Rev. 2 code (`profile.invalid-naf`).
public struct ActivityCodeRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        guard let naf = profile.company.naf, !ProfileValidator.isValidNAF(naf) else { return }
        reporter.error(
            .profileInvalidNAF,
            LocalizedText(
                en: "\"\(naf)\" is not a NAF/NACE activity code", fr: "« \(naf) » n'est pas un code d'activité NAF/NACE"
            ),
            at: "company.naf",
            notes: [
                LocalizedText(
                    en: "expected two digits, a dot, two digits and for NAF a capital letter, as 10.81Z",
                    fr: "deux chiffres, un point, deux chiffres et pour la NAF une majuscule, comme 10.81Z")
            ])
    }
}
