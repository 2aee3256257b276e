import Foundation
import SymbioseCore

/// Renders the results of `symbiose taxonomy --search`: a table with the relevance of each code,
/// or JSON (`symbiose/taxonomy-search@1`) with labels, synonyms, score and why each matched.
public enum TaxonomySearchRenderer {
    public static let schema = "symbiose/taxonomy-search@1"

    public static func render(
        _ matches: [TaxonomyMatch], query: String, taxonomy: Taxonomy, as format: OutputFormat, language: Language
    ) -> String {
        format == .json ? json(matches, query: query, taxonomy: taxonomy) : table(matches, taxonomy, language)
    }

    private static func table(_ matches: [TaxonomyMatch], _ taxonomy: Taxonomy, _ language: Language) -> String {
        let entries = matches.compactMap { taxonomy[$0.code] }
        let lines = TaxonomyRenderer.table(entries, language: language, width: 92).split(separator: "\n")
        guard let header = lines.first else { return "" }
        let width = lines.map(\.count).max() ?? 0
        func pad(_ line: Substring) -> String { line + String(repeating: " ", count: width - line.count) }
        var rows = [pad(header) + "  " + LocalizedText(en: "SCORE", fr: "PERTINENCE")[language]]
        for (line, match) in zip(lines.dropFirst(), matches) {
            rows.append(pad(line) + "  " + String(format: "%.2f", match.score))
        }
        return rows.map { $0 + "\n" }.joined()
    }

    private static func json(_ matches: [TaxonomyMatch], query: String, taxonomy: Taxonomy) -> String {
        func localized(_ text: LocalizedText) -> JSONOutput {
            .object([("fr", .string(text.fr)), ("en", .string(text.en))])
        }
        let results: [JSONOutput] = matches.compactMap { match in
            guard let entry = taxonomy[match.code] else { return nil }
            return .object([
                ("code", .string(entry.code)), ("dimension", .string(entry.dimension.rawValue)),
                ("label", localized(entry.label)),
                (
                    "synonyms",
                    .object([
                        ("fr", .array(entry.synonymsFR.map(JSONOutput.string))),
                        ("en", .array(entry.synonymsEN.map(JSONOutput.string))),
                    ])
                ),
                ("score", .number((match.score * 1000).rounded() / 1000)),
                ("why", .array(match.reasons.map(reason))),
            ])
        }
        return JSONOutput.object([
            ("schema", .string(schema)), ("query", .string(query)), ("version", .string(taxonomy.version)),
            ("results", .array(results)),
        ]).rendered()
    }

    private static func reason(_ reason: SearchReason) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("word", .string(reason.word)), ("field", .string(reason.field)),
        ]
        if let language = reason.language { members.append(("language", .string(language.rawValue))) }
        members += [("text", .string(reason.text)), ("closeness", .string(reason.closeness))]
        return .object(members)
    }
}
