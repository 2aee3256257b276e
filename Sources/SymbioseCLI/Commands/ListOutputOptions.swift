import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseReport

/// How `match` and `plan` write their list of synergies.
struct ListOutputOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, markdown, geojson, graphml
    }

    @Option(
        help: ArgumentHelp(
            "Show the first N (default 25 for table and markdown, all otherwise; 0: all).", valueName: "n"))
    var top: Int?

    @Option(help: "table, json, csv, markdown, geojson or graphml (default: table on a terminal, json otherwise).")
    var format: Format?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("The CSV separator (default ; in French, , in English).", valueName: "char"))
    var csvSeparator: String?

    @Flag(help: "Start CSV output with a UTF-8 byte order mark, for Excel.")
    var bom = false

    @Flag(help: "GeoJSON and GraphML: replace names by pseudonyms, round coordinates, band quantities.")
    var anonymize = false

    func validate() throws {
        if let csvSeparator, csvSeparator.count != 1 { throw ValidationError("--csv-separator takes one character") }
        if let top, top < 0 { throw ValidationError("--top cannot be negative") }
    }

    /// The format asked for: a table on a terminal, JSON into a file or a pipe.
    var chosen: Format { format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .json) }

    /// The synergies to write, cut to `--top`.
    func shown(_ synergies: [Synergy]) -> [Synergy] {
        let limit = top ?? ((chosen == .table || chosen == .markdown) ? 25 : 0)
        return limit == 0 ? synergies : Array(synergies.prefix(limit))
    }

    /// CSV, GeoJSON or GraphML, which `match` and `plan` write alike; `nil` for the other formats.
    func render(_ shown: [Synergy], run: MatchRun, impacts: [String: SynergyImpact], language: Language) -> String? {
        switch chosen {
        case .csv:
            let separator = csvSeparator?.first ?? (language == .fr ? ";" : ",")
            return SynergyCSV.render(
                shown, taxonomy: run.taxonomy, impacts: impacts, language: language, separator: separator,
                byteOrderMark: bom)
        case .geojson, .graphml:
            let presentation = Presentation(
                companies: run.report.profiles.map(\.profile.company.id), anonymize: anonymize, language: language)
            let profiles = run.usableProfiles
            return chosen == .geojson
                ? GeoJSONRenderer.render(shown, profiles: profiles, taxonomy: run.taxonomy, presentation: presentation)
                : GraphMLRenderer.render(shown, profiles: profiles, presentation: presentation)
        case .table, .json, .markdown:
            return nil
        }
    }
}
