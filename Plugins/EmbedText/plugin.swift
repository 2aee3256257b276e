import Foundation
import PackagePlugin

/// Embeds a target's large text tables (`Resources/*.tsv` listed below) as string literals, so
/// that they are in the binary without the compile time of an array literal of their bytes.
@main struct EmbedText: BuildToolPlugin {
    /// The tables, with the name of the constant each becomes.
    static let tables = ["communes-fr.tsv": "embeddedCommunesFR"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-text")
        return Self.tables.sorted { $0.key < $1.key }.map { file, name in
            let input = target.directoryURL.appending(path: "Resources/\(file)")
            let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
            return .buildCommand(
                displayName: "Embedding \(file)", executable: tool.url,
                arguments: [input.path(), output.path(), name], inputFiles: [input], outputFiles: [output])
        }
    }
}
