import ArgumentParser
import SymbioseCore
import SymbioseEngine

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert profiles between XML, JSON, CSV and .xlsx without loss.",
        discussion: """
            Reads the given profiles, checks them as validate does, and writes them in the chosen \
            format: in XML or JSON, one profile as a profile document, several as a collection; \
            in CSV or .xlsx, the flat spreadsheet layout (Docs/spreadsheet-format.md). Nothing is \
            written if any input is invalid. Exit status as for validate; 73 if the output cannot \
            be written.
            """)

    @Argument(help: ArgumentHelp("Profile files or directories; - reads standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .customLong("to"), help: "The format to write: xml, json, csv or xlsx.")
    var format: ProfileLoader.Format

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var replace: ForceOption

    @Flag(help: "Write a collection even for a single profile.")
    var collection = false

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let profiles = try EngineFront(options: options).checkedProfiles(paths)
        try ProfileWriting.writeOrExit(
            profiles, as: format, collection: collection, to: output, force: replace.force, language: options.language)
    }
}

extension ProfileLoader.Format: ExpressibleByArgument {}
