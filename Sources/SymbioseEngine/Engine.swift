import Foundation
import SymbioseCore

/// The one entry point to Symbiose's pipeline, which the command line, the tests and the
/// benchmarks call alike: **load** → **validate** (and infer) → **match** (index, match, rank)
/// → **impacts** → **plan** (allocation and network).
///
/// Each stage is a method taking the previous stage's value and returning its own; nothing is
/// printed, and every problem comes back as a ``Diagnostic`` in the stage's value. Reading the
/// profiles is the only file access (``ProfileInput/paths(_:)``); writing results is the
/// caller's business.
public struct Engine: Sendable {
    /// What a run needs besides its profiles.
    public struct Configuration: Sendable {
        public var settings = MatchSettings()
        /// Give firms that declared no flow the usual flows of their activity code.
        public var infer = false
        /// How material travels, for CO2e and cost.
        public var transport: TransportMode = .road
        /// The worksheet read from .xlsx files; the first when `nil`.
        public var sheet: String?
        /// Resolves relative paths of ``ProfileInput/paths(_:)``.
        public var workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        /// How much reading may take in: ``ReaderLimits/standard`` for files of the user's own,
        /// ``ReaderLimits/upload`` for files sent through a web form.
        public var limits = ReaderLimits.standard

        public init() {}
    }

    public var configuration: Configuration
    public var references: ReferenceData
    /// Called while matching, from any thread.
    public var onProgress: (@Sendable (EngineProgress) -> Void)?

    public var taxonomy: Taxonomy { references.taxonomy }

    public init(configuration: Configuration = Configuration(), references: ReferenceData = .builtIn) {
        self.configuration = configuration
        self.references = references
    }

    /// Loads the taxonomy, factors and (when inferring) activities of a run, built-in data
    /// merged with the user's files, and returns the engine with every diagnostic of those
    /// files; `nil` with the diagnostics when any has an error.
    public static func make(
        configuration: Configuration, taxonomyFile: String? = nil, factorsFile: String? = nil,
        activitiesFile: String? = nil, locationsFile: String? = nil
    ) -> (engine: Engine?, diagnostics: [Diagnostic]) {
        let (taxonomy, taxonomyDiagnostics) = ReferenceData.taxonomy(userFile: taxonomyFile)
        guard !taxonomyDiagnostics.containsErrors else { return (nil, taxonomyDiagnostics) }
        let (factors, factorDiagnostics) = ReferenceData.factors(userFile: factorsFile, taxonomy: taxonomy)
        var diagnostics = taxonomyDiagnostics + factorDiagnostics
        guard !factorDiagnostics.containsErrors else { return (nil, diagnostics) }
        var references = ReferenceData(taxonomy: taxonomy, factors: factors)
        if let locationsFile {
            let (places, placeDiagnostics) = ReferenceData.places(userFile: locationsFile)
            diagnostics += placeDiagnostics
            guard let places else { return (nil, diagnostics) }
            references.places = places
        }
        if configuration.infer {
            let (activities, activityDiagnostics) = ReferenceData.activities(
                userFile: activitiesFile, taxonomy: taxonomy)
            diagnostics += activityDiagnostics
            guard !activityDiagnostics.containsErrors else { return (nil, diagnostics) }
            references.activities = activities
        }
        return (Engine(configuration: configuration, references: references), diagnostics)
    }

    // MARK: - Stages

    /// Reads the profiles, with every reading and structural problem as a located diagnostic.
    ///
    /// - Complexity: O(*n*) in the bytes read, files decoded on up to `settings.threads` threads.
    public func load(_ input: ProfileInput) -> ProfileLoader.Result {
        var loader = ProfileLoader(workingDirectory: configuration.workingDirectory)
        loader.threads = configuration.settings.threads
        loader.sheet = configuration.sheet
        loader.limits = configuration.limits
        if let onProgress { loader.onProgress = { onProgress(.reading(bytes: $0, total: $1)) } }
        switch input {
        case .paths(let paths):
            var result = loader.load(paths)
            if result.profiles.isEmpty && !result.diagnostics.containsErrors {
                result.diagnostics.append(Self.nothingRead(paths))
            }
            return result
        case .bytes(let bytes, let file, let format):
            var result = ProfileLoader.Result()
            loader.read(bytes, file: file, format: format, into: &result)
            return result
        case .demo:
            var result = ProfileLoader.Result()
            loader.read(ProfileInput.demoBytes, file: ProfileInput.demoFile, format: nil, into: &result)
            return result
        }
    }

