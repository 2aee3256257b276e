/// The headcount is not negative (`value.negative`).
public struct EmployeesRule: ProfileRule {
    public init() {}

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        guard let employees = profile.company.employees, employees < 0 else { return }
        reporter.error(
            .valueNegative,
            LocalizedText(en: "employees cannot be negative", fr: "l'effectif ne peut pas être négatif"),
            at: "company.employees")
    }
}
