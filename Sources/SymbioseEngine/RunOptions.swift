import Foundation
import SymbioseCore

/// The options of one run of matching and planning, as `symbiose match` and `plan` take them
/// (`--max-distance`, `--pool-radius`, `--min-members`, `--per-need`, `--per-release`,
/// `--weights`, `--transport`, `--include`, `--objective`), as a value that a portal form fills
/// and that a stored run keeps (JSON), so that its outputs are rendered again with the options
/// it ran with.
public struct RunOptions: Sendable, Hashable, Codable {
    public var maxDistanceKm: Double?
    public var poolRadiusKm: Double?
    public var minMembers = 2
    public var perNeed = MatchSettings.default.maximumPerNeed
    public var perRelease = MatchSettings.default.maximumPerRelease
    /// As `--weights` takes them: `distance=0.4,volume=0.4`.
    public var weights: String?
    public var transport = TransportMode.road
    public var include: [SynergyFlag] = []
    public var objective = PlanObjective.co2
    /// `--infer`: firms that declared no flow get the usual flows of their activity code.
    public var infer = false
    /// `--factors FILE`: a factor file (`symbiose factors`) that adds or replaces factors.
    public var factors: FactorFile?

    /// A factor file as a run keeps it: its name and its text.
    public struct FactorFile: Sendable, Hashable, Codable {
        public var name: String
        public var text: String

        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    /// The largest factor file a run takes, in bytes.
    public static let maximumFactorBytes = 256 * 1024

    public init() {}

    /// The flags `include` may hold: pairs left out unless asked for.
    public static let includable: [SynergyFlag] = [.sameGroup, .existing]

    /// A value out of range, named by its member.
    public struct Problem: Error, Sendable, Hashable {
        public var member: String
        public var text: LocalizedText
    }

    /// What is wrong with these options; empty when they can run.
    public var problems: [Problem] {
        var problems: [Problem] = []
        func check(_ holds: Bool, _ member: String, _ en: String, _ fr: String) {
            if !holds { problems.append(Problem(member: member, text: LocalizedText(en: en, fr: fr))) }
        }
        check(
            maxDistanceKm.map { $0 > 0 && $0.isFinite } ?? true, "maxDistanceKm", "must be positive",
            "doit être positive")
        check(
            poolRadiusKm.map { $0 > 0 && $0.isFinite } ?? true, "poolRadiusKm", "must be positive", "doit être positif")
        check(minMembers >= 2, "minMembers", "must be at least 2", "doit valoir au moins 2")
        check(perNeed >= 0, "perNeed", "cannot be negative", "ne peut pas être négatif")
        check(perRelease >= 0, "perRelease", "cannot be negative", "ne peut pas être négatif")
        check(
            weights.map { ScoreWeights(parsing: $0) != nil } ?? true, "weights",
            "expected terms distance, volume, quality, time, confidence with non-negative values, as distance=0.4,volume=0.4",
            "attendu : des termes distance, volume, quality, time, confidence de valeur positive, comme distance=0.4,volume=0.4"
        )
        check(
            include.allSatisfy(Self.includable.contains), "include", "takes same-group and existing",
            "prend same-group et existing")
        return problems
    }

    /// The matching settings these options ask for, on top of `base` (which keeps its threads
    /// and every tunable these options do not name).
    public func settings(_ base: MatchSettings = MatchSettings()) -> MatchSettings {
        var settings = base
        if let weights { settings.weights = ScoreWeights(parsing: weights) ?? .default }
        settings.maximumDistanceKm = maxDistanceKm
        settings.poolingRadiusKm = poolRadiusKm
        settings.minimumMembers = minMembers
        settings.maximumPerNeed = perNeed
        settings.maximumPerRelease = perRelease
        settings.include = Set(include)
        return settings
    }

    /// `configuration` with these options applied.
    public func configured(_ configuration: Engine.Configuration) -> Engine.Configuration {
        var configuration = configuration
        configuration.settings = settings(configuration.settings)
        configuration.transport = transport
        configuration.infer = infer
        return configuration
    }

