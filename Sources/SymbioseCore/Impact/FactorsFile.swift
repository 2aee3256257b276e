/// Reads and checks impact factor files: the built-in one and the user's `--factors FILE`.
///
/// The format is documented in `Docs/impacts.md`: an object with `schema`
/// (`"symbiose/factors@1"`), `version` and `factors`, each factor with `id`, `role`, `value`,
/// `unit`, `name` (`fr`, `en`), `source`, `year` and `estimate`, plus `mode` for transport
/// roles and `resources` for avoided production and disposal.
public enum FactorsFile {
    public static let schema = "symbiose/factors@1"

    /// The factors embedded in the binary.
    public static let builtIn: ImpactFactors = {
        let contents = decode(PackageResources.factors_json, file: "factors.json", taxonomy: TaxonomyFile.builtIn)
        precondition(!contents.diagnostics.containsErrors, "the built-in factors are invalid")
        let factors = ImpactFactors(version: contents.version ?? "unknown", factors: contents.factors)
        precondition(
            FactorRole.required.allSatisfy { factors.factor($0.0, mode: $0.1) != nil },
            "the built-in factors are incomplete")
        return factors
    }()

    /// What one factor file holds.
    public struct Contents: Sendable {
        public var version: String?
        public var factors: [ImpactFactor]
        public var diagnostics: [Diagnostic]
    }

    /// Decodes a factor file, reporting every problem; resource codes and units are checked
    /// against `taxonomy`.
    public static func decode(_ bytes: [UInt8], file: String, taxonomy: Taxonomy) -> Contents {
        var contents = Contents(version: nil, factors: [], diagnostics: [])
        let (root, collector) = JSONObject.openDocument(
            bytes, file: file, schema: Self.schema, members: ["schema", "version", "factors"], invalid: .factorsInvalid)
        guard let object = root else {
            contents.diagnostics = collector.diagnostics
            return contents
        }
        contents.version = object.string("version")
        var seen: Set<String> = []
        for (node, path) in object.array("factors", required: true) ?? [] {
            guard let entry = JSONObject(node, path: path, collector: collector),
                let factor = decodeFactor(entry, taxonomy: taxonomy)
            else { continue }
            if !seen.insert(factor.id).inserted {
                collector.append(
                    .error(
                        .factorsDuplicate,
                        LocalizedText(
                            en: "factor \(factor.id) is defined twice",
                            fr: "le facteur \(factor.id) est défini deux fois"),
                        at: entry.location(of: "id")))
                continue
            }
            contents.factors.append(factor)
        }
        contents.diagnostics = collector.diagnostics
        return contents
    }

    private static func decodeFactor(_ object: JSONObject, taxonomy: Taxonomy) -> ImpactFactor? {
        object.rejectUnknownMembers(allowed: [
            "id", "role", "mode", "resources", "value", "unit", "name", "source", "year", "estimate", "outlet", "usual",
            "capacityMW",
        ])
        let collector = object.collector
        let id = object.string("id", required: true)
        let role = object.enumeration("role", as: FactorRole.self, required: true)
        let mode = object.enumeration("mode", as: TransportMode.self)
        let resources = (object.strings("resources") ?? []).map { ResourceCode($0) }
        let value = object.number("value", required: true)
        let unit = object.string("unit", required: true)
        let name = object.object("name", required: true).flatMap(TaxonomyFile.localized)
        // A source in both languages, or one text for both.
        let source: LocalizedText? =
            if case .object = object.member("source")?.value.value {
                object.object("source").flatMap(TaxonomyFile.localized)
            } else {
                object.string("source", required: true).map { LocalizedText(en: $0, fr: $0) }
            }
        let year = object.integer("year", required: true)
        let estimate = object.bool("estimate", required: true)
        let outlet = object.enumeration("outlet", as: ReleaseOutlet.self)
        let usual = object.bool("usual") ?? true
        guard let id, let role, let value, let unit, let name, let source, let year, let estimate else { return nil }

        let factor = ImpactFactor(
            id: id, role: role, mode: mode, resources: resources, value: value, unit: unit, name: name,
            source: source, year: year, estimate: estimate, outlet: outlet, usual: usual,
            capacityMW: object.number("capacityMW"))
        let problems = fieldProblems(factor)
        for (code, key, text) in problems {
            collector.error(code, text, path: object.path.appending(key), at: object.member(key)?.value.position)
        }
        let resourcesValid = checkResources(factor, taxonomy: taxonomy, in: object)
        return problems.isEmpty && resourcesValid ? factor : nil
    }

