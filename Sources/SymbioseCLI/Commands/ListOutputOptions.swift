import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseReport

/// How `match` and `plan` write their list of synergies.
struct ListOutputOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Show the first N (default 25 for table and markdown, all otherwise; 0: all).", valueName: "n"))
    var top: Int?

    @Option(
        help:
            "table, json, ndjson (one record per line), csv, xlsx, markdown, geojson or graphml (default: table on a terminal, json otherwise)."
    )
    var format: FormatChoice<ListFormats>?

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var replace: ForceOption

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
    var chosen: OutputFormat { format?.format ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .table : .json) }

    /// How many synergies are written: `--top`, 25 in a table or Markdown by default; `nil` for all.
    var limit: Int? {
        let limit = top ?? ((chosen == .table || chosen == .markdown) ? 25 : 0)
        return limit == 0 ? nil : limit
    }

    /// The synergies to write, cut to `--top`.
    func shown(_ synergies: [Synergy]) -> [Synergy] {
        limit.map { Array(synergies.prefix($0)) } ?? synergies
    }

    /// The run's report, in the chosen format, written where the user asked.
    func write(_ report: RunReport, language: Language) throws {
        if chosen == .xlsx {
            try OutputFile.refuseTerminal(output, language: language)
            return try OutputFile.writeOrExit(to: output, force: replace.force, language: language) {
                try chosen.bytes(report)
            }
        }
        try OutputFile.streamOrExit(to: output, force: replace.force, language: language) { writer in
            try chosen.writeUTF8(report, to: writer.write)
        }
    }

    /// The report of a run, with the list's layout options.
    func report(
        _ subject: RunReport.Subject, of shown: [Synergy], engine: Engine, outcome: MatchOutcome,
        language: Language
    ) -> RunReport {
        let presentation = Presentation(
            companies: outcome.validated.profiles.map(\.profile.company.id), anonymize: anonymize,
            language: language)
        var report = RunReport(
            subject, of: shown, engine: engine, outcome: outcome, presentation: presentation)
        report.style.csvSeparator = csvSeparator?.first
        report.style.byteOrderMark = bom
        return report
    }
}
