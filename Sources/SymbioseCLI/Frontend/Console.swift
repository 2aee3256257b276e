import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseReport

/// What a command tells a person on standard error — diagnostics, notices, failures — in their
/// language. Commands go through it (or through `EngineFront`, which uses it) and never write
/// to standard error themselves.
struct Console {
    var language: Language
    /// `--quiet`: no notices; diagnostics and failures are still printed.
    var quiet = false
    /// How diagnostics are printed: text, or a JSON document.
    var diagnosticsFormat: OutputFormat = .text

    /// Prints diagnostics (nothing when there are none).
    func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        StandardError.write(DiagnosticsRenderer.render(diagnostics, as: diagnosticsFormat, language: language))
    }

    /// Prints a line that is part of the command's result, such as a summary.
    func say(_ line: String) {
        StandardError.write(line + "\n")
    }

    /// Prints a notice, unless quiet.
    func notice(_ text: LocalizedText) {
        if !quiet { StandardError.write(text[language] + "\n") }
    }

    /// Prints an error that is not about a place in the input, and returns `status` to exit with.
    func fail(_ text: LocalizedText, status: ExitCode = ExitStatus.invalidInput) -> ExitCode {
        StandardError.write(LocalizedText(en: "error: \(text.en)", fr: "erreur : \(text.fr)")[language] + "\n")
        return status
    }

    /// Prints why the output cannot be written, and returns status 73 to exit with.
    func cannotWrite(_ error: Error) -> ExitCode {
        StandardError.write(OutputFile.describe(error, language: language))
        return ExitStatus.cannotWrite
    }
}
