import Foundation

extension ActivityBase {
    /// The base embedded in the binary.
    public static let builtIn: ActivityBase = {
        let (base, diagnostics) = decode(
            PackageResources.activities_json, file: "activities.json", taxonomy: TaxonomyFile.builtIn)
        precondition(!diagnostics.containsErrors, "the built-in activity base is invalid")
        return base
    }()

    /// Reads a base in the `symbiose/activities@1` format and checks every entry against
    /// `taxonomy`: each problem is an error located at the member it is about.
    ///
    /// - Parameter knownSources: source ids defined elsewhere (the built-in base's, for a
    ///   user's file that cites them).
    public static func decode(
        _ bytes: [UInt8], file: String, taxonomy: Taxonomy, knownSources: Set<String> = []
    ) -> (ActivityBase, [Diagnostic]) {
        var base = ActivityBase(version: "", sources: [], activities: [:])
        let (root, collector) = JSONObject.openDocument(
            bytes, file: file, schema: schema, members: ["schema", "version", "sources", "activities"],
            invalid: .activitiesInvalid)
        guard let object = root else { return (base, collector.diagnostics) }
        base.version = object.string("version", required: true) ?? ""
        for (node, path) in object.array("sources", required: true) ?? [] {
            guard let entry = JSONObject(node, path: path, collector: collector) else { continue }
            entry.rejectUnknownMembers(allowed: ["id", "citation", "url"])
            guard let id = entry.string("id", required: true), let citation = entry.string("citation", required: true)
            else { continue }
            base.sources.append(Source(id: id, citation: citation, url: entry.string("url")))
        }
        let sources = knownSources.union(base.sources.map(\.id))
        for (node, path) in object.array("activities", required: true) ?? [] {
            guard let entry = JSONObject(node, path: path, collector: collector),
                let activity = decodeActivity(entry, taxonomy: taxonomy, sources: sources)
            else { continue }
            if base.activities[activity.naf] != nil {
                collector.error(
                    .activitiesInvalid,
                    LocalizedText(
                        en: "activity \(activity.naf) is defined twice",
                        fr: "l'activité \(activity.naf) est définie deux fois"),
                    path: entry.path.appending("naf"), at: entry.member("naf")?.value.position)
                continue
            }
            base.activities[activity.naf] = activity
        }
        return (base, collector.diagnostics)
    }

    static func range(_ object: JSONObject, _ key: String) -> ClosedRange<Double>? {
        guard let pair = object.array(key, required: true) else { return nil }
        let values = pair.compactMap { element -> Double? in
            if case .number(let value) = element.node.value { return value }
            return nil
        }
        guard values.count == 2, values[0] <= values[1] else {
            object.collector.error(
                .valueInvalid,
                LocalizedText(en: "\(key) is [low, high]", fr: "\(key) est [bas, haut]"),
                path: object.path.appending(key),
                at: object.member(key)?.value.position)
            return nil
        }
        return values[0]...values[1]
    }

    static func report(_ problems: [Problem], in object: JSONObject) {
        for problem in problems {
            object.collector.error(
                problem.code, problem.text, path: object.path.appending(problem.member),
                at: (object.member(problem.member) ?? object.member("resource"))?.value.position ?? object.position)
        }
    }

    static func decodeActivity(_ object: JSONObject, taxonomy: Taxonomy, sources: Set<String>)
        -> ActivityProfile?
    {
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
        var flowObjects: [JSONObject] = []
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
            let months = Self.months(entry)
            guard let direction, let resource, let bounds, let unit else { continue }
            flows.append(
                TypicalFlow(
                    direction: direction, resource: ResourceCode(resource), low: bounds.lowerBound,
                    high: bounds.upperBound,
                    unit: unit, perOutput: entry.bool("perOutput") ?? false, months: months,
                    temperature: entry.number("temperature"),
                    status: entry.enumeration("status", as: OutputStatus.self), share: entry.number("share") ?? 1,
                    source: entry.string("source") ?? source ?? "estimate"))
            flowObjects.append(entry)
        }
        guard let naf, let name, let sector, let employees, let source else { return nil }
        let activity = ActivityProfile(
            naf: naf, name: name, sector: sector, typicalEmployees: employees, source: source, output: output,
            flows: flows)
        report(problems(of: activity, sources: sources), in: object)
        for (flow, entry) in zip(flows, flowObjects) {
            report(problems(of: flow, in: activity, taxonomy: taxonomy, sources: sources), in: entry)
        }
        return activity
    }

    /// A typical flow's months, each a whole number from 1 to 12; others are located errors.
    static func months(_ entry: JSONObject) -> [Int]? {
        entry.array("months")?.compactMap { element -> Int? in
            if case .number(let value) = element.node.value, let month = Int(exactly: value), (1...12).contains(month) {
                return month
            }
            entry.collector.error(
                .valueInvalid,
                LocalizedText(
                    en: "a month is a whole number from 1 to 12", fr: "un mois est un nombre entier de 1 à 12"),
                path: element.path, at: element.node.position)
            return nil
        }
    }
}
