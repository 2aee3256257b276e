import Benchmark
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseReport
import SymbioseXML

/// Each stage of `symbiose match`, measured separately on generated territories of 1,000,
/// 10,000 and 100,000 sites (time and peak memory). The 100,000-site runs take minutes: select
/// them with `--filter`, or leave them out with `--skip 100000`.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .peakMemoryResident, .mallocCountTotal],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(20), maxIterations: 5)

    for sites in [1_000, 10_000, 100_000] {
        let fixture = Fixture(sites: sites)
        let scaling = BenchmarkScalingFactor.one

        Benchmark("read XML \(sites)", configuration: .init(scalingFactor: scaling)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ProfileXML.decode(fixture.xml, file: "territory.xml").profiles.count)
            }
        }
        Benchmark("read JSON \(sites)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ProfileJSON.decode(fixture.json, file: "territory.json").profiles.count)
            }
        }
        Benchmark("validate \(sites)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate(fixture.loaded).count)
            }
        }
        Benchmark("index \(sites)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(MatchIndex(fixture.loaded, taxonomy: TaxonomyFile.builtIn).outputs.count)
            }
        }
        // Matching runs on one thread, then on two: the speed-up of splitting needs and codes.
        for threads in [1, 2] {
            var settings = MatchSettings()
            settings.threads = threads
            let suffix = threads == 1 ? "" : ", 2 threads"
            Benchmark("substitution \(sites)\(suffix)") { benchmark in
                let index = fixture.index
                let table = CompatibilityTable(
                    releaseCodes: Array(index.outputsByCode.keys), needCodes: Array(index.inputsByCode.keys),
                    taxonomy: TaxonomyFile.builtIn)
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations {
                    blackHole(SubstitutionMatcher(settings: settings).match(index, compatibility: table).count)
                }
            }
            Benchmark("pooling \(sites)\(suffix)") { benchmark in
                let index = fixture.index
                benchmark.startMeasurement()
                for _ in benchmark.scaledIterations { blackHole(PoolingMatcher(settings: settings).match(index).count) }
            }
        }
        Benchmark("rank \(sites)") { benchmark in
            let synergies = fixture.result.synergies
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(Ranker(sort: .distance).rank(synergies).count) }
        }
        Benchmark("render JSON \(sites)") { benchmark in
            let result = fixture.result
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(
                    RecommendationsJSON.render(
                        result.synergies, result: result, taxonomy: TaxonomyFile.builtIn, settings: .default,
                        impacts: [:], factorsVersion: FactorsFile.builtIn.version, language: .fr
                    ).utf8.count)
            }
        }
        Benchmark("impacts \(sites)") { benchmark in
            let synergies = fixture.result.synergies
            let calculator = fixture.calculator
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(ImpactCalculator.impacts(of: synergies, calculator: calculator).count)
            }
        }
        Benchmark("plan \(sites)") { benchmark in
            let synergies = fixture.result.synergies
            let planner = AllocationPlanner(
                objective: .co2, calculator: fixture.calculator, profiles: fixture.loaded.map(\.profile))
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(planner.plan(synergies).optimal.allocations.count) }
        }
        Benchmark("network \(sites)") { benchmark in
            let synergies = fixture.result.synergies
            let profiles = fixture.loaded.map(\.profile)
            let plan = AllocationPlanner(objective: .co2, calculator: fixture.calculator, profiles: profiles)
                .plan(synergies)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(SynergyNetwork(plan: plan, synergies: synergies, profiles: profiles).chainCount)
            }
        }
        // The whole of `symbiose match --format json`, through the engine every front calls.
        Benchmark("whole match \(sites)") { benchmark in
            let engine = Engine.make(configuration: Engine.Configuration()).engine!
            for _ in benchmark.scaledIterations {
                let outcome = engine.run(.bytes(fixture.json, file: "territory.json", format: .json))
                let presentation = Presentation(
                    companies: outcome.profiles.map(\.company.id), anonymize: false, language: .fr)
                let report = RunReport(
                    .synergies, of: outcome.result.synergies, engine: engine, outcome: outcome,
                    presentation: presentation)
                var bytes = 0
                try OutputFormat.json.write(report) { bytes += $0.utf8.count }
                blackHole(bytes)
            }
        }
    }
}

/// A generated territory in both formats, built lazily once per size.
final class Fixture: @unchecked Sendable {
    let sites: Int
    private(set) lazy var profiles = TerritoryGenerator(sites: sites, seed: 1).generate()
    private(set) lazy var json = Array(ProfileJSON.encode(profiles, asCollection: true).utf8)
    private(set) lazy var xml = Array(ProfileXML.encode(profiles, asCollection: true).utf8)
    private(set) lazy var loaded = ProfileJSON.decode(json, file: "territory.json").profiles
    private(set) lazy var index = MatchIndex(loaded, taxonomy: TaxonomyFile.builtIn)
    private(set) lazy var result = MatchPipeline(taxonomy: TaxonomyFile.builtIn).run(loaded)
    private(set) lazy var calculator = ImpactCalculator(
        profiles: loaded.map(\.profile), taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn)

    init(sites: Int) {
        self.sites = sites
    }
}
