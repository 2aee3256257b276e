import ArgumentParser
import SymbioseCore
import SymbioseEngine

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write profiles as one spreadsheet: CSV or .xlsx, one row per flow.",
        discussion: """
            Reads profiles in any format, checks them as validate does, and writes the flat \
            layout of Docs/spreadsheet-format.md: one row per flow, company and site columns \
            repeated, headers and words in the language of --lang. CSV is written as \
            spreadsheets of that language read it (French: ; and decimal comma). Reading the \
            result back gives the same profiles. Nothing is written if any input is invalid. \
            Exit status as for validate; 73 if the output cannot be written.
            """)

    @Argument(help: ArgumentHelp("Profile files or directories.", valueName: "path"))
    var paths: [String]

    @Option(help: "csv or xlsx.")
    var format = FormatChoice<SheetFormats>(.xlsx)

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The file to write (CSV: default standard output).", valueName: "file"))
    var output: String?

    @OptionGroup var replace: ForceOption

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let profiles = try EngineFront(options: options).checkedProfiles(paths)
        try ProfileWriting.writeOrExit(
            profiles, as: format.format, to: output, force: replace.force, language: options.language)
    }
}
