import SymbioseCore

/// Renders one List of Waste entry for `symbiose taxonomy --ewc`: its texts, headings and the
/// taxonomy code it maps to, for people or as JSON.
public enum ListOfWasteRenderer {
    public static func render(
        _ entry: ListOfWaste.Entry, list: ListOfWaste, taxonomy: Taxonomy, as format: OutputFormat, language: Language
    ) -> String {
        let headings = list.headings(of: entry.code)
        let label = taxonomy[entry.resource]?.label
        guard format != .json else {
            return JSONOutput.object([
                ("code", .string(entry.code)), ("hazardous", .bool(entry.isHazardous)),
                ("text", .object([("fr", .string(entry.text.fr)), ("en", .string(entry.text.en))])),
                (
                    "headings",
                    .array(headings.map { .object([("fr", .string($0.fr)), ("en", .string($0.en))]) })
                ),
                ("resource", .string(entry.resource)), ("mapping", .string(entry.method)),
            ]).rendered()
        }
        let mapping: LocalizedText =
            switch entry.method {
            case "listed": LocalizedText(en: "the code lists it", fr: "le code la cite")
            case "search": LocalizedText(en: "found by its text", fr: "trouvé par son texte")
            default: LocalizedText(en: "by its chapter", fr: "par son chapitre")
            }
        let hazard = entry.isHazardous ? LocalizedText(en: " (hazardous)", fr: " (dangereux)")[language] : ""
        var lines = ["\(entry.code)  \(entry.text[language])\(hazard)"]
        lines += zip([String(entry.code.prefix(2)), String(entry.code.prefix(5))], headings).map {
            "  \($0)  \($1[language])"
        }
        let resourceWord = LocalizedText(en: "resource", fr: "ressource")[language]
        lines.append(
            "\(resourceWord): \(entry.resource)\(label.map { " — \($0[language])" } ?? "") (\(mapping[language]))")
        return lines.map { $0 + "\n" }.joined()
    }
}
