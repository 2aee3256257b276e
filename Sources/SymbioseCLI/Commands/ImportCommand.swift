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

    @Option(help: "xml or json.")
    var format: ProfileFormat = .xml

    enum ProfileFormat: String, ExpressibleByArgument, CaseIterable {
        case xml
        case json
    }

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let profiles = try EngineFront(options: options).checkedProfiles(paths)
        let language = options.language
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        } catch {
            StandardError.write(
                OutputFile.describe(
                    OutputFile.WriteError(path: output, reason: (error as NSError).localizedDescription),
                    language: language))
            throw ExitStatus.cannotWrite
        }
        let target: ProfileLoader.Format = format == .xml ? .xml : .json
        for profile in profiles {
            let path = (output as NSString).appendingPathComponent("\(profile.company.id).\(format.rawValue)")
            try ProfileWriting.writeOrExit([profile], as: target, to: path, language: language)
        }
        if !options.quiet {
            let s = language.takesPlural(profiles.count) ? "s" : ""
            StandardError.write(
                LocalizedText(
                    en: "\(profiles.count) profile\(s) written to \(output)\n",
                    fr: "\(profiles.count) profil\(s) écrit\(s) dans \(output)\n")[language])
        }
    }
}
