import Foundation

/// The flows a site of an activity usually has, by NAF/NACE code: the knowledge base behind
/// `template --naf`, `suggest` and `match --infer` (`Docs/activity-profiles.md`).
///
/// The data is embedded in the binary (`activities.json`). Each typical flow carries an
/// intensity range, per employee or per unit of the activity's output, and a source; figures
/// that are orders of magnitude rather than published values say so.
public struct ActivityBase: Sendable {
    public static let schema = "symbiose/activities@1"

    /// Where figures come from.
    public struct Source: Sendable, Hashable {
        public var id: String
        public var citation: String
        public var url: String?
        /// True for the base's own orders of magnitude.
        public var isEstimate: Bool { id == "estimate" }
    }

    public var version: String
    public var sources: [Source]
    /// Activities by NAF code, as `10.81Z`.
    public var activities: [String: ActivityProfile]

    /// Every activity, in code order.
    public var all: [ActivityProfile] { activities.keys.sorted().map { activities[$0]! } }

    public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

    /// The activity of a NAF code (`10.81Z`), or of a NACE code without the French letter
    /// (`10.81`, the first NAF subclass under it).
    public func activity(naf: String?) -> ActivityProfile? {
        guard let trimmed = naf?.trimmingBlanks, !trimmed.isEmpty else { return nil }
        // Codes are kept in capitals (a check of the base says so): one written so, as nearly
        // every profile writes it, is found without a copy.
        if let exact = activities[trimmed] { return exact }
        let naf = trimmed.uppercased()
        if let exact = activities[naf] { return exact }
        guard naf.count == 5 else { return nil }
        return activities.keys.sorted().first { $0.hasPrefix(naf) }.flatMap { activities[$0] }
    }

    /// The problems of the base against a taxonomy, as `NAF resource: problem`: unknown
    /// resource codes, units of another dimension than the code's, unknown sources, empty or
    /// reversed ranges, ratios to an output the activity does not define. The built-in base has
    /// none (a test checks it).
    public func problems(taxonomy: Taxonomy) -> [String] {
        let sourceIDs = Set(sources.map(\.id))
        var problems: [String] = []
        for activity in all {
            for problem in Self.problems(of: activity, sources: sourceIDs) {
                problems.append("\(activity.naf): \(problem.text.en)")
            }
            for flow in activity.flows {
                for problem in Self.problems(of: flow, in: activity, taxonomy: taxonomy, sources: sourceIDs) {
                    problems.append("\(activity.naf) \(flow.resource): \(problem.text.en)")
                }
            }
        }
        return problems
    }

    /// One problem of an entry, and the member of the entry it is about.
    struct Problem {
        var code: DiagnosticCode
        var member: String
        var text: LocalizedText
    }

    static func problems(of activity: ActivityProfile, sources: Set<String>) -> [Problem] {
        var problems: [Problem] = []
        if !sources.contains(activity.source) {
            problems.append(
                Problem(
                    code: .activitiesUnknownSource, member: "source",
                    text: LocalizedText(
                        en: "unknown source \(activity.source)", fr: "source inconnue \(activity.source)")))
        }
        if activity.naf.uppercased() != activity.naf {
            problems.append(
                Problem(
                    code: .activitiesInvalid, member: "naf",
                    text: LocalizedText(
                        en: "a NAF code is written in capitals, as 10.81Z",
                        fr: "un code NAF s'écrit en majuscules, comme 10.81Z")))
        }
        if activity.flows.isEmpty {
            problems.append(
                Problem(
                    code: .activitiesInvalid, member: "flows",
                    text: LocalizedText(en: "no flows", fr: "aucun flux")))
        }
        return problems
    }

