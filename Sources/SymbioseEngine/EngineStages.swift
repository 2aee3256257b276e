import SymbioseCore

/// What the validate stage hands on: every profile read, those matching can use, those it
/// cannot with the reasons, and every diagnostic of loading and checking.
public struct ValidatedProfiles: Sendable {
    /// Every profile read, in input order (with inferred flows when the run infers them, and
    /// sites placed by their postcode).
    public var profiles: [LoadedProfile]
    /// Every profile as read, for the commands that write profiles: nothing computed (a
    /// postcode's position, an inferred flow) is ever written back as if given, except the
    /// resource codes resolved from words or List of Waste codes, each reported by a warning,
    /// which `import` writes beside the words so that the firm can confirm them.
    public var asGiven: [Profile] {
        located.indices.map { position in
            var profile = located[position].profile
            if let site = sitesAsGiven[position] { profile.site = site }
            return profile
        }
    }
    /// The profiles behind `asGiven`, held as loaded (a match never asks for them, and copying
    /// each profile out for every run cost a retain of each of its strings), with sites placed
    /// by their postcode: the same array as `profiles` when no flow is inferred.
    var located: [LoadedProfile] = []
    /// The sites placed by their postcode, as given, by position in `located`.
    var sitesAsGiven: [Int: Site] = [:]
    /// The files read, in order.
    public var files: [String]
    /// Loading and validation diagnostics, sorted by file, line and column.
    public var diagnostics: [Diagnostic]
    /// The profiles without errors, which matching uses, in input order.
    public var usable: [LoadedProfile]
    /// The profiles with errors, left out of matching.
    public var excluded: [ExcludedProfile]
    /// The ids of the firms whose flows were inferred from their activity code.
    public var inferredCompanies: [CompanyID]

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    /// "40 profiles in 40 files: 0 errors, 3 warnings" / "40 profils dans 40 fichiers : 0 erreur, 3 avertissements".
    public func summary(in language: Language = .en) -> String {
        func plural(_ count: Int, _ word: String) -> String {
            "\(count) \(word)\(language.takesPlural(count) ? "s" : "")"
        }
        return LocalizedText(
            en:
                "\(plural(profiles.count, "profile")) in \(plural(files.count, "file")): \(plural(errorCount, "error")), \(plural(warningCount, "warning"))",
            fr:
                "\(plural(profiles.count, "profil")) dans \(plural(files.count, "fichier")) : \(plural(errorCount, "erreur")), \(plural(warningCount, "avertissement"))"
        )[language]
    }
}

/// What the match stage hands on.
public struct MatchOutcome: Sendable {
    public var validated: ValidatedProfiles
    public var result: MatchResult
    /// Validation and matching diagnostics together, sorted for output.
    public var diagnostics: [Diagnostic]
    /// The profiles that took part in matching (`validated.usable`, without their sources).
    public var profiles: [Profile]
    /// Whether any input was invalid: the run's exit status is then 1.
    public var hasErrors: Bool { validated.diagnostics.containsErrors }
}

/// What the plan stage hands on: the allocation and the network it draws.
public struct PlanOutcome: Sendable {
    public var plan: Plan
    public var network: SynergyNetwork
}

/// Where a run has got to, for a progress display.
public enum EngineProgress: Sendable {
    /// Reading: bytes read out of the bytes of every file to read.
    case reading(bytes: Int, total: Int)
    /// Substitution matching: needs done out of the total.
    case matching(done: Int, total: Int)
}
