import ArgumentParser
import SymbioseCore
import SymbioseFormats
import SymbioseXML

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert profiles between XML and JSON without loss.",
        discussion: """
            Reads the given profiles, checks them as validate does, and writes them in the other \
            format: one profile as a profile document, several as a collection. Nothing is \
            written if any input is invalid. Exit status as for validate; 73 if the output cannot \
            be written.
            """)

    @Argument(help: ArgumentHelp("Profile files or directories; - reads standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .customLong("to"), help: "The format to write: xml or json.")
    var format: ProfileLoader.Format

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Write a collection even for a single profile.")
    var collection = false

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let (taxonomy, taxonomyDiagnostics) = options.taxonomy()
        let report = ValidationRun(taxonomy: taxonomy).run(paths: paths, loader: ProfileLoader())
        let diagnostics = taxonomyDiagnostics + report.diagnostics
        StandardError.write(options.render(diagnostics))
        guard !diagnostics.containsErrors else { throw ExitStatus.invalidInput }
        let profiles = report.profiles.map(\.profile)
        let text =
            format == .xml
            ? ProfileXML.encode(profiles, asCollection: collection)
            : ProfileJSON.encode(profiles, asCollection: collection)
        try OutputFile.writeOrExit(text, to: output, language: options.language)
    }
}

extension ProfileLoader.Format: ExpressibleByArgument {}
