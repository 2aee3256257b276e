import ArgumentParser
import SymbioseCore

/// How diagnostics are printed on standard error.
public enum DiagnosticsFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// `file:line:col: error: message [code]`, one per line, with notes indented below.
    case text
    /// A `symbiose/diagnostics@1` JSON document.
    case json
}

/// Renders diagnostics for people and for programs.
public enum DiagnosticsRenderer {
    public static func text(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        diagnostics.map { $0.rendered(in: language) + "\n" }.joined()
    }

    /// The JSON form: `{"schema": "symbiose/diagnostics@1", "errors": N, "warnings": N,
    /// "diagnostics": [{"severity", "code", "message", "file", "line", "column", "path", "notes"}]}`.
    public static func json(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        JSONOutput.object([
            ("schema", .string("symbiose/diagnostics@1")),
            ("errors", .integer(diagnostics.filter { $0.severity == .error }.count)),
            ("warnings", .integer(diagnostics.filter { $0.severity == .warning }.count)),
            (
                "diagnostics",
                .array(diagnostics.map { $0.json(in: language) })
            ),
        ]).rendered()
    }

    public static func render(_ diagnostics: [Diagnostic], as format: DiagnosticsFormat, language: Language = .en)
        -> String
    {
        format == .json ? json(diagnostics, language: language) : text(diagnostics, language: language)
    }
}
