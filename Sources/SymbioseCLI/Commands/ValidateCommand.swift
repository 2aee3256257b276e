import ArgumentParser
import Foundation
import SymbioseCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check profiles and report every problem, located.",
        discussion: """
            Reads every .xml and .json file under the given paths (directories recursively; - for \
            standard input) and the .csv and .xlsx spreadsheets named, checks XML against the \
            profile schema, then checks every format the same way: resource codes, units, \
            coordinates, months, NAF, SIRET and List of Waste codes, duplicate ids. Problems go to \
            standard error as file:line:col: severity: message [code]; in a spreadsheet, by cell.

            Exit status: 0 when every profile is valid (warnings allowed), 1 when any input is \
            invalid, 64 on a usage error.
            """)

    @Argument(help: ArgumentHelp("Profile files or directories; - reads standard input.", valueName: "path"))
    var paths: [String]

    @OptionGroup var options: ProfileOptions

    @Flag(help: "Print only errors, not warnings.")
    var errorsOnly = false

    func run() throws {
        let (taxonomy, taxonomyDiagnostics) = options.taxonomy()
        let report = ValidationRun(taxonomy: taxonomy).run(paths: paths, loader: options.loader())
        var diagnostics = taxonomyDiagnostics + report.diagnostics
        if errorsOnly { diagnostics = diagnostics.filter { $0.severity == .error } }
        StandardError.write(options.render(diagnostics))
        if options.diagnosticsFormat == .text { StandardError.write(report.summary(in: options.language) + "\n") }
        if (taxonomyDiagnostics + report.diagnostics).containsErrors { throw ExitStatus.invalidInput }
    }
}

/// The load and validate stages together, as `validate` and every later command run them.
public struct ValidationRun {
    public var taxonomy: Taxonomy
    /// The most threads reading and checking use.
    public var threads = Parallel.processors

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    public struct Report {
        public var profiles: [LoadedProfile]
        public var files: [String]
        /// Sorted by file, line and column.
        public var diagnostics: [Diagnostic]

        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

        /// "40 profiles in 40 files: 0 errors, 3 warnings" / "40 profils dans 40 fichiers : 0 erreur, 3 avertissements".
        public func summary(in language: Language = .en) -> String {
            func plural(_ count: Int, _ word: String) -> String {
                let many = language == .fr ? count > 1 : count != 1
                return "\(count) \(word)\(many ? "s" : "")"
            }
            if language == .fr {
                return
                    "\(plural(profiles.count, "profil")) dans \(plural(files.count, "fichier")) : \(plural(errorCount, "erreur")), \(plural(warningCount, "avertissement"))"
            }
            return
                "\(plural(profiles.count, "profile")) in \(plural(files.count, "file")): \(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
        }
    }

    public func run(paths: [String], loader: ProfileLoader) -> Report {
        check(loader.load(paths))
    }

    /// Loads and checks profiles given as bytes, such as the bundled demo territory.
    public func run(bytes: [UInt8], file: String) -> Report {
        var loaded = ProfileLoader.Result()
        var loader = ProfileLoader()
        loader.threads = threads
        loader.read(bytes, file: file, format: nil, into: &loaded)
        return check(loaded)
    }

    private func check(_ loaded: ProfileLoader.Result) -> Report {
        var validator = ProfileValidator(taxonomy: taxonomy)
        validator.threads = threads
        let semantic = validator.validate(loaded.profiles)
        return Report(
            profiles: loaded.profiles, files: loaded.files,
            diagnostics: (loaded.diagnostics + semantic).sortedForOutput())
    }
}
