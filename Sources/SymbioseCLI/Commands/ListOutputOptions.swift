import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
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

    /// Writes the synergies of `match` in the chosen format.
    func write(
        _ shown: [Synergy], engine: Engine, outcome: MatchOutcome, impacts: [String: SynergyImpact],
        language: Language
    ) throws {
        let (result, taxonomy) = (outcome.result, engine.taxonomy)
        try OutputFile.streamOrExit(to: output, language: language) { emit in
            switch chosen {
            case .table:
                try emit(
                    SynergyTable.render(shown, result: result, taxonomy: taxonomy, impacts: impacts, language: language)
                )
            case .markdown:
                try emit(
                    SynergyMarkdown.render(
                        shown, result: result, taxonomy: taxonomy, impacts: impacts, language: language))
            case .json:
                try RecommendationsJSON.write(
                    shown, result: result, taxonomy: taxonomy, settings: engine.configuration.settings,
                    impacts: impacts,
                    factorsVersion: engine.references.factors.version, language: language,
                    threads: engine.configuration.settings.threads, to: emit)
            case .csv, .geojson, .graphml:
                try emit(render(shown, engine: engine, outcome: outcome, impacts: impacts, language: language) ?? "")
            }
        }
    }

    /// CSV, GeoJSON or GraphML, which `match` and `plan` write alike; `nil` for the other formats.
    func render(
        _ shown: [Synergy], engine: Engine, outcome: MatchOutcome, impacts: [String: SynergyImpact],
        language: Language
    ) -> String? {
        switch chosen {
        case .csv:
            let separator = csvSeparator?.first ?? language.csvSeparator
            return SynergyCSV.render(
                shown, taxonomy: engine.taxonomy, impacts: impacts, language: language, separator: separator,
                byteOrderMark: bom)
        case .geojson, .graphml:
            let presentation = Presentation(
                companies: outcome.validated.profiles.map(\.profile.company.id), anonymize: anonymize,
                language: language)
            let profiles = outcome.profiles
            return chosen == .geojson
                ? GeoJSONRenderer.render(
                    shown, profiles: profiles, taxonomy: engine.taxonomy, presentation: presentation)
                : GraphMLRenderer.render(shown, profiles: profiles, presentation: presentation)
        case .table, .json, .markdown:
            return nil
        }
    }
}