    /// The error of an input that yields no profile at all: an empty directory, or one with no
    /// profile file.
    static func nothingRead(_ paths: [String]) -> Diagnostic {
        .error(
            .inputEmpty,
            LocalizedText(
                en: "no profile found: give .json, .xml, .csv or .xlsx profile files, or a directory holding some",
                fr:
                    "aucun profil trouvé : donnez des fichiers de profils .json, .xml, .csv ou .xlsx, ou un dossier qui en contient"
            ),
            at: SourceLocation(file: paths.joined(separator: " ")))
    }

    /// The error of inputs that were read but hold no valid profile: `match`, `plan` and
    /// `report` then write nothing, so that an earlier output is never replaced by an empty one.
    public static func nothingValid(_ paths: [String]) -> Diagnostic {
        .error(
            .inputEmpty,
            LocalizedText(
                en: "no valid profile among the inputs: nothing is written",
                fr: "aucun profil valide parmi les entrées : rien n'est écrit"),
            at: SourceLocation(file: paths.joined(separator: " ")))
    }

    /// Checks the profiles, infers flows when configured to, and sets apart those with errors.
    ///
    /// - Complexity: O(*p* · *f*) for *p* profiles of *f* flows, plus O(*p* · *e*) to set
    ///   apart the profiles holding *e* errors.
    public func validate(_ loaded: consuming ProfileLoader.Result) -> ValidatedProfiles {
        var validator = ProfileValidator(taxonomy: taxonomy)
        validator.threads = configuration.settings.threads
        // Moved out of the load, not shared with it: the resolver and the locator change a few
        // profiles in place, and a list still shared would be copied whole, profile by profile,
        // and held twice until the run ends.
        var resolved = ResourceResolver(taxonomy: taxonomy).resolve(loaded.takeProfiles())
        let placed = SiteLocator(places: references.places).locate(&resolved.profiles)
        let checked = Self.withoutEchoes(validator.validate(resolved.profiles), of: loaded.diagnostics)
        let diagnostics = (loaded.diagnostics + resolved.diagnostics + placed.diagnostics + checked)
            .sortedForOutput()
        var profiles = resolved.profiles
        var inferred: [CompanyID] = []
        if configuration.infer, let base = references.activities {
            let inference = ActivityInference.infer(profiles, base: base)
            profiles = inference.profiles
            inferred = inference.companies
        }
        let (usable, excluded) = MatchPipeline.partition(profiles, validation: diagnostics)
        var validated = ValidatedProfiles(
            profiles: profiles, files: loaded.files, diagnostics: diagnostics, usable: usable, excluded: excluded,
            inferredCompanies: inferred)
        (validated.located, validated.sitesAsGiven) = (resolved.profiles, placed.given)
        return validated
    }

    /// Indexes, matches and ranks the usable profiles. The texts of the JSON collections read
    /// from files are let go first: locations asked for later are read again from the files.
    ///
    /// - Complexity: as ``MatchPipeline/run(_:validation:)``.
    public func match(_ validated: ValidatedProfiles, ranker: Ranker = Ranker()) -> MatchOutcome {
        Self.letGoOfTexts(validated.profiles)
        var pipeline = MatchPipeline(taxonomy: taxonomy, settings: configuration.settings, ranker: ranker)
        if let onProgress { pipeline.onProgress = { onProgress(.matching(done: $0, total: $1)) } }
        let result = pipeline.match(validated.usable, excluding: validated.excluded)
        return MatchOutcome(
            validated: validated, result: result,
            diagnostics: (validated.diagnostics + result.diagnostics).sortedForOutput(),
            profiles: validated.usable.map(\.profile))
    }

    /// Lets the texts of the JSON collections go before matching (``CollectionText/letGo()``):
    /// the few locations matching asks for are read again from their files.
    static func letGoOfTexts(_ profiles: [LoadedProfile]) {
        var last: ObjectIdentifier?
        for position in profiles.indices {
            guard let text = profiles[position].source.text, ObjectIdentifier(text) != last else { continue }
            text.letGo()
            last = ObjectIdentifier(text)
        }
    }

