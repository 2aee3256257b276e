import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseReport
import SymbioseStore

/// Matching and planning over a territory's submitted and accepted profiles, with the same
/// engine and renderers as `symbiose match`, `plan` and `report`. A run keeps the profiles it
/// matched (its snapshot); every other output is rendered again from them, and the engine's
/// determinism makes it the same as at the time of the run.
struct TerritoryRun: Sendable {
    let engine: Engine
    let language: Language

    /// The profiles that take part, as one `symbiose/profiles@1` document; `nil` when none does.
    static func snapshot(of firms: [Firm]) -> (profiles: Int, document: String)? {
        let profiles = firms.filter(\.status.isMatched).compactMap { ProfileCheck.stored($0.profile) }
        guard !profiles.isEmpty else { return nil }
        return (profiles.count, ProfileJSON.encode(profiles, asCollection: true))
    }

    /// The stored outputs of a run over `firms`, or `nil` when none of them takes part.
    func run(_ firms: [Firm], title: String) throws -> (profiles: Int, outputs: RunOutputs)? {
        guard let snapshot = Self.snapshot(of: firms) else { return nil }
        let results = Results(engine: engine, snapshot: snapshot.document, language: language)
        var report = results.recommendations
        report.plan = results.plan.plan
        report.style.title = title
        let outputs = RunOutputs(
            recommendations: try OutputFormat.json.render(results.recommendations),
            plan: try OutputFormat.json.render(results.plan), report: try OutputFormat.html.render(report),
            snapshot: snapshot.document)
        return (snapshot.profiles, outputs)
    }

    /// `format` of a stored run: the synergies as GeoJSON, GraphML or CSV, or the HTML report of
    /// one company (its own sheet, others' confidential flows hidden).
    func render(_ run: MatchRun, as format: OutputFormat, company: CompanyID? = nil, title: String) throws -> String {
        let results = Results(engine: engine, snapshot: run.outputs.snapshot, language: language)
        var report = results.recommendations
        report.plan = results.plan.plan
        report.style.title = title
        report.style.company = company
        return try format.render(report)
    }
}

/// The recommendations and the CO2 plan of a snapshot, as reports ready to render.
struct Results {
    var recommendations: RunReport
    var plan: RunReport

    init(engine: Engine, snapshot: String, language: Language) {
        let outcome = engine.run(.bytes(Array(snapshot.utf8), file: "territory.json", format: .json))
        let calculator = engine.calculator(for: outcome)
        let planned = engine.plan(outcome, objective: .co2, calculator: calculator)
        let presentation = Presentation(
            companies: outcome.profiles.map(\.company.id), anonymize: false, language: language)
        let synergies = outcome.result.synergies
        recommendations = RunReport(
            .synergies, of: synergies, engine: engine, outcome: outcome, presentation: presentation)
        recommendations.impacts = engine.impacts(of: synergies, in: outcome, calculator: calculator)
        plan = RunReport(
            .plan, of: planned.plan.synergies, engine: engine, outcome: outcome, presentation: presentation)
        plan.impacts = planned.plan.impacts
        plan.plan = (planned.plan, planned.network)
    }
}
