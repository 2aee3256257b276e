import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseServer
import SymbioseStore

extension DatabaseCommand {
    /// `symbiose db export DIR`: every stored profile as a file the command line reads.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every territory's latest profiles to a new folder, one file per firm.",
            discussion:
                "DIR/<territory id>-<name>/<company id>.json (or .xml, .csv, .xlsx); DIR must not exist or be empty.")

        @Argument(help: ArgumentHelp("The folder to write.", valueName: "dir"))
        var directory: String

        @Option(help: "xml, json, csv or xlsx.")
        var format: ProfileLoader.Format = .json

        @Option(help: "The words of CSV and .xlsx headers: fr or en.")
        var lang: Language = .fr

        @OptionGroup var store: StoreOption

        func run() async throws {
            let manager = FileManager.default
            if let existing = try? manager.contentsOfDirectory(atPath: directory), !existing.isEmpty {
                throw StoreFailure.fail("\(directory) is not empty: give a new folder")
            }
            let store = try await self.store.open()
            var written = 0
            for territory in try await store.territories() {
                let folder = URL(fileURLWithPath: directory).appendingPathComponent(
                    "\(territory.id)-\(Invitations.identifier(for: territory.name))")
                for firm in try await store.firms(territoryID: territory.id) {
                    guard let profile = ProfileCheck.stored(firm.profile) else { continue }
                    let bytes = try ProfileWriting.encode([profile], as: format, language: lang)
                    do {
                        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
                        try Data(bytes).write(
                            to: folder.appendingPathComponent("\(firm.companyID).\(format.rawValue)"), options: .atomic)
                    } catch {
                        throw StoreFailure.fail("\(folder.path): cannot write: \(error.localizedDescription)")
                    }
                    written += 1
                }
            }
            print("Wrote \(written) profiles to \(directory)")
        }
    }
}
