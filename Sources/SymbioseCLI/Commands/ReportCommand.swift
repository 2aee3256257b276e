import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseReport

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the workshop report: one self-contained HTML file, or GeoJSON or GraphML.",
        discussion: """
            Matches the profiles as match does and writes a report to print or show: summary, \
            map, ranked tables with reasons and impacts, the allocation plan (as plan does), \
            chains, hubs and firms with no synergy, one sheet per company, data quality and \
            method with the impact factors used. \
            The HTML holds its CSS and SVG inline and fetches nothing. Without a path, runs on \
            the bundled demo territory. See Docs/reports.md.
            """)

    @Argument(
        help: ArgumentHelp(
            "Profile files or directories; - reads standard input. None: the demo territory.", valueName: "path"))
    var paths: [String] = []

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var replace: ForceOption

    @Option(help: "html, geojson or graphml.")
    var format = FormatChoice<ReportFormats>(.html)

    @Option(help: ArgumentHelp("The report's title.", valueName: "text"))
    var title: String?

    @Flag(help: "Replace names by stable pseudonyms, round coordinates and show quantities in bands.")
    var anonymize = false

    @Flag(help: "Show the figures of flows marked confidential (they are banded otherwise).")
    var revealConfidential = false

    @Option(help: ArgumentHelp("Write only this company's sheet.", valueName: "id"))
    var company: String?

    @Option(help: ArgumentHelp("Draw the N best substitutions on the map.", valueName: "n"))
    var mapLines: Int = 40

    @Option(
        help: ArgumentHelp("Rows in each ranked table (0: all); company sheets list every synergy.", valueName: "n"))
    var top: Int = 30

    @Option(help: "What the report's allocation plan maximises: co2, volume, score or euro.")
    var objective: PlanObjective = .co2

    @OptionGroup var engine: MatchOptions

    @OptionGroup var options: ProfileOptions

    func validate() throws {
        if mapLines < 0 { throw ValidationError("--map-lines cannot be negative") }
        if top < 0 { throw ValidationError("--top cannot be negative") }
        if company != nil && format.format != .html { throw ValidationError("--company goes with --format html") }
    }

    func run() throws {
        let language = options.language
        let front = EngineFront(options: options)
        let (engine, outcome) = try front.match(paths, with: self.engine)
        let profiles = outcome.profiles
        if let company, !profiles.contains(where: { $0.company.id.rawValue == company }) {
            throw front.fail(
                LocalizedText(
                    en: "no company \"\(company)\" among the valid profiles",
                    fr: "aucune entreprise « \(company) » parmi les profils valides"))
        }
        let presentation = Presentation(
            companies: profiles.map(\.company.id), anonymize: anonymize, revealConfidential: revealConfidential,
            language: language)
        var report = RunReport(
            .synergies, of: outcome.result.synergies, engine: engine, outcome: outcome, presentation: presentation)
        if format.format == .html { addPlan(to: &report, engine: engine, outcome: outcome) }
        try OutputFile.streamOrExit(to: output, force: replace.force, language: language) { writer in
            try format.format.writeUTF8(report, to: writer.write)
        }
        Teardown.shared.keep((outcome, report))
        if outcome.hasErrors { throw ExitStatus.invalidInput }
    }

    /// The impacts, the allocation plan and the layout the HTML report shows.
    func addPlan(to report: inout RunReport, engine: Engine, outcome: MatchOutcome) {
        report.style.title = title
        report.style.company = company.map { CompanyID($0) }
        report.style.mapLines = mapLines
        report.style.tableRows = top
        let calculator = engine.calculator(for: outcome)
        let planned = engine.plan(outcome, objective: objective, calculator: calculator)
        report.impacts = engine.impacts(of: outcome.result.synergies, in: outcome, calculator: calculator)
        report.plan = (planned.plan, planned.network)
    }
}
