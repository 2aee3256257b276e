import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseReport

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
        let front = EngineFront(options: options)
        let (_, validated, taxonomyDiagnostics) = front.validated(paths)
        var diagnostics = taxonomyDiagnostics + validated.diagnostics
        if errorsOnly { diagnostics = diagnostics.filter { $0.severity == .error } }
        front.report(diagnostics)
        if options.diagnosticsFormat.format == .text { front.say(validated.summary(in: options.language)) }
        let invalid = (taxonomyDiagnostics + validated.diagnostics).containsErrors
        Teardown.shared.keep(validated)
        if invalid { throw ExitStatus.invalidInput }
    }
}
