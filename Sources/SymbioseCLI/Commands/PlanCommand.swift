import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseReport

extension PlanObjective: ExpressibleByArgument {}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Allocate releases to needs consistently, and show what it is worth and who links whom.",
        discussion: """
            Matches the profiles as match does, then chooses among the substitution candidates \
            so that no release is given beyond its quantity and no need is filled beyond its own, \
            maximising the objective exactly (a min-cost flow). Prints what taking the best pair \
            first would give on the same candidates, the CO2e and euro impacts, chains of firms, \
            hubs, and the firms with no synergy. Pooling groups are kept as match finds them. \
            Without a path, runs on the bundled demo territory. See Docs/planning.md and \
            Docs/impacts.md.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, markdown, geojson, graphml
    }

    @Argument(
        help: ArgumentHelp(
            "Profile files or directories; - reads standard input. None: the demo territory.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "What to maximise: co2, volume, score or euro.")
    var objective: PlanObjective = .co2

    @Option(
        help: ArgumentHelp(
            "Show the N largest exchanges (default 25 for table and markdown, all otherwise; 0: all).",
            valueName: "n"))
    var top: Int?

    @Option(help: "table, json, csv, markdown, geojson or graphml (default: table on a terminal, json otherwise).")
    var format: Format?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The CSV separator (default ; in French, , in English).", valueName: "char"))
    var csvSeparator: String?

    @Flag(help: "Start CSV output with a UTF-8 byte order mark, for Excel.")
    var bom = false

    @Flag(help: "GeoJSON and GraphML: replace names by pseudonyms, round coordinates, band quantities.")
    var anonymize = false

    @OptionGroup var engine: MatchOptions

    @OptionGroup var options: ProfileOptions

    func validate() throws {
        if let csvSeparator, csvSeparator.count != 1 { throw ValidationError("--csv-separator takes one character") }
        if let top, top < 0 { throw ValidationError("--top cannot be negative") }
    }

    func run() throws {
        let language = options.language
        let run = try MatchRun.execute(paths: paths, engine: engine, options: options, ranker: Ranker())
        let profiles = run.usableProfiles
        let planner = AllocationPlanner(
            objective: objective, calculator: run.calculator(mode: engine.transport), profiles: profiles)
        let plan = planner.plan(run.result.synergies)
        let network = SynergyNetwork(plan: plan, synergies: run.result.synergies, profiles: profiles)

        let chosen = format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .json)
        let limit = top ?? ((chosen == .table || chosen == .markdown) ? 25 : 0)
        let shown = limit == 0 ? plan.synergies : Array(plan.synergies.prefix(limit))
        let text: String
        switch chosen {
        case .json:
            text = PlanJSON.render(
                plan, network: network, result: run.result, taxonomy: run.taxonomy, factors: run.factors,
                transport: engine.transport, language: language)
        case .table, .markdown:
            text = PlanText.render(
                plan, network: network, shown: shown, result: run.result, profiles: profiles, taxonomy: run.taxonomy,
                markdown: chosen == .markdown, language: language)
        case .csv:
            let separator = csvSeparator?.first ?? (language == .fr ? ";" : ",")
            text = SynergyCSV.render(
                shown, taxonomy: run.taxonomy, impacts: plan.impacts, language: language, separator: separator,
                byteOrderMark: bom)
        case .geojson, .graphml:
            let presentation = Presentation(
                companies: run.report.profiles.map(\.profile.company.id), anonymize: anonymize, language: language)
            text =
                chosen == .geojson
                ? GeoJSONRenderer.render(shown, profiles: profiles, taxonomy: run.taxonomy, presentation: presentation)
                : GraphMLRenderer.render(shown, profiles: profiles, presentation: presentation)
        }
        try OutputFile.writeOrExit(text, to: output, language: language)
        if run.report.diagnostics.containsErrors { throw ExitStatus.invalidInput }
    }
}
