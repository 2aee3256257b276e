import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
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

    @Argument(
        help: ArgumentHelp(
            "Profile files or directories; - reads standard input. None: the demo territory.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "What to maximise: co2, volume, score or euro.")
    var objective: PlanObjective = .co2

    @OptionGroup var list: ListOutputOptions

    @OptionGroup var engine: MatchOptions

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let language = options.language
        let (engine, outcome) = try EngineFront(options: options).match(paths, with: self.engine)
        let planned = engine.plan(outcome, objective: objective)
        let shown = list.shown(planned.plan.synergies)
        var report = list.report(.plan, of: shown, engine: engine, outcome: outcome, language: language)
        report.impacts = planned.plan.impacts
        report.plan = (planned.plan, planned.network)
        try list.write(report, language: language)
        Teardown.shared.keep((outcome, report))
        if outcome.hasErrors { throw ExitStatus.invalidInput }
    }
}
