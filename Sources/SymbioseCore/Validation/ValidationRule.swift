/// Collects the diagnostics of the rules checking one profile, each located through the
/// profile's ``ProfileSource`` by the key of the field it concerns (`outputs[0].quantity.unit`).
public struct RuleReporter {
    public let source: ProfileSource
    public private(set) var diagnostics: [Diagnostic] = []

    public init(source: ProfileSource) {
        self.source = source
    }

    public mutating func report(
        _ severity: Severity, _ code: DiagnosticCode, _ message: LocalizedText, at key: String,
        notes: [LocalizedText] = []
    ) {
        diagnostics.append(Diagnostic(severity, code, message, at: source.locate(key), notes: notes))
    }

    public mutating func error(
        _ code: DiagnosticCode, _ message: LocalizedText, at key: String, notes: [LocalizedText] = []
    ) {
        report(.error, code, message, at: key, notes: notes)
    }

    public mutating func warning(
        _ code: DiagnosticCode, _ message: LocalizedText, at key: String, notes: [LocalizedText] = []
    ) {
        report(.warning, code, message, at: key, notes: notes)
    }

    /// Reports a number that is not finite (`value.not-finite`), beyond 10¹² in absolute value
    /// (`value.too-large`: no site's flow, cost or distance comes near it in any unit) or, unless
    /// allowed, negative (`value.negative`).
    public mutating func checkNumber(_ value: Double, name: LocalizedText, at key: String, allowNegative: Bool = false)
    {
        if !value.isFinite {
            error(
                .valueNotFinite,
                LocalizedText(en: "\(name.en) is not a finite number", fr: "\(name.fr) n'est pas un nombre fini"),
                at: key)
        } else if abs(value) > 1e12 {
            error(
                .valueTooLarge,
                LocalizedText(
                    en: "\(name.en) is beyond 10¹²: check the figure and its unit",
                    fr: "\(name.fr) dépasse 10¹² : vérifiez le chiffre et son unité"), at: key)
        } else if !allowNegative && value < 0 {
            error(
                .valueNegative,
                LocalizedText(
                    en: "\(name.en) cannot be negative", fr: "\(name.fr) : une valeur négative est impossible"), at: key
            )
        }
    }
}

/// A check of a profile as a whole: its company, its site, its set of flows.
public protocol ProfileRule: Sendable {
    func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter)
}

/// What a flow rule sees: the flow, the key locating it, and its taxonomy entry when the code
/// is known.
public struct FlowContext {
    public var flow: Flow
    /// `outputs[2]` or `inputs[0]`.
    public var key: String
    public var entry: ResourceEntry?
    public var taxonomy: Taxonomy
}

/// A check of one flow.
public protocol FlowRule: Sendable {
    func check(_ context: FlowContext, into reporter: inout RuleReporter)
}

/// The note every identifier error carries.
let identifierNote = LocalizedText(
    en: "use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
    fr: "utilisez minuscules, chiffres, '-', '_' ou '.', en commençant par une lettre ou un chiffre")
