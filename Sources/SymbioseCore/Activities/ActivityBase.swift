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
        guard let naf = naf?.trimmingCharacters(in: .whitespaces).uppercased(), !naf.isEmpty else { return nil }
        if let exact = activities[naf] { return exact }
        guard naf.count == 5 else { return nil }
        return activities.keys.sorted().first { $0.hasPrefix(naf) }.flatMap { activities[$0] }
    }

    /// The problems of the base against a taxonomy: unknown resource codes, units of another
    /// dimension than the code's, unknown sources, empty or reversed ranges, ratios to an
    /// output the activity does not define. The built-in base has none (a test checks it).
    public func problems(taxonomy: Taxonomy) -> [String] {
        var problems: [String] = []
        let sourceIDs = Set(sources.map(\.id))
        for activity in all {
            if !sourceIDs.contains(activity.source) {
                problems.append("\(activity.naf): unknown source \(activity.source)")
            }
            if activity.flows.isEmpty { problems.append("\(activity.naf): no flows") }
            for flow in activity.flows {
                let at = "\(activity.naf) \(flow.resource)"
                if taxonomy[flow.resource] == nil {
                    problems.append("\(at): not a taxonomy code")
                } else if !taxonomy.accepts(flow.unit.dimension, for: flow.resource) {
                    problems.append("\(at): \(flow.unit.rawValue) does not measure this resource")
                }
                if !sourceIDs.contains(flow.source) { problems.append("\(at): unknown source \(flow.source)") }
                if !(flow.low > 0 && flow.low <= flow.high) { problems.append("\(at): range must be 0 < low ≤ high") }
                if flow.perOutput && activity.output == nil { problems.append("\(at): per output, but no output") }
                if !(0...1).contains(flow.share) { problems.append("\(at): share outside 0…1") }
                if flow.direction == .input && flow.status != nil { problems.append("\(at): status on an input") }
            }
        }
        return problems
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
    public var resource: String
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

extension ActivityBase {
    /// The base embedded in the binary.
    public static let builtIn: ActivityBase = {
        let (base, diagnostics) = decode(PackageResources.activities_json, file: "activities.json")
        precondition(!diagnostics.containsErrors, "the built-in activity base is invalid")
        return base
    }()

    /// Reads a base in the `symbiose/activities@1` format.
    public static func decode(_ bytes: [UInt8], file: String) -> (ActivityBase, [Diagnostic]) {
        var base = ActivityBase(version: "", sources: [], activities: [:])
        let (root, collector) = JSONObject.openDocument(
            bytes, file: file, schema: schema, members: ["schema", "version", "sources", "activities"],
            invalid: .valueInvalid)
        guard let object = root else { return (base, collector.diagnostics) }
        base.version = object.string("version", required: true) ?? ""
        for (node, path) in object.array("sources", required: true) ?? [] {
            guard let entry = JSONObject(node, path: path, collector: collector) else { continue }
            entry.rejectUnknownMembers(allowed: ["id", "citation", "url"])
            guard let id = entry.string("id", required: true), let citation = entry.string("citation", required: true)
            else { continue }
            base.sources.append(Source(id: id, citation: citation, url: entry.string("url")))
        }
        for (node, path) in object.array("activities", required: true) ?? [] {
            guard let entry = JSONObject(node, path: path, collector: collector), let activity = decodeActivity(entry)
            else { continue }
            base.activities[activity.naf] = activity
        }
        return (base, collector.diagnostics)
    }

    private static func range(_ object: JSONObject, _ key: String) -> ClosedRange<Double>? {
        guard let pair = object.array(key, required: true) else { return nil }
        let values = pair.compactMap { element -> Double? in
            if case .number(let value) = element.node.value { return value }
            return nil
        }
        guard values.count == 2, values[0] <= values[1] else {
            object.collector.error(
                .valueInvalid,
                LocalizedText("\(key) is [low, high]", fr: "\(key) est [bas, haut]"), path: object.path.appending(key),
                at: object.member(key)?.value.position)
            return nil
        }
        return values[0]...values[1]
    }

    private static func decodeActivity(_ object: JSONObject) -> ActivityProfile? {
        object.rejectUnknownMembers(allowed: ["naf", "name", "sector", "employees", "source", "output", "flows"])
        let naf = object.string("naf", required: true)
        let name = object.object("name", required: true).flatMap(TaxonomyFile.localized)
        let sector = object.string("sector", required: true)
        let employees = object.integer("employees", required: true)
        let source = object.string("source", required: true)
        var output: ActivityProfile.Output?
        if let measure = object.object("output") {
            measure.rejectUnknownMembers(allowed: ["name", "perEmployee"])
            if let name = measure.object("name", required: true).flatMap(TaxonomyFile.localized),
                let perEmployee = range(measure, "perEmployee")
            {
                output = ActivityProfile.Output(name: name, perEmployee: perEmployee)
            }
        }
        var flows: [TypicalFlow] = []
        for (node, path) in object.array("flows", required: true) ?? [] {
            guard let entry = JSONObject(node, path: path, collector: object.collector) else { continue }
            entry.rejectUnknownMembers(allowed: [
                "direction", "resource", "range", "unit", "perOutput", "months", "temperature", "status", "share",
                "source",
            ])
            let direction = entry.enumeration("direction", as: FlowDirection.self, required: true)
            let resource = entry.string("resource", required: true)
            let bounds = range(entry, "range")
            let unit = entry.enumeration("unit", as: QuantityUnit.self, required: true)
            let months = entry.array("months")?.compactMap { element -> Int? in
                if case .number(let value) = element.node.value { return Int(value) }
                return nil
            }
            guard let direction, let resource, let bounds, let unit else { continue }
            flows.append(
                TypicalFlow(
                    direction: direction, resource: resource, low: bounds.lowerBound, high: bounds.upperBound,
                    unit: unit, perOutput: entry.bool("perOutput") ?? false, months: months,
                    temperature: entry.number("temperature"),
                    status: entry.enumeration("status", as: OutputStatus.self), share: entry.number("share") ?? 1,
                    source: entry.string("source") ?? source ?? "estimate"))
        }
        guard let naf, let name, let sector, let employees, let source else { return nil }
        return ActivityProfile(
            naf: naf, name: name, sector: sector, typicalEmployees: employees, source: source, output: output,
            flows: flows)
    }
}
