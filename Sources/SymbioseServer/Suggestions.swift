import Foundation
import SymbioseCore

/// The usual flows of a firm's activity (NAF code), from the knowledge base `symbiose suggest`
/// uses: shown on the firm's page as suggestions, added to the form only when the firm asks,
/// and marked in their note until the firm changes it.
struct Suggestions: Sendable {
    let base = ActivityBase.builtIn
    let taxonomy: Taxonomy

    /// The usual flows of `form`'s activity that it does not declare yet, with their typical
    /// yearly amount for its headcount.
    func rows(for form: ProfileForm, language: Language) -> (activity: String, rows: [ProfileForm.Row])? {
        guard let activity = base.activity(naf: form.naf) else { return nil }
        let declared = Set(form.rows.map(\.resource))
        let employees = Int(form.employees)
        let rows = activity.flows.filter { $0.isUsual && !declared.contains($0.resource.rawValue) }.map { flow in
            var row = ProfileForm.Row()
            row.direction = flow.direction == .input ? "input" : "output"
            row.resource = flow.resource.rawValue
            row.value = Self.rounded(activity.amounts(of: flow, employees: employees).typical)
            row.unit = flow.unit.rawValue
            row.per = "year"
            row.months = flow.months.map { $0.map(String.init).joined(separator: " ") } ?? ""
            row.temperature = flow.temperature.map { NumberText.plain($0) } ?? ""
            row.status = flow.status?.rawValue ?? ""
            row.note = Self.mark(activity.naf, language)
            return row
        }
        return rows.isEmpty ? nil : (activity.name[language], rows)
    }

    /// The note of a suggested row.
    static func mark(_ naf: String, _ language: Language) -> String {
        language == .fr
            ? "Suggestion (activité \(naf)) : quantité typique, à vérifier"
            : "Suggestion (activity \(naf)): typical amount, to check"
    }

    /// Two significant digits: a typical amount is an order of magnitude, not a measurement.
    static func rounded(_ value: Double) -> String {
        guard value > 0 else { return "0" }
        let scale = pow(10, floor(log10(value)) - 1)
        return NumberText.plain((value / scale).rounded() * scale)
    }

    /// What the page lists: label, direction and amount of each suggestion.
    func listed(_ rows: [ProfileForm.Row], language: Language) -> [[String: String]] {
        rows.map { row in
            [
                "label": taxonomy[ResourceCode(row.resource)]?.label[language] ?? row.resource,
                "direction": row.direction == "input"
                    ? (language == .fr ? "besoin" : "need") : (language == .fr ? "rejet" : "release"),
                "amount": "≈ \(row.value) \(row.unit)/\(language == .fr ? "an" : "year")",
            ]
        }
    }
}