    /// What is inconsistent between a factor's role, mode, resources, value and unit: each
    /// problem with the member it is about.
    private static func fieldProblems(_ factor: ImpactFactor) -> [(DiagnosticCode, String, LocalizedText)] {
        let (role, value) = (factor.role, factor.value)
        var problems: [(DiagnosticCode, String, LocalizedText)] = []
        if value < 0 {
            problems.append(
                (
                    .factorsInvalid, "value",
                    LocalizedText(en: "value cannot be negative", fr: "value ne peut être négatif")
                ))
        }
        if role == .detour && value < 1 {
            problems.append(
                (
                    .factorsInvalid, "value",
                    LocalizedText(en: "a detour factor is at least 1", fr: "un facteur de détour vaut au moins 1")
                ))
        }
        if role == .heatLoss && value >= 1 {
            problems.append(
                (
                    .factorsInvalid, "value",
                    LocalizedText(en: "a loss per km is below 1", fr: "une perte par km est inférieure à 1")
                ))
        }
        return problems + shapeProblems(factor) + outletProblems(factor)
    }

    /// An outlet belongs to avoided disposal, and only to a route that disposes of the release.
    private static func outletProblems(_ factor: ImpactFactor) -> [(DiagnosticCode, String, LocalizedText)] {
        let role = factor.role
        var problems: [(DiagnosticCode, String, LocalizedText)] = []
        if factor.outlet != nil && role != .avoidedDisposal {
            problems.append(
                (
                    .factorsInvalid, "outlet",
                    LocalizedText(
                        en: "only avoided-disposal factors have an outlet",
                        fr: "seuls les facteurs d'élimination évitée ont une filière (outlet)")
                ))
        }
        if let outlet = factor.outlet, outlet.recovers {
            problems.append(
                (
                    .factorsInvalid, "outlet",
                    LocalizedText(
                        en: "\(outlet.rawValue) already recovers the release: it avoids no disposal",
                        fr: "\(outlet.rawValue) valorise déjà le rejet : il n'évite aucune élimination")
                ))
        }
        return problems
    }

    /// Whether the factor's mode, resources and unit fit its role.
    private static func shapeProblems(_ factor: ImpactFactor) -> [(DiagnosticCode, String, LocalizedText)] {
        let (role, unit, resources) = (factor.role, factor.unit, factor.resources)
        var problems: [(DiagnosticCode, String, LocalizedText)] = []
        let perMode = role == .transportEmissions || role == .transportCost
        if perMode != (factor.mode != nil) {
            let text =
                perMode
                ? LocalizedText(
                    en: "a \(role.rawValue) factor needs a mode: road, barge or rail",
                    fr: "un facteur \(role.rawValue) demande un mode : road, barge ou rail")
                : LocalizedText(
                    en: "only transport factors have a mode", fr: "seuls les facteurs de transport ont un mode")
            problems.append((.factorsInvalid, perMode ? "role" : "mode", text))
        }
        let perResource = role == .avoidedProduction || role == .avoidedDisposal
        if perResource && resources.isEmpty {
            problems.append(
                (
                    .factorsInvalid, "resources",
                    LocalizedText(
                        en: "a \(role.rawValue) factor needs resources",
                        fr: "un facteur \(role.rawValue) demande des ressources")
                ))
        }
        if !perResource && !resources.isEmpty {
            problems.append(
                (
                    .factorsInvalid, "resources",
                    LocalizedText(
                        en: "only avoided production and disposal have resources",
                        fr: "seules la production et l'élimination évitées ont des ressources")
                ))
        }
        if let fixed = role.fixedUnit, unit != fixed {
            problems.append(
                (
                    .factorsUnitMismatch, "unit",
                    LocalizedText(
                        en: "a \(role.rawValue) factor is in \(fixed), found \(unit)",
                        fr: "un facteur \(role.rawValue) s'exprime en \(fixed), trouvé \(unit)")
                ))
        }
        return problems
    }

    /// Whether every resource of the factor is a taxonomy code measured in the factor's unit;
    /// reports each that is not.
    private static func checkResources(_ factor: ImpactFactor, taxonomy: Taxonomy, in object: JSONObject) -> Bool {
        let (collector, unit) = (object.collector, factor.unit)
        var valid = true
        for (offset, code) in factor.resources.enumerated() {
            let at = object.path.appending("resources").appending(offset)
            guard let entry = taxonomy[code] else {
                collector.error(
                    .factorsUnknownResource,
                    LocalizedText(
                        en: "\(code) is not a taxonomy code", fr: "\(code) n'est pas un code de la taxonomie"),
                    path: at,
                    at: object.member("resources")?.value.position)
                valid = false
                continue
            }
            let expected = "kgCO2e/" + entry.dimension.baseUnit.rawValue
            if unit != expected {
                collector.error(
                    .factorsUnitMismatch,
                    LocalizedText(
                        en:
                            "\(code) is measured in \(entry.dimension.baseUnit.rawValue): the factor must be in \(expected), found \(unit)",
                        fr:
                            "\(code) se mesure en \(entry.dimension.baseUnit.rawValue) : le facteur doit être en \(expected), trouvé \(unit)"
                    ),
                    path: at, at: object.member("unit")?.value.position)
                valid = false
            }
        }
        return valid
    }
}
