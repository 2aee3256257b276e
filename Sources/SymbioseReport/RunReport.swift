import SymbioseCore

/// What one run produced, as every renderer takes it: the matched territory, the synergies to
/// list with their impacts, and the allocation plan when one was made.
///
/// The fronts (command line, server, tests) build it from the engine's outcome and hand it to
/// `OutputFormat.write(_:to:)`; renderers read it and never touch the file system.
public struct RunReport: Sendable {
    /// What the list is about: the ranked synergies of `match`, or the exchanges of a plan.
    public enum Subject: Sendable {
        case synergies
        case plan
    }

    public var subject: Subject
    public var result: MatchResult
    /// The valid profiles the synergies were found among.
    public var profiles: [Profile]
    /// Diagnostics of loading and validation, for the data-quality section of the report.
    public var validation: [Diagnostic]
    public var taxonomy: Taxonomy
    public var settings: MatchSettings
    public var factors: ImpactFactors
    public var transport: TransportMode
    /// The synergies to list, in order, already cut to what should be shown.
    public var synergies: [Synergy]
    /// Their impacts, by synergy id.
    public var impacts: [String: SynergyImpact] = [:]
    /// The allocation plan and the network it draws.
    public var plan: (plan: Plan, network: SynergyNetwork)?
    public var presentation: Presentation
    public var style = Style()

    /// How the document is laid out, where the format leaves a choice.
    public struct Style: Sendable {
        /// CSV: the field separator (`;` gives decimal commas) and whether a byte order mark
        /// comes first.
        public var csvSeparator: Character?
        public var byteOrderMark = false
        /// HTML: the title, only one company's sheet, and how many substitutions the map draws.
        public var title: String?
        public var company: CompanyID?
        public var mapLines = 40
        /// Rows in each ranked table of the HTML report; 0 for all.
        public var tableRows = 30
        /// JSON: threads used to write the explanations.
        public var threads = 1

        public init() {}
    }

    public init(
        subject: Subject, result: MatchResult, profiles: [Profile], validation: [Diagnostic], taxonomy: Taxonomy,
        settings: MatchSettings, factors: ImpactFactors, transport: TransportMode, synergies: [Synergy],
        presentation: Presentation
    ) {
        self.subject = subject
        self.result = result
        self.profiles = profiles
        self.validation = validation
        self.taxonomy = taxonomy
        self.settings = settings
        self.factors = factors
        self.transport = transport
        self.synergies = synergies
        self.presentation = presentation
    }

    public var language: Language { presentation.language }
}
