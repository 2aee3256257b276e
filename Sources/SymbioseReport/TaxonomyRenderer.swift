import SymbioseCore

/// Renders taxonomy entries as a table for people or as a taxonomy file.
public enum TaxonomyRenderer {
    /// The entries in `format`: JSON, or a table for every other format.
    public static func render(
        _ entries: [ResourceEntry], version: String, as format: OutputFormat, language: Language
    ) -> String {
        format == .json ? json(entries, version: version) : table(entries, language: language)
    }

    public static func table(_ entries: [ResourceEntry], language: Language, width: Int = 100) -> String {
        guard !entries.isEmpty else { return "" }
        let headers = ("CODE", LocalizedText(en: "LABEL", fr: "LIBELLÉ")[language], "DIMENSION")
        let codeWidth = max(headers.0.count, entries.map(\.code.rawValue.count).max() ?? 0)
        let dimensionWidth = 9
        let labelWidth = max(10, width - codeWidth - dimensionWidth - 4)
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
        }
        func clip(_ text: String, _ width: Int) -> String {
            text.count <= width ? text : String(text.prefix(width - 1)) + "…"
        }
        var lines = [pad(headers.0, codeWidth) + "  " + pad(headers.1, labelWidth) + "  " + headers.2]
        for entry in entries {
            lines.append(
                pad(entry.code.rawValue, codeWidth) + "  " + pad(clip(entry.label[language], labelWidth), labelWidth)
                    + "  "
                    + entry.dimension.rawValue)
        }
        return lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) + "\n" }.joined()
    }

    /// The entries as a taxonomy file (`symbiose/taxonomy@1`), which `--taxonomy` reads back.
    public static func json(_ entries: [ResourceEntry], version: String) -> String {
        JSONOutput.object([
            ("schema", .string(TaxonomyFile.schema)),
            ("version", .string(version)),
            ("resources", .array(entries.map(entry))),
        ]).rendered()
    }

    private static func entry(_ entry: ResourceEntry) -> JSONOutput {
        func localized(_ text: LocalizedText) -> JSONOutput {
            .object([("fr", .string(text.fr)), ("en", .string(text.en))])
        }
        var members: [(String, JSONOutput)] = [
            ("code", .string(entry.code)), ("dimension", .string(entry.dimension.rawValue)),
            ("label", localized(entry.label)),
        ]
        if !entry.synonymsFR.isEmpty || !entry.synonymsEN.isEmpty {
            members.append(
                (
                    "synonyms",
                    .object([
                        ("fr", .array(entry.synonymsFR.map(JSONOutput.string))),
                        ("en", .array(entry.synonymsEN.map(JSONOutput.string))),
                    ])
                ))
        }
        if !entry.ewc.isEmpty { members.append(("ewc", .array(entry.ewc.map(JSONOutput.string)))) }
        if !entry.substitutes.isEmpty {
            members.append(
                (
                    "substitutes",
                    .array(
                        entry.substitutes.map {
                            .object([
                                ("target", .string($0.target)), ("factor", .number($0.factor)),
                                ("rationale", localized($0.rationale)),
                            ])
                        })
                ))
        }
        if !entry.equivalents.isEmpty {
            members.append(
                (
                    "equivalents",
                    .array(
                        entry.equivalents.map {
                            .object(
                                [
                                    ("from", .string($0.from.rawValue)), ("factor", .number($0.factor)),
                                    ("rationale", .string($0.rationale)),
                                ] + ($0.assumed ? [("assumed", .bool(true))] : [])
                                    + ($0.methaneShare.map { [("methaneShare", .number($0))] } ?? []))
                        })
                ))
        }
        if let grade = entry.grade { members.append(("grade", .string(grade.rawValue))) }
        if let pooling = entry.pooling {
            members.append(
                (
                    "pooling",
                    .object([
                        ("threshold", .number(pooling.value)), ("rationale", localized(pooling.rationale)),
                        ("source", .string(pooling.source)),
                    ])
                ))
        }
        return .object(members + properties(entry))
    }

    /// The entry's physical and economic properties, when declared.
    private static func properties(_ entry: ResourceEntry) -> [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = []
        if entry.secondary { members.append(("secondary", .bool(true))) }
        if entry.gas { members.append(("gas", .bool(true))) }
        if let dryMatter = entry.dryMatter { members.append(("dryMatter", .number(dryMatter))) }
        if let heatingValue = entry.heatingValue { members.append(("heatingValue", .number(heatingValue))) }
        if let value = entry.neutralisingValue { members.append(("neutralisingValue", .number(value))) }
        if let value = entry.nitrogen { members.append(("nitrogen", .number(value))) }
        if !entry.excludes.isEmpty { members.append(("excludes", .array(entry.excludes.map { .string($0) }))) }
        if let range = entry.temperature {
            members.append(
                ("temperature", .object([("low", .number(range.lowerBound)), ("high", .number(range.upperBound))])))
        }
        return members
    }
}
