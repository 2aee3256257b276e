import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine

/// Runs the engine for a command and says on standard error what the run tells a person:
/// diagnostics, notices and progress. Commands call it and never write to standard error
/// themselves.
struct EngineFront {
    var options: ProfileOptions

    /// Standard error, with the user's language, `--quiet` and diagnostics format.
    var console: Console { options.console }

    /// Prints diagnostics in the chosen format and language (nothing when there are none).
    func report(_ diagnostics: [Diagnostic]) { console.report(diagnostics) }

    /// Prints a line that is part of the command's result on standard error, such as a summary.
    func say(_ line: String) { console.say(line) }

    /// Prints a notice, unless `--quiet`.
    func notice(_ text: LocalizedText) { console.notice(text) }

    /// Prints an error that is not about a place in the input, and exits 1.
    func fail(_ text: LocalizedText) -> ExitCode { console.fail(text) }

    /// The engine for a run, with the user's taxonomy, factors and activities; prints what is
    /// wrong with those files and exits 1 when any has an error.
    func engine(_ match: MatchOptions) throws -> Engine {
        var configuration = match.configuration
        configuration.sheet = options.sheet
        let (engine, diagnostics) = Engine.make(
            configuration: configuration, taxonomyFile: options.taxonomyFile, factorsFile: match.factorsFile,
            activitiesFile: match.activities.file, locationsFile: options.locationsFile)
        guard let engine else {
            report(diagnostics)
            throw ExitStatus.invalidInput
        }
        return engine
    }

    /// Load, validate, infer, match and rank, as `match`, `plan` and `report` do; prints every
    /// diagnostic at the end, and progress on a terminal meanwhile.
    func match(_ paths: [String], with match: MatchOptions, ranker: Ranker = Ranker()) throws -> (Engine, MatchOutcome)
    {
        var engine = try engine(match)
        if paths.isEmpty {
            notice(
                LocalizedText(
                    en: "No path given: running on the bundled demo territory (Soissonnais-Valois, 43 sites).",
                    fr: "Aucun chemin donné : analyse du territoire de démonstration (Soissonnais-Valois, 43 sites)."))
        }
        let progress = options.progress
        engine.onProgress = Self.showing(on: progress)
        let validated = engine.validate(engine.load(paths.isEmpty ? .demo : .paths(paths)))
        progress.finish()
        if validated.usable.isEmpty {
            // Nothing valid to match: say why and write nothing, so that an earlier output
            // is never replaced by an empty one.
            let none = validated.profiles.isEmpty ? [] : [Engine.nothingValid(paths)]
            report(validated.diagnostics + none)
            throw ExitStatus.invalidInput
        }
        if !validated.inferredCompanies.isEmpty {
            let (count, list) = (
                validated.inferredCompanies.count, validated.inferredCompanies.map(\.rawValue).joined(separator: ", ")
            )
            notice(
                LocalizedText(
                    en: "Flows inferred from the activity code for \(count) firm(s) that declared none: \(list)",
                    fr: "Flux déduits du code d'activité pour \(count) entreprise(s) sans flux déclaré : \(list)"))
        }
        // A new clock: the matching rate counts from here, not from the start of reading.
        engine.onProgress = Self.showing(on: progress)
        let outcome = engine.match(validated, ranker: ranker)
        progress.finish()
        report(outcome.diagnostics)
        return (engine, outcome)
    }

    /// A display of the engine's progress, timed from now: megabytes read, then needs matched.
    private static func showing(on progress: Progress) -> @Sendable (EngineProgress) -> Void {
        let start = Date()
        return { event in
            switch event {
            case .reading(let bytes, let total):
                progress.show(
                    bytes / 1_000_000, of: total / 1_000_000,
                    what: LocalizedText(en: "reading profiles", fr: "lecture des profils"),
                    unit: LocalizedText(en: "MB", fr: "Mo"), from: 10, since: start)
            case .matching(let done, let total):
                progress.show(
                    done, of: total, what: LocalizedText(en: "matching needs", fr: "appariement des besoins"),
                    since: start)
            }
        }
    }

    /// Loads and checks profiles as `validate` does, against the user's taxonomy when it is
    /// usable (the built-in one otherwise); returns the diagnostics of the taxonomy file apart.
    func validated(_ paths: [String]) -> (Engine, ValidatedProfiles, taxonomyDiagnostics: [Diagnostic]) {
        var configuration = Engine.Configuration()
        configuration.sheet = options.sheet
        var (taxonomy, diagnostics) = ReferenceData.taxonomy(userFile: options.taxonomyFile)
        var references = ReferenceData(taxonomy: taxonomy, factors: FactorsFile.builtIn)
        if let file = options.locationsFile {
            let (places, placeDiagnostics) = ReferenceData.places(userFile: file)
            (references.places, diagnostics) = (places, diagnostics + placeDiagnostics)
        }
        let engine = Engine(configuration: configuration, references: references)
        return (engine, engine.validate(engine.load(.paths(paths))), diagnostics)
    }

    /// Loads and checks profiles as `validate` does and prints the diagnostics; exits 1 when
    /// any input is invalid, so that nothing is written from it.
    func checkedProfiles(_ paths: [String]) throws -> [Profile] {
        try checked(paths).profiles
    }

    /// The checked profiles and the taxonomy they were checked against.
    func checked(_ paths: [String]) throws -> (profiles: [Profile], taxonomy: Taxonomy) {
        let (engine, validated, taxonomyDiagnostics) = validated(paths)
        let diagnostics = taxonomyDiagnostics + validated.diagnostics
        report(diagnostics)
        guard !diagnostics.containsErrors else { throw ExitStatus.invalidInput }
        return (validated.asGiven, engine.taxonomy)
    }
}