    static func problems(
        of flow: TypicalFlow, in activity: ActivityProfile, taxonomy: Taxonomy, sources: Set<String>
    ) -> [Problem] {
        var problems: [Problem] = []
        if taxonomy[flow.resource] == nil {
            problems.append(
                Problem(
                    code: .activitiesUnknownResource, member: "resource",
                    text: LocalizedText(en: "not a taxonomy code", fr: "ce n'est pas un code de la taxonomie")))
        } else if !taxonomy.accepts(flow.unit.dimension, for: flow.resource) {
            problems.append(
                Problem(
                    code: .activitiesUnitMismatch, member: "unit",
                    text: LocalizedText(
                        en: "\(flow.unit.rawValue) does not measure this resource",
                        fr: "\(flow.unit.rawValue) ne mesure pas cette ressource")))
        }
        if !sources.contains(flow.source) {
            problems.append(
                Problem(
                    code: .activitiesUnknownSource, member: "source",
                    text: LocalizedText(en: "unknown source \(flow.source)", fr: "source inconnue \(flow.source)")))
        }
        if !(flow.low > 0 && flow.low <= flow.high) {
            problems.append(
                Problem(
                    code: .activitiesInvalid, member: "range",
                    text: LocalizedText(
                        en: "range must be 0 < low ≤ high", fr: "la fourchette doit vérifier 0 < bas ≤ haut")))
        }
        if flow.perOutput && activity.output == nil {
            problems.append(
                Problem(
                    code: .activitiesInvalid, member: "perOutput",
                    text: LocalizedText(
                        en: "per output, but the activity defines no output",
                        fr: "par unité produite, mais l'activité ne définit pas de production")))
        }
        if !(0...1).contains(flow.share) {
            problems.append(
                Problem(
                    code: .activitiesInvalid, member: "share",
                    text: LocalizedText(en: "share outside 0…1", fr: "part hors de 0…1")))
        }
        if flow.direction == .input && flow.status != nil {
            problems.append(
                Problem(
                    code: .activitiesInvalid, member: "status",
                    text: LocalizedText(en: "status on an input", fr: "statut sur un besoin")))
        }
        return problems
    }

    /// This base with `other`'s sources and activities added; an activity of a code already
    /// known, or a source of an id already known, replaces it.
    public func merging(_ other: ActivityBase, version otherVersion: String) -> ActivityBase {
        var copy = self
        for source in other.sources {
            if let index = copy.sources.firstIndex(where: { $0.id == source.id }) {
                copy.sources[index] = source
            } else {
                copy.sources.append(source)
            }
        }
        for (naf, activity) in other.activities { copy.activities[naf] = activity }
        copy.version = "\(version)+\(otherVersion)"
        return copy
    }
}

/// What the base says of one activity.
public struct ActivityProfile: Sendable, Hashable {
    public var naf: String
    public var name: LocalizedText
    /// `agriculture`, `agri-food`, `manufacturing`, `energy`, `water`, `waste`, `construction`
    /// or `services`.
    public var sector: String
    /// A usual headcount, for a firm that did not give its own.
    public var typicalEmployees: Int
    /// The source of the activity's figures, unless a flow names its own.
    public var source: String
    /// The usual measure of the activity's output, for flows given per unit of it.
    public var output: Output?
    public var flows: [TypicalFlow]

    public struct Output: Sendable, Hashable {
        /// `t of beet processed`, `hl of beer`.
        public var name: LocalizedText
        /// How much output one employee stands for in a year: low and high.
        public var perEmployee: ClosedRange<Double>
    }
}

/// One flow a site of an activity usually has.
public struct TypicalFlow: Sendable, Hashable {
    public var direction: FlowDirection
    public var resource: ResourceCode
    /// The intensity range, in `unit` per employee and year, or per unit of output.
    public var low: Double
    public var high: Double
    public var unit: QuantityUnit
    /// True when the range is per unit of the activity's output rather than per employee.
    public var perOutput: Bool
    public var months: [Int]?
    public var temperature: Double?
    public var status: OutputStatus?
    /// The share of sites of the activity that have the flow, 0…1 (1 when not said).
    public var share: Double
    public var source: String

    /// The middle of the range on a logarithmic scale (the geometric mean): ranges span
    /// several-fold, and the arithmetic middle would lean to the high end.
    public var typical: Double { (low * high).squareRoot() }

    /// Whether most sites of the activity have it: what `suggest` and `--infer` use.
    public var isUsual: Bool { share >= 0.5 }
}

extension ActivityProfile {
    /// The yearly amount of `flow` for a site: per employee times the headcount, or per unit
    /// of output times the output (given, or the typical output of that headcount).
    ///
    /// - Returns: the low, typical and high amounts, in the flow's unit.
    public func amounts(of flow: TypicalFlow, employees: Int?, output: Double? = nil) -> (
        low: Double, typical: Double, high: Double
    ) {
        let people = Double(employees ?? typicalEmployees)
        var scale = people
        if flow.perOutput, let measure = self.output {
            scale = output ?? people * (measure.perEmployee.lowerBound * measure.perEmployee.upperBound).squareRoot()
        }
        return (flow.low * scale, flow.typical * scale, flow.high * scale)
    }
}
