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
    func run(_ firms: [Firm], title: String, options: RunOptions) throws -> (profiles: Int, outputs: RunOutputs)? {
        guard let snapshot = Self.snapshot(of: firms) else { return nil }
        let results = Results(engine: engine, snapshot: snapshot.document, options: options, language: language)
        var report = results.recommendations
        report.plan = results.plan.plan
        report.style.title = title
        let outputs = RunOutputs(
            recommendations: try OutputFormat.json.render(results.recommendations),
            plan: try OutputFormat.json.render(results.plan), report: try OutputFormat.html.render(report),
            snapshot: snapshot.document, options: options.json)
        return (snapshot.profiles, outputs)
    }

    /// The report of a stored run, rendered again from its snapshot and options; with `company`,
    /// that company's own sheet (others' confidential flows hidden).
    func report(_ run: MatchRun, company: CompanyID? = nil, title: String) -> RunReport {
        let results = Results(
            engine: engine, snapshot: run.outputs.snapshot,
            options: RunOptions(json: run.outputs.options) ?? RunOptions(),
            language: language)
        var report = results.recommendations
        report.plan = results.plan.plan
        report.style.title = title
        report.style.company = company
        return report
    }

    /// `format` of a stored run: the synergies as GeoJSON, GraphML, CSV or `.xlsx`, or the HTML report of
    /// one company.
    func render(_ run: MatchRun, as format: OutputFormat, company: CompanyID? = nil, title: String) throws -> [UInt8] {
        try format.bytes(report(run, company: company, title: title))
    }

    /// The report's map of the synergies of a stored run whose id is in `ids`.
    func map(_ run: MatchRun, keeping ids: Set<String>) -> String {
        SynergyMap.section(report(run, title: ""), keeping: ids)
    }
}

/// The recommendations and the CO2 plan of a snapshot, as reports ready to render.
struct Results {
    var recommendations: RunReport
    var plan: RunReport

    init(engine: Engine, snapshot: String, options: RunOptions, language: Language) {
        let engine = options.configured(engine)
        let outcome = engine.run(.bytes(Array(snapshot.utf8), file: "territory.json", format: .json))
        let calculator = engine.calculator(for: outcome)
        let planned = engine.plan(outcome, objective: options.objective, calculator: calculator)
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
