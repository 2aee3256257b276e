/// The SIRET number has 14 digits and a valid Luhn checksum (`profile.invalid-siret`).
public struct SIRETRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        guard let siret = profile.company.siret, !ProfileValidator.isValidSIRET(siret) else { return }
        reporter.error(
            .profileInvalidSIRET,
            LocalizedText(
                en: "\"\(siret)\" is not a valid SIRET number", fr: "« \(siret) » n'est pas un numéro SIRET valide"),
            at: "company.siret",
            notes: [
                LocalizedText(
                    en: "a SIRET is 14 digits whose Luhn checksum is valid",
                    fr: "un SIRET compte 14 chiffres dont la clé de Luhn est valide")
            ])
    }
}
