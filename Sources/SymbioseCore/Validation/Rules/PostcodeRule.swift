/// The postcode is French: five digits, or 2A/2B and three digits for Corsica
/// (`profile.invalid-postcode`, a warning).
public struct PostcodeRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        guard let postcode = profile.site.postcode else { return }
        let digits = postcode.count == 5 && postcode.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }
        let corsica = postcode.count == 5 && (postcode.hasPrefix("2A") || postcode.hasPrefix("2B"))
        guard !digits && !corsica else { return }
        reporter.warning(
            .profileInvalidPostcode,
            LocalizedText(
                en: "\"\(postcode)\" is not a French postcode (five digits)",
                fr: "« \(postcode) » n'est pas un code postal français (cinq chiffres)"),
            at: "site.postcode")
    }
}