    /// What is wrong with these options for a run with `taxonomy`: ``problems``, and the first
    /// error of the factor file, located in it.
    public func problems(taxonomy: Taxonomy) -> [Problem] {
        guard let factors else { return problems }
        guard factors.text.utf8.count <= Self.maximumFactorBytes else {
            return problems + [
                Problem(
                    member: "factors",
                    text: LocalizedText(
                        en: "\(factors.name): over 256 KiB", fr: "\(factors.name) : plus de 256 Kio"))
            ]
        }
        let (_, diagnostics) = ReferenceData.factors(
            bytes: Array(factors.text.utf8), file: factors.name, taxonomy: taxonomy)
        guard let error = diagnostics.first(where: { $0.severity == .error }) else { return problems }
        let place = [error.location?.prefix, error.location?.path].compactMap { $0 }.joined(separator: " ")
        return problems + [
            Problem(
                member: "factors",
                text: LocalizedText(en: "\(place): \(error.text.en)", fr: "\(place) : \(error.text.fr)"))
        ]
    }

    /// `engine` set up for these options: its configuration, its factors merged with the
    /// factor file, and the built-in activity base when inferring and the engine has none.
    public func configured(_ engine: Engine) -> Engine {
        var engine = engine
        engine.configuration = configured(engine.configuration)
        if let factors {
            engine.references.factors =
                ReferenceData.factors(bytes: Array(factors.text.utf8), file: factors.name, taxonomy: engine.taxonomy).0
        }
        if infer && engine.references.activities == nil {
            engine.references.activities = ReferenceData.activities(userFile: nil, taxonomy: engine.taxonomy).0
        }
        return engine
    }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case maxDistanceKm, poolRadiusKm, minMembers, perNeed, perRelease, weights, transport, include, objective,
            infer, factors
    }

    /// Any member name, to refuse the ones these options do not have.
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// Reads options where every member may be left out (it then keeps its default); a member
    /// these options do not have is an error, so that a misspelt option is not silently ignored.
    public init(from decoder: any Decoder) throws {
        let names = try decoder.container(keyedBy: AnyKey.self).allKeys.map(\.stringValue)
        if let unknown = names.first(where: { CodingKeys(rawValue: $0) == nil }) {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: [AnyKey(stringValue: unknown)], debugDescription: "unknown option"))
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        maxDistanceKm = try container.decodeIfPresent(Double.self, forKey: .maxDistanceKm)
        poolRadiusKm = try container.decodeIfPresent(Double.self, forKey: .poolRadiusKm)
        minMembers = try container.decodeIfPresent(Int.self, forKey: .minMembers) ?? minMembers
        perNeed = try container.decodeIfPresent(Int.self, forKey: .perNeed) ?? perNeed
        perRelease = try container.decodeIfPresent(Int.self, forKey: .perRelease) ?? perRelease
        weights = try container.decodeIfPresent(String.self, forKey: .weights)
        transport = try container.decodeIfPresent(TransportMode.self, forKey: .transport) ?? transport
        include = try container.decodeIfPresent([SynergyFlag].self, forKey: .include) ?? include
        objective = try container.decodeIfPresent(PlanObjective.self, forKey: .objective) ?? objective
        infer = try container.decodeIfPresent(Bool.self, forKey: .infer) ?? infer
        factors = try container.decodeIfPresent(FactorFile.self, forKey: .factors)
    }

    /// The options as stored: JSON with sorted keys, the same options giving the same text.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The options stored as `json`; the defaults for an empty text (runs stored before options
    /// were kept), `nil` when the text is not such options.
    public init?(json: String) {
        guard !json.isEmpty else {
            self.init()
            return
        }
        guard let options = try? JSONDecoder().decode(RunOptions.self, from: Data(json.utf8)) else { return nil }
        self = options
    }
}
