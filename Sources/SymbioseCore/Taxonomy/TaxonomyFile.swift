/// Reads and checks taxonomy files: the built-in one and the user's `--taxonomy FILE`.
///
/// The format is documented in `Docs/taxonomy.md`: an object with `schema`
/// (`"symbiose/taxonomy@1"`), `version` and `resources`, each resource with `code`,
/// `dimension`, `label` (`fr`, `en`), and optionally `synonyms` (`fr`, `en` arrays), `ewc`,
/// `substitutes` and `equivalents`.
public enum TaxonomyFile {
    public static let schema = "symbiose/taxonomy@1"

    /// The taxonomy embedded in the binary.
    public static let builtIn: Taxonomy = {
        let result = decode(PackageResources.taxonomy_json, file: "taxonomy.json")
        precondition(!result.diagnostics.containsErrors, "the built-in taxonomy is invalid")
        return Taxonomy(version: result.version ?? "unknown", entries: result.entries)
    }()

    /// What one taxonomy file holds.
    public struct Contents {
        public var version: String?
        public var entries: [ResourceEntry]
        /// Where each entry's code stands, for later diagnostics.
        public var locations: [ResourceCode: SourceLocation]
        public var diagnostics: [Diagnostic]
    }

    /// Decodes a taxonomy file, reporting every structural problem.
    public static func decode(_ bytes: [UInt8], file: String) -> Contents {
        var contents = Contents(version: nil, entries: [], locations: [:], diagnostics: [])
        let (root, collector) = JSONObject.openDocument(
            bytes, file: file, schema: Self.schema, members: ["schema", "version", "resources"],
            invalid: .taxonomyInvalid)
        guard let object = root else {
            contents.diagnostics = collector.diagnostics
            return contents
        }
        contents.version = object.string("version")
        var seen: Set<ResourceCode> = []
        for (node, path) in object.array("resources", required: true) ?? [] {
            guard let resource = JSONObject(node, path: path, collector: collector),
                let entry = decodeEntry(resource)
            else { continue }
            let location = resource.location(of: "code")
            if !seen.insert(entry.code).inserted {
                collector.append(
                    .error(
                        .taxonomyDuplicate,
                        LocalizedText(
                            en: "code \(entry.code) is defined twice", fr: "le code \(entry.code) est défini deux fois"),
                        at: location))
                continue
            }
            contents.entries.append(entry)
            contents.locations[entry.code] = location
        }
        contents.diagnostics = collector.diagnostics
        return contents
    }

    private static func decodeEntry(_ object: JSONObject) -> ResourceEntry? {
        object.rejectUnknownMembers(allowed: [
            "code", "dimension", "label", "synonyms", "ewc", "substitutes", "equivalents", "grade", "pooling",
            "secondary", "dryMatter", "heatingValue", "neutralisingValue", "nitrogen", "excludes", "gas", "temperature",
        ])
        let code = decodeCode(object)
        let dimension = object.enumeration("dimension", as: PhysicalDimension.self, required: true)
        let label = object.object("label", required: true).flatMap(localized)
        let synonyms = object.object("synonyms")
        synonyms?.rejectUnknownMembers(allowed: ["fr", "en"])
        let ewc = decodeEWC(object)
        let links = decodeLinks(object)
        let equivalents = decodeEquivalents(object)
        let grade = object.enumeration("grade", as: WaterGrade.self)
        let pooling = decodePooling(object)
        let secondary = object.bool("secondary") ?? false
        let dryMatter = decodeShare(object, "dryMatter", range: 0.01...1, unit: "")
        let heatingValue = decodeShare(object, "heatingValue", range: 0.01...15, unit: " MWh/t")
        let neutralising = decodeShare(object, "neutralisingValue", range: 0.01...1, unit: " t CaO/t")
        let nitrogen = decodeShare(object, "nitrogen", range: 0.0001...0.5, unit: " t N/t")
        guard let code, let dimension, let label else { return nil }
        var entry = ResourceEntry(
            code: code, label: label, synonymsFR: synonyms?.strings("fr") ?? [],
            synonymsEN: synonyms?.strings("en") ?? [], dimension: dimension, ewc: ewc, substitutes: links,
            equivalents: equivalents, grade: grade, pooling: pooling)
        entry.secondary = secondary
        entry.gas = object.bool("gas") ?? false
        entry.temperature = decodeTemperature(object)
        entry.dryMatter = dryMatter
        entry.heatingValue = heatingValue
        entry.neutralisingValue = neutralising
        entry.nitrogen = nitrogen
        entry.excludes = (object.strings("excludes") ?? []).map { ResourceCode($0) }
        return entry
    }

