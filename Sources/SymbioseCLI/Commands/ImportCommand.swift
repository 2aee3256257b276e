import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a spreadsheet into one profile file per company.",
        discussion: """
            Reads CSV or .xlsx files of the flat layout (Docs/spreadsheet-format.md) — or any \
            profile file — checks them as validate does, and writes each company to \
            DIR/COMPANY-ID.xml or .json. Nothing is written if any input is invalid. Files of \
            the same name are replaced. Exit status as for validate; 73 if a file cannot be \
            written.
            """)

    @Argument(help: ArgumentHelp("Spreadsheets (.csv, .xlsx) or other profile files.", valueName: "file"))
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("The directory to write the profiles to.", valueName: "dir"))
    var output: String

    @OptionGroup var replace: ForceOption

    @Option(help: "xml or json.")
    var format = FormatChoice<ProfileDocumentFormats>(.xml)

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let profiles = try EngineFront(options: options).checkedProfiles(paths)
        let language = options.language
        let console = options.console
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            throw console.cannotWrite(
                OutputFile.WriteError(path: output, reason: (error as NSError).localizedDescription))
        }
        for profile in profiles {
            let path = (output as NSString).appendingPathComponent("\(profile.company.id).\(format.format.rawValue)")
            try ProfileWriting.writeOrExit(
                [profile], as: format.format, to: path, force: replace.force, language: language)
        }
        let s = language.takesPlural(profiles.count) ? "s" : ""
        console.notice(
            LocalizedText(
                en: "\(profiles.count) profile\(s) written to \(output)",
                fr: "\(profiles.count) profil\(s) écrit\(s) dans \(output)"))
    }
}
