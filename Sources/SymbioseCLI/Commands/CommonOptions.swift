import ArgumentParser
import Foundation
import SymbioseCore

extension Language: ExpressibleByArgument {}

/// Options every command that reads profiles shares.
struct ProfileOptions: ParsableArguments {
    @Option(
        name: .customLong("taxonomy"),
        help: ArgumentHelp("A taxonomy file that adds or overrides resource codes.", valueName: "file"))
    var taxonomyFile: String?

    @Option(help: "How to print diagnostics on standard error: text or json.")
    var diagnosticsFormat: DiagnosticsFormat = .text

    @Option(help: "The language of messages and output: fr or en (default: from LANG).")
    var lang: Language?

    @Flag(help: "Print no progress and no notices on standard error; diagnostics are still printed.")
    var quiet = false

    @Option(help: ArgumentHelp("The worksheet to read from .xlsx files (default: the first).", valueName: "name"))
    var sheet: String?

    /// A loader for the paths given, reading the chosen worksheet.
    func loader(threads: Int = Parallel.processors) -> ProfileLoader {
        var loader = ProfileLoader()
        loader.threads = threads
        loader.sheet = sheet
        return loader
    }

    /// A progress line on standard error, only when it is a terminal and not `--quiet`.
    var progress: Progress { Progress(enabled: !quiet && isatty(STDERR_FILENO) == 1, language: language) }

    /// The language chosen with `--lang`, or from the environment.
    var language: Language { LanguageChoice.resolve(lang) }

    /// Renders diagnostics in the chosen format and language.
    func render(_ diagnostics: [Diagnostic]) -> String {
        DiagnosticsRenderer.render(diagnostics, as: diagnosticsFormat, language: language)
    }

    /// The built-in taxonomy, merged with the user's file if one was given.
    func taxonomy() -> (Taxonomy, [Diagnostic]) {
        TaxonomyLoading.load(userFile: taxonomyFile)
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

/// Loads the taxonomy for a run.
enum TaxonomyLoading {
    /// The error for a data file given on the command line that cannot be read.
    static func unreadable(_ file: String, _ kind: LocalizedText) -> Diagnostic {
        .error(
            .ioNotFound,
            LocalizedText("the \(kind.en) file cannot be read", fr: "le fichier \(kind.fr) est illisible"),
            at: SourceLocation(file: file))
    }

    static func load(userFile: String?) -> (Taxonomy, [Diagnostic]) {
        let builtIn = TaxonomyFile.builtIn
        guard let userFile else { return (builtIn, []) }
        guard let data = FileManager.default.contents(atPath: userFile) else {
            return (builtIn, [unreadable(userFile, LocalizedText("taxonomy", fr: "de taxonomie"))])
        }
        let contents = TaxonomyFile.decode(Array(data), file: userFile)
        guard !contents.diagnostics.containsErrors else { return (builtIn, contents.diagnostics) }
        let merged = builtIn.merging(contents.entries, version: contents.version ?? userFile)
        let references = TaxonomyFile.checkReferences(
            of: merged, locations: contents.locations, only: Set(contents.entries.map(\.code)))
        return (merged, contents.diagnostics + references)
    }
}

/// Loads the impact factors for a run.
enum FactorsLoading {
    static func load(userFile: String?, taxonomy: Taxonomy) -> (ImpactFactors, [Diagnostic]) {
        let builtIn = FactorsFile.builtIn
        guard let userFile else { return (builtIn, []) }
        guard let data = FileManager.default.contents(atPath: userFile) else {
            return (builtIn, [TaxonomyLoading.unreadable(userFile, LocalizedText("factor", fr: "de facteurs"))])
        }
        let contents = FactorsFile.decode(Array(data), file: userFile, taxonomy: taxonomy)
        guard !contents.diagnostics.containsErrors else { return (builtIn, contents.diagnostics) }
        return (builtIn.merging(contents.factors, version: contents.version ?? userFile), contents.diagnostics)
    }
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
    func base(taxonomy: Taxonomy, render: ([Diagnostic]) -> String) throws -> ActivityBase {
        let builtIn = ActivityBase.builtIn
        guard let file else { return builtIn }
        guard let data = FileManager.default.contents(atPath: file) else {
            StandardError.write(
                render([TaxonomyLoading.unreadable(file, LocalizedText("activity", fr: "d'activités"))]))
            throw ExitStatus.invalidInput
        }
        let (base, diagnostics) = ActivityBase.decode(
            Array(data), file: file, taxonomy: taxonomy, knownSources: Set(builtIn.sources.map(\.id)))
        if !diagnostics.isEmpty { StandardError.write(render(diagnostics)) }
        guard !diagnostics.containsErrors else { throw ExitStatus.invalidInput }
        return builtIn.merging(base, version: base.version.isEmpty ? file : base.version)
    }
}
