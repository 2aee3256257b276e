import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseReport

extension Language: ExpressibleByArgument {}

/// Options every command that reads profiles shares.
struct ProfileOptions: ParsableArguments {
    @Option(
        name: .customLong("taxonomy"),
        help: ArgumentHelp("A taxonomy file that adds or overrides resource codes.", valueName: "file"))
    var taxonomyFile: String?

    @Option(
        name: .customLong("locations"),
        help: ArgumentHelp(
            "A CSV table of places (commune and/or postcode, lat, lon) that places sites given without coordinates, before the built-in communes.",
            valueName: "file"))
    var locationsFile: String?

    @Option(help: "How to print diagnostics on standard error: text or json.")
    var diagnosticsFormat = FormatChoice<TextFormats>(.text)

    @Option(help: "The language of messages and output: fr or en (default: from LANG).")
    var lang: Language?

    @Flag(help: "Print no progress and no notices on standard error; diagnostics are still printed.")
    var quiet = false

    @Option(help: ArgumentHelp("The worksheet to read from .xlsx files (default: the first).", valueName: "name"))
    var sheet: String?

    /// A progress line on standard error, only when it is a terminal and not `--quiet`.
    var progress: Progress { Progress(enabled: !quiet && isatty(STDERR_FILENO) == 1, language: language) }

    /// The language chosen with `--lang`, or from the environment.
    var language: Language { LanguageChoice.resolve(lang) }

    /// Standard error, in the chosen language and diagnostics format.
    var console: Console {
        Console(language: language, quiet: quiet, diagnosticsFormat: diagnosticsFormat.format)
    }
}

/// The language of what a person reads: `--lang`, else `LC_ALL`, `LC_MESSAGES` or `LANG`
/// (French when it starts with `fr`), else English.
package enum LanguageChoice {
    package static func resolve(
        _ explicit: Language?, environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> Language
    {
        if let explicit { return explicit }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[variable], !value.isEmpty { return Language(locale: value) }
        }
        return .en
    }
}

/// `--force`, for the commands that write files: a read-only output file is replaced (and stays
/// read-only) rather than refused.
struct ForceOption: ParsableArguments {
    @Flag(help: "Replace the output file even if it is read-only (it stays read-only).")
    var force = false
}

/// The option that adds or replaces typical flows by activity, for the commands that use them.
struct ActivitiesOption: ParsableArguments {
    @Option(
        name: .customLong("activities"),
        help: ArgumentHelp(
            "A file of typical flows by NAF code that adds activities or replaces them by code.", valueName: "file"))
    var file: String?

    /// The built-in base merged with the user's file, or exits 1 after printing why the file
    /// cannot be used.
    func base(taxonomy: Taxonomy, console: Console) throws -> ActivityBase {
        let (base, diagnostics) = ReferenceData.activities(userFile: file, taxonomy: taxonomy)
        console.report(diagnostics)
        guard !diagnostics.containsErrors else { throw ExitStatus.invalidInput }
        return base
    }
}
