import SymbioseCore

/// Renders diagnostics for people and for programs.
public enum DiagnosticsRenderer {
    /// How many warnings of one code are printed in text before the rest are counted.
    public static let warningsPerCode = 25

    /// Diagnostics as text: every error, and at most ``warningsPerCode`` warnings of each code
    /// followed by how many more there are, so that a national run stays readable. The JSON
    /// form always lists everything.
    public static func text(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        var shown: [DiagnosticCode: Int] = [:]
        var hidden: [DiagnosticCode: Int] = [:]
        var text = ""
        for diagnostic in diagnostics {
            if diagnostic.severity != .error {
                shown[diagnostic.code, default: 0] += 1
                if shown[diagnostic.code]! > warningsPerCode {
                    hidden[diagnostic.code, default: 0] += 1
                    continue
                }
            }
            text += diagnostic.rendered(in: language) + "\n"
        }
        for (code, count) in hidden.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text +=
                LocalizedText(
                    en: "… and \(count) more warnings [\(code.rawValue)] (--diagnostics-format json lists them all)\n",
                    fr:
                        "… et \(count) autres avertissements [\(code.rawValue)] (--diagnostics-format json les liste tous)\n"
                )[language]
        }
        return text
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

    /// Diagnostics in `format`: `.json`, or text for every other format.
    public static func render(_ diagnostics: [Diagnostic], as format: OutputFormat, language: Language = .en)
        -> String
    {
        format == .json ? json(diagnostics, language: language) : text(diagnostics, language: language)
    }
}
