import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseXML

/// Helpers shared by the test targets.
package enum TestSupport {
    /// The root of the package, found from this file's location.
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static func fixture(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }

    package static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// Every profile file of the demo territory, sorted.
    package static func demoFiles(extension pathExtension: String? = nil) throws -> [URL] {
        let directory = fixture("soissonnais-valois")
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["xml", "json"].contains($0.pathExtension) }
            .filter { pathExtension == nil || $0.pathExtension == pathExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Compares `actual` with the golden file `name` beside the calling test file, or records it
    /// when `SYMBIOSE_RECORD=1`. Returns a description of the difference, or `nil` when equal.
    package static func compareGolden(_ actual: String, _ name: String, testFile: String = #filePath) -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SYMBIOSE_RECORD"] == "1" {
            let previous = FileManager.default.contents(atPath: url.path)
            guard previous != Data(actual.utf8) else { return nil }
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            // A recording run never passes: a re-record is always a deliberate second run,
            // after the diff has been read.
            return "golden file \(name) recorded: review the diff, then run the tests again without SYMBIOSE_RECORD"
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "golden file \(name) is missing: run with SYMBIOSE_RECORD=1 and review it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let el = index < e.count ? String(e[index]) : "<end>"
            let al = index < a.count ? String(a[index]) : "<end>"
            if el != al { return "\(name) differs at line \(index + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "\(name) differs"
    }

    /// A loaded profile with no recorded field locations, for validator tests.
    package static func loaded(_ profile: Profile, file: String = "test.json") -> LoadedProfile {
        LoadedProfile(profile: profile, source: ProfileSource(file: file, whole: SourceLocation(file: file)))
    }

    /// The one profile of a JSON text, decoded as from a file `rule.json`; `nil` when the text
    /// does not hold exactly one profile or has a structural error.
    package static func decodedJSON(_ text: String) -> LoadedProfile? {
        let decoded = ProfileJSON.decode(Array(text.utf8), file: "rule.json")
        guard decoded.profiles.count == 1, !decoded.diagnostics.containsErrors else { return nil }
        return decoded.profiles[0]
    }

    /// A valid profile to alter in tests.
    package static func sampleProfile(id: CompanyID = "acme") -> Profile {
        Profile(
            company: Company(id: id, name: "Acme", naf: "25.62B", employees: 20),
            site: Site(latitude: 49.38, longitude: 3.32, commune: "Soissons", postcode: "02200"),
            outputs: [
                Flow(
                    id: "scrap", direction: .output, resource: "material.metal.steel-scrap",
                    quantity: Quantity(value: 100, unit: .tonne), quality: FlowQuality(ewc: "12 01 01"), status: .waste)
            ],
            inputs: [
                Flow(
                    id: "heat", direction: .input, resource: "heat.hot-water",
                    quantity: Quantity(value: 2, unit: .gigawattHour), quality: FlowQuality(temperature: 60))
            ])
    }
}

/// Small profiles for matching tests: one flow each, placed by offsets in kilometres from a
/// reference point near Soissons.
package enum MatchFixture {
    package static let origin = GeoPoint(latitude: 49.38, longitude: 3.32)

    /// A point `northKm` north and `eastKm` east of the origin.
    package static func point(northKm: Double, eastKm: Double = 0) -> GeoPoint {
        let kmPerDegree = GeoPoint.earthRadiusKm * .pi / 180
        return GeoPoint(
            latitude: origin.latitude + northKm / kmPerDegree,
            longitude: origin.longitude + eastKm / (kmPerDegree * cos(origin.latitude * .pi / 180)))
    }

    package static func profile(
        _ id: CompanyID, at point: GeoPoint?, outputs: [Flow] = [], inputs: [Flow] = []
    ) -> LoadedProfile {
        TestSupport.loaded(
            Profile(
                company: Company(id: id, name: id.rawValue.capitalized),
                site: Site(latitude: point?.latitude, longitude: point?.longitude), outputs: outputs, inputs: inputs),
            file: "\(id).json")
    }

    package static func output(
        _ id: FlowID, _ resource: ResourceCode, _ quantity: Quantity? = nil, temperature: Double? = nil,
        medium: HeatMedium? = nil, months: [Int]? = nil, configure: (inout Flow) -> Void = { _ in }
    ) -> Flow {
        flow(id, .output, resource, quantity, temperature, medium, months, configure)
    }

    package static func input(
        _ id: FlowID, _ resource: ResourceCode, _ quantity: Quantity? = nil, temperature: Double? = nil,
        medium: HeatMedium? = nil, months: [Int]? = nil, configure: (inout Flow) -> Void = { _ in }
    ) -> Flow {
        flow(id, .input, resource, quantity, temperature, medium, months, configure)
    }

    private static func flow(
        _ id: FlowID, _ direction: FlowDirection, _ resource: ResourceCode, _ quantity: Quantity?,
        _ temperature: Double?,
        _ medium: HeatMedium?, _ months: [Int]?, _ configure: (inout Flow) -> Void
    ) -> Flow {
        var flow = Flow(
            id: id, direction: direction, resource: resource, quantity: quantity,
            quality: FlowQuality(temperature: temperature, medium: medium),
            availability: months.map { .seasonal(months: $0) } ?? .continuous)
        configure(&flow)
        return flow
    }

    /// Runs index, match and rank on the profiles.
    package static func run(_ profiles: [LoadedProfile], settings: MatchSettings = .default) -> MatchResult {
        MatchPipeline(taxonomy: TaxonomyFile.builtIn, settings: settings).run(profiles)
    }

    /// The substitutions found, in rank order.
    package static func substitutions(_ profiles: [LoadedProfile], settings: MatchSettings = .default)
        -> [SubstitutionSynergy]
    {
        run(profiles, settings: settings).synergies.compactMap {
            if case .substitution(let s) = $0 { return s }
            return nil
        }
    }

    package static func pools(_ profiles: [LoadedProfile], settings: MatchSettings = .default) -> [PoolingGroup] {
        run(profiles, settings: settings).synergies.compactMap {
            if case .pooling(let p) = $0 { return p }
            return nil
        }
    }
}

extension TestSupport {
    /// The demo territory's profiles as the CLI loads them, with paths relative to the package.
    package static func demoProfiles() throws -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        var profiles: [LoadedProfile] = []
        var diagnostics: [Diagnostic] = []
        for url in try demoFiles() {
            let name = "Fixtures/soissonnais-valois/" + url.lastPathComponent
            let bytes = try TestSupport.bytes(url)
            let decoded =
                url.pathExtension == "xml"
                ? ProfileXML.decode(bytes, file: name) : ProfileJSON.decode(bytes, file: name)
            profiles += decoded.profiles
            diagnostics += decoded.diagnostics
        }
        diagnostics += ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate(profiles)
        return (profiles, diagnostics)
    }
}

extension TestSupport {
    /// The impact calculator over `profiles` with the built-in factors, by road.
    package static func calculator(_ profiles: [Profile], mode: TransportMode = .road) -> ImpactCalculator {
        ImpactCalculator(profiles: profiles, taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn, mode: mode)
    }

    /// The engine with built-in data, reading paths relative to the package.
    package static func engine(_ configuration: Engine.Configuration = Engine.Configuration()) -> Engine {
        var configuration = configuration
        configuration.workingDirectory = packageRoot
        return Engine(configuration: configuration)
    }

    /// The plan and network of a match result, as `symbiose plan` makes them.
    package static func plan(
        _ result: MatchResult, profiles: [Profile], objective: PlanObjective = .co2
    ) -> (plan: Plan, network: SynergyNetwork) {
        let plan = AllocationPlanner(objective: objective, calculator: calculator(profiles), profiles: profiles)
            .plan(result.synergies)
        return (plan, SynergyNetwork(plan: plan, synergies: result.synergies, profiles: profiles))
    }
}