    /// A number member that must lie in `range` (a dry-matter share, a heating value).
    private static func decodeShare(
        _ object: JSONObject, _ key: String, range: ClosedRange<Double>, unit: String
    ) -> Double? {
        guard let value = object.number(key) else { return nil }
        guard range.contains(value) else {
            let bounds = JSONOutput.format(range.lowerBound) + "…" + JSONOutput.format(range.upperBound) + unit
            object.collector.error(
                .taxonomyInvalid,
                LocalizedText(
                    en: "\(key) must lie in \(bounds)", fr: "\(key) doit être compris dans \(bounds)"),
                path: object.path.appending(key), at: object.member(key)?.value.position)
            return nil
        }
        return value
    }

    /// The entry's code, reported when it is not lowercase dotted words under a known root.
    private static func decodeCode(_ object: JSONObject) -> ResourceCode? {
        let collector = object.collector
        let code = object.string("code", required: true).map { ResourceCode($0) }
        let roots = ResourceCategory.allCases.map(\.rawValue).joined(separator: ", ")
        if let code, !isValidCode(code.rawValue) {
            collector.error(
                .taxonomyInvalid,
                LocalizedText(en: "\"\(code)\" is not a valid code", fr: "« \(code) » n\'est pas un code valide"),
                path: object.path.appending("code"), at: object.member("code")?.value.position,
                notes: [
                    LocalizedText(
                        en: "a code is lowercase dotted words whose root is one of: " + roots,
                        fr: "un code est fait de mots en minuscules séparés par des points, sous l'une des racines : "
                            + roots)
                ])
        }
        return code
    }

    /// The List of Waste codes, each checked for its form.
    private static func decodeEWC(_ object: JSONObject) -> [String] {
        let collector = object.collector
        let ewc = object.strings("ewc") ?? []
        for (offset, value) in ewc.enumerated() where !EWCCode.isWellFormed(value) {
            collector.error(
                .taxonomyInvalid,
                LocalizedText(
                    en: "\"\(value)\" is not a List of Waste code (NN NN NN, * if hazardous)",
                    fr: "« \(value) » n\'est pas un code de la liste européenne des déchets (NN NN NN, * si dangereux)"),
                path: object.path.appending("ewc").appending(offset), at: object.member("ewc")?.value.position)
        }
        return ewc
    }

    static func localized(_ object: JSONObject) -> LocalizedText? {
        object.rejectUnknownMembers(allowed: ["fr", "en"])
        guard let fr = object.string("fr", required: true), let en = object.string("en", required: true) else {
            return nil
        }
        return LocalizedText(en: en, fr: fr)
    }

    /// Whether `code` is lowercase dotted words (letters, digits, `-`) under a known root.
    public static func isValidCode(_ code: String) -> Bool {
        guard ResourceCategory(code: ResourceCode(code)) != nil else { return false }
        let segments = code.split(separator: ".", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            !segment.isEmpty
                && segment.unicodeScalars.allSatisfy {
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                }
        }
    }

    /// Checks the references of a merged taxonomy: every parent and every substitution target
    /// must exist, and dimensions of substitutes must agree.
    ///
    /// - Parameter locations: where each code was defined, to locate the problems.
    public static func checkReferences(
        of taxonomy: Taxonomy, locations: [ResourceCode: SourceLocation] = [:], only codes: Set<ResourceCode>? = nil
    ) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for code in taxonomy.codes where codes?.contains(code) ?? true {
            guard let entry = taxonomy[code] else { continue }
            let location = locations[code]
            if let parent = entry.parent, taxonomy[parent] == nil {
                diagnostics.append(
                    .error(
                        .taxonomyUnknownParent,
                        LocalizedText(
                            en: "\(code): parent \(parent) is not defined",
                            fr: "\(code) : le parent \(parent) n\'est pas défini"), at: location))
            }
            for link in entry.substitutes {
                guard let target = taxonomy[link.target] else {
                    diagnostics.append(
                        .error(
                            .taxonomyUnknownTarget,
                            LocalizedText(
                                en: "\(code): substitute target \(link.target) is not defined",
                                fr: "\(code) : la cible de substitution \(link.target) n\'est pas définie"),
                            at: location))
                    continue
                }
                if !taxonomy.accepts(entry.dimension, for: target.code)
                    && !taxonomy.accepts(target.dimension, for: code)
                {
                    diagnostics.append(
                        .error(
                            .taxonomyInvalid,
                            LocalizedText(
                                en:
                                    "\(code) (\(entry.dimension.rawValue)) cannot substitute \(link.target) (\(target.dimension.rawValue)): dimensions differ",
                                fr:
                                    "\(code) (\(entry.dimension.rawValue)) ne peut pas remplacer \(link.target) (\(target.dimension.rawValue)) : les dimensions diffèrent"
                            ),
                            at: location))
                }
            }
        }
        return diagnostics
    }
}
