import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseXML

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic territory that looks like real data.",
        discussion: """
            Sites cluster around towns of realistic sizes, with a sector mix by NAF code and each \
            sector's typical flows; some data is missing or estimated, as in real surveys. The \
            same seed always gives the same territory. See Docs/generator.md.
            """)

    enum Files: String, ExpressibleByArgument, CaseIterable {
        case one
        case perSite = "per-site"
    }

    @Option(help: "How many sites.")
    var sites: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "json or xml.")
    var format: ProfileLoader.Format = .json

    @Option(help: "one: a single collection file; per-site: one file per site in the -o directory.")
    var files: Files = .one

    @Option(
        name: .shortAndLong, help: ArgumentHelp("The file (or, per site, the directory) to write.", valueName: "path"))
    var output: String?

    @OptionGroup var replace: ForceOption

    func validate() throws {
        guard sites > 0 else { throw ValidationError("--sites must be at least 1") }
        if files == .perSite && output == nil { throw ValidationError("--files per-site needs -o DIRECTORY") }
    }

    func run() throws {
        let profiles = TerritoryGenerator(sites: sites, seed: seed).generate()
        func encode(_ profiles: [Profile], collection: Bool) -> String {
            format == .xml
                ? ProfileXML.encode(profiles, asCollection: collection)
                : ProfileJSON.encode(profiles, asCollection: collection)
        }
        do {
            switch files {
            case .one:
                try OutputFile.write(encode(profiles, collection: true), to: output, force: replace.force)
            case .perSite:
                let directory = URL(fileURLWithPath: output!)
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                for profile in profiles {
                    try OutputFile.write(
                        encode([profile], collection: false),
                        to: directory.appendingPathComponent("\(profile.company.id).\(format.rawValue)").path,
                        force: replace.force)
                }
            }
        } catch {
            throw Console(language: LanguageChoice.resolve(nil)).cannotWrite(error)
        }
    }
}
