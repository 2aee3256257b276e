import Foundation
import PackagePlugin

/// Embeds a target's large text tables (`Resources/*.tsv` listed below) as raw string literals,
/// so that they are in the binary without the compile time of an array literal of their bytes
/// (SwiftPM's `embedInCode` took over ten minutes for the communes table). The command is the
/// system shell, not a tool built by the package, so that builds with sanitizer flags (the fuzz
/// targets) build it too. The tables must not hold the literal's closing `"""#`.
@main struct EmbedText: BuildToolPlugin {
    /// The tables, with the name of the constant each becomes.
    static let tables = ["communes-fr.tsv": "embeddedCommunesFR"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        Self.tables.sorted { $0.key < $1.key }.map { file, name in
            let input = target.directoryURL.appending(path: "Resources/\(file)")
            let output = context.pluginWorkDirectoryURL.appending(path: "\(name).swift")
            let quotes = String(repeating: "\"", count: 3)
            let script =
                "{ printf '// Generated from %s; do not edit.\\nlet %s = #\(quotes)\\n' \"$3\" \"$4\"; "
                + "cat \"$1\"; printf '\(quotes)#\\n'; } > \"$2\""
            return .buildCommand(
                displayName: "Embedding \(file)", executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "embed-text", input.path(), output.path(), file, name],
                inputFiles: [input], outputFiles: [output])
        }
    }
}
