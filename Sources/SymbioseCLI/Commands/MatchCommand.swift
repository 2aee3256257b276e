import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseReport

struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Find, rank and explain substitution and pooling synergies.",
        discussion: """
            Reads and checks the profiles as validate does, then finds what one firm's release \
            could replace (substitution) and what nearby firms could share (pooling), scores \
            each synergy in 0…1 by distance, volume, quality, time and data confidence, and \
            explains it. Without a path, runs on the bundled Soissonnais-Valois demo territory. \
            Profiles with errors are left out and the exit status is 1. See Docs/matching.md.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case substitution, pooling, all
    }

    @Argument(
        help: ArgumentHelp(
            "Profile files or directories; - reads standard input. None: the demo territory.", valueName: "path"))
    var paths: [String] = []

    @Option(help: "substitution, pooling or all.")
    var kind: Kind = .all

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Keep these categories only: heat, cold, water, material, energy, service.", valueName: "category"))
    var category: [ResourceCategory] = []

    @Option(help: ArgumentHelp("Keep synergies involving this company id.", valueName: "id"))
    var company: String?

    @Option(help: ArgumentHelp("Keep synergies on this resource code or the codes below it.", valueName: "code"))
    var resource: String?

    @Option(help: ArgumentHelp("Hide synergies scoring below this.", valueName: "x"))
    var minScore: Double = 0

    @Option(help: "Order by score, distance or volume.")
    var sort: SynergySort = .score

    @OptionGroup var list: ListOutputOptions

    @OptionGroup var engine: MatchOptions

    @OptionGroup var options: ProfileOptions

    func validate() throws {
        if !(0...1).contains(minScore) { throw ValidationError("--min-score is between 0 and 1") }
    }

    func run() throws {
        let front = EngineFront(options: options)
        // Only the synergies shown are ranked in full and kept; the others are counted.
        let ranker = Ranker(sort: sort, filter: filter, limit: list.limit)
        let (engine, outcome) = try front.match(paths, with: self.engine, ranker: ranker)
        let shown = list.shown(outcome.result.synergies)
        var report = list.report(.synergies, of: shown, engine: engine, outcome: outcome, language: options.language)
        report.impacts = engine.impacts(of: shown, in: outcome)
        try list.write(report, language: options.language)
        Teardown.shared.keep((outcome, report))
        if outcome.hasErrors { throw ExitStatus.invalidInput }
    }

    /// The filter the options ask for.
    var filter: SynergyFilter {
        var filter = SynergyFilter()
        switch kind {
        case .all: break
        case .substitution: filter.kinds = [.substitution]
        case .pooling: filter.kinds = [.pooling]
        }
        filter.categories = Set(category)
        filter.company = company.map { CompanyID($0) }
        filter.resource = resource.map { ResourceCode($0) }
        filter.minimumScore = minScore
        return filter
    }
}

extension ResourceCategory: ExpressibleByArgument {}
extension TransportMode: ExpressibleByArgument {}
extension SynergySort: ExpressibleByArgument {}

/// The matching engine's options, shared by `match` and `report`.
struct MatchOptions: ParsableArguments {
    @Flag(
        help: ArgumentHelp(
            "Give firms that declared no flow the usual flows of their activity code, marked inferred and scored lower."
        ))
    var infer = false

    @OptionGroup var activities: ActivitiesOption

    @Option(help: ArgumentHelp("Replace every category's distance envelope, in km.", valueName: "km"))
    var maxDistance: Double?

    @Option(help: ArgumentHelp("Replace every pooling radius, in km.", valueName: "km"))
    var poolRadius: Double?

    @Option(help: "The fewest firms in a pooling group.")
    var minMembers: Int = 2

    @Option(help: ArgumentHelp("Propose at most N releases for each need (0: no limit).", valueName: "n"))
    var perNeed: Int = MatchSettings.default.maximumPerNeed

    @Option(help: ArgumentHelp("Propose each release to at most N needs (0: no limit).", valueName: "n"))
    var perRelease: Int = MatchSettings.default.maximumPerRelease

    @Option(
        help: ArgumentHelp(
            "Score weights, as distance=0.3,volume=0.3,quality=0.2,time=0.1,confidence=0.1.", valueName: "list"))
    var weights: String?

    @Option(
        name: .customLong("factors"),
        help: ArgumentHelp(
            "An impact factor file that adds or replaces factors (see symbiose factors).", valueName: "file"))
    var factorsFile: String?

    @Option(help: "How material travels, for CO2e and cost: road, barge or rail.")
    var transport: TransportMode = .road

    @Option(help: ArgumentHelp("Read and match on at most N threads (default: one per processor).", valueName: "n"))
    var threads: Int?

    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Also propose exchanges between sites of one group (same-group) and exchanges already in place (existing).",
            valueName: "kind"))
    var include: [IncludedPairs] = []

    enum IncludedPairs: String, ExpressibleByArgument, CaseIterable {
        case sameGroup = "same-group"
        case existing

        var flag: SynergyFlag {
            switch self {
            case .sameGroup: .sameGroup
            case .existing: .existing
            }
        }
    }

    func validate() throws {
        if let weights, ScoreWeights(parsing: weights) == nil {
            throw ValidationError(
                "--weights: expected terms distance, volume, quality, time, confidence with non-negative values, as distance=0.4,volume=0.4"
            )
        }
        if let maxDistance, !(maxDistance > 0) { throw ValidationError("--max-distance must be positive") }
        if let poolRadius, !(poolRadius > 0) { throw ValidationError("--pool-radius must be positive") }
        if minMembers < 2 { throw ValidationError("--min-members must be at least 2") }
        if perNeed < 0 || perRelease < 0 { throw ValidationError("--per-need and --per-release cannot be negative") }
        if let threads, threads < 1 { throw ValidationError("--threads is at least 1") }
    }

    /// The engine's configuration these options ask for.
    var configuration: Engine.Configuration {
        var configuration = Engine.Configuration()
        configuration.settings.threads = threads ?? configuration.settings.threads
        return runOptions.configured(configuration)
    }

    /// The options of the run, as the portal also takes them (the objective is `plan`'s).
    var runOptions: RunOptions {
        var options = RunOptions()
        options.weights = weights
        options.maxDistanceKm = maxDistance
        options.poolRadiusKm = poolRadius
        options.minMembers = minMembers
        options.perNeed = perNeed
        options.perRelease = perRelease
        options.transport = transport
        options.include = include.map(\.flag)
        options.infer = infer
        return options
    }
}
