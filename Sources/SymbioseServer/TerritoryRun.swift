import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseReport
import SymbioseStore

/// Matching and planning over a territory's submitted and accepted profiles, with the same
/// engine and renderers as `symbiose match`, `plan` and `report`.
struct TerritoryRun: Sendable {
    let engine: Engine
    let language: Language

    struct Output: Sendable {
        var profiles: Int
        var recommendations: String
        var plan: String
        var report: String
    }

    /// The outputs of a run over `firms`, or `nil` when none of them takes part.
    func run(_ firms: [Firm], title: String) throws -> Output? {
        let profiles = firms.filter(\.status.isMatched).compactMap(\.profile).flatMap { text in
            ProfileJSON.decode(Array(text.utf8), file: "store", threads: 1).profiles.map(\.profile)
        }
        guard !profiles.isEmpty else { return nil }
        let collection = ProfileJSON.encode(profiles, asCollection: true)
        let outcome = engine.run(.bytes(Array(collection.utf8), file: "territory.json", format: .json))
        let calculator = engine.calculator(for: outcome)
        let planned = engine.plan(outcome, objective: .co2, calculator: calculator)
        let presentation = Presentation(
            companies: outcome.profiles.map(\.company.id), anonymize: false, language: language)
        let synergies = outcome.result.synergies
        let impacts = engine.impacts(of: synergies, in: outcome, calculator: calculator)

        var recommendations = RunReport(
            .synergies, of: synergies, engine: engine, outcome: outcome, presentation: presentation)
        recommendations.impacts = impacts
        var plan = RunReport(
            .plan, of: planned.plan.synergies, engine: engine, outcome: outcome, presentation: presentation)
        plan.impacts = planned.plan.impacts
        plan.plan = (planned.plan, planned.network)
        var report = recommendations
        report.plan = (planned.plan, planned.network)
        report.style.title = title
        return Output(
            profiles: outcome.profiles.count, recommendations: try OutputFormat.json.render(recommendations),
            plan: try OutputFormat.json.render(plan), report: try OutputFormat.html.render(report))
    }

    /// Runs on a thread of its own, off the server's event loops.
    func detached(_ firms: [Firm], title: String) async throws -> Output? {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try run(firms, title: title) })
            }
        }
    }
}