    /// Load, validate and match in one call.
    public func run(_ input: ProfileInput, ranker: Ranker = Ranker()) -> MatchOutcome {
        match(validate(load(input)), ranker: ranker)
    }

    /// The impact calculator over the profiles that took part in matching.
    public func calculator(for outcome: MatchOutcome) -> ImpactCalculator {
        ImpactCalculator(
            profiles: outcome.profiles, taxonomy: taxonomy, factors: references.factors,
            mode: configuration.transport)
    }

    /// An impact calculator over the firms of the substitutions among `synergies` only: those
    /// shown are a few hundred of a territory's firms.
    func calculator(for synergies: [Synergy], in outcome: MatchOutcome) -> ImpactCalculator {
        var firms = Set<CompanyID>()
        for case .substitution(let synergy) in synergies {
            firms.insert(synergy.supplier.company)
            firms.insert(synergy.receiver.company)
        }
        return ImpactCalculator(
            profiles: outcome.profiles, taxonomy: taxonomy, factors: references.factors,
            mode: configuration.transport, only: firms)
    }

    /// The estimated CO2e and euros of the substitutions among `synergies`, by synergy id.
    ///
    /// - Parameter calculator: one made by ``calculator(for:)``, to share with ``plan(_:objective:calculator:)``;
    ///   made anew when `nil`.
    /// - Complexity: O(*s*) for *s* synergies, on up to `settings.threads` threads.
    public func impacts(
        of synergies: [Synergy], in outcome: MatchOutcome, calculator: ImpactCalculator? = nil
    ) -> [String: SynergyImpact] {
        ImpactCalculator.impacts(
            of: synergies, calculator: calculator ?? self.calculator(for: synergies, in: outcome),
            threads: configuration.settings.threads)
    }

    /// Allocates releases to needs for `objective` and draws the network of the plan.
    ///
    /// - Parameter calculator: as for ``impacts(of:in:calculator:)``.
    /// - Complexity: as ``AllocationPlanner/plan(_:)`` and ``SynergyNetwork``.
    public func plan(
        _ outcome: MatchOutcome, objective: PlanObjective = .co2, calculator: ImpactCalculator? = nil
    ) -> PlanOutcome {
        let profiles = outcome.profiles
        let planner = AllocationPlanner(
            objective: objective, calculator: calculator ?? self.calculator(for: outcome), profiles: profiles)
        let plan = planner.plan(outcome.result.synergies)
        return PlanOutcome(
            plan: plan, network: SynergyNetwork(plan: plan, synergies: outcome.result.synergies, profiles: profiles))
    }

    /// The checks' findings, without those about a field that reading already reported as
    /// wrong: a `lon` given as text is one error, not also "only one of lat and lon"; a
    /// spreadsheet row whose quantity cell is not a number is not also "no quantity".
    static func withoutEchoes(_ checked: [Diagnostic], of read: [Diagnostic]) -> [Diagnostic] {
        var wrongPaths: [String: [String]] = [:]
        var wrongRows: [String: Set<Int>] = [:]
        for diagnostic in read where diagnostic.severity == .error {
            guard let location = diagnostic.location else { continue }
            // JSON and XML locations carry a document path; a spreadsheet's names its column.
            if let path = location.path, path.hasPrefix("$") || path.hasPrefix("/") {
                wrongPaths[location.file, default: []].append(path)
            } else if let line = location.line {
                wrongRows[location.file, default: []].insert(line)
            }
        }
        guard !wrongPaths.isEmpty || !wrongRows.isEmpty else { return checked }
        let absences: Set<DiagnosticCode> = [
            .flowMissingQuantity, .profileMissingCoordinates, .flowHeatWithoutTemperature,
        ]
        return checked.filter { diagnostic in
            guard let location = diagnostic.location else { return true }
            if let path = location.path, let paths = wrongPaths[location.file],
                paths.contains(where: {
                    MatchPipeline.path($0, isWithin: path) || MatchPipeline.path(path, isWithin: $0)
                })
            {
                return false
            }
            if let line = location.line, absences.contains(diagnostic.code),
                wrongRows[location.file]?.contains(line) == true
            {
                return false
            }
            return true
        }
    }
}
