import Foundation
import SymbioseCore

/// The data every run matches against: the taxonomy, the impact factors and, when asked for,
/// the typical flows by activity — the built-in ones, merged with the user's files.
public struct ReferenceData: Sendable {
    public var taxonomy: Taxonomy
    public var factors: ImpactFactors
    /// Loaded only when a run infers flows or a command asks for it.
    public var activities: ActivityBase?
    /// The user's own table of places (`--locations`), looked up before the built-in ones.
    public var places: PlaceTable?

    public init(
        taxonomy: Taxonomy, factors: ImpactFactors, activities: ActivityBase? = nil, places: PlaceTable? = nil
    ) {
        self.taxonomy = taxonomy
        self.factors = factors
        self.activities = activities
        self.places = places
    }

    /// The built-in taxonomy and factors, without activities.
    public static var builtIn: ReferenceData {
        ReferenceData(taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn)
    }

    /// The error for a data file given by the user that cannot be read.
    static func unreadable(_ file: String, _ kind: LocalizedText) -> Diagnostic {
        .error(
            .ioNotFound,
            LocalizedText(en: "the \(kind.en) file cannot be read", fr: "le fichier \(kind.fr) est illisible"),
            at: SourceLocation(file: file))
    }

    /// The built-in taxonomy, merged with `userFile` when given; the built-in one alone when
    /// that file has errors, which the diagnostics then hold.
    public static func taxonomy(userFile: String?) -> (Taxonomy, [Diagnostic]) {
        let builtIn = TaxonomyFile.builtIn
        guard let userFile else { return (builtIn, []) }
        guard let data = FileManager.default.contents(atPath: userFile) else {
            return (builtIn, [unreadable(userFile, LocalizedText(en: "taxonomy", fr: "de taxonomie"))])
        }
        let contents = TaxonomyFile.decode(Array(data), file: userFile)
        guard !contents.diagnostics.containsErrors else { return (builtIn, contents.diagnostics) }
        let merged = builtIn.merging(contents.entries, version: contents.version ?? userFile)
        let references = TaxonomyFile.checkReferences(
            of: merged, locations: contents.locations, only: Set(contents.entries.map(\.code)))
        return (merged, contents.diagnostics + references)
    }

    /// The built-in impact factors, merged with `userFile` when given.
    public static func factors(userFile: String?, taxonomy: Taxonomy) -> (ImpactFactors, [Diagnostic]) {
        let builtIn = FactorsFile.builtIn
        guard let userFile else { return (builtIn, []) }
        guard let data = FileManager.default.contents(atPath: userFile) else {
            return (builtIn, [unreadable(userFile, LocalizedText(en: "factor", fr: "de facteurs"))])
        }
        return factors(bytes: Array(data), file: userFile, taxonomy: taxonomy)
    }

    /// The built-in impact factors, merged with the factor file `bytes` (named `file` in
    /// diagnostics); the built-in ones alone when that file has errors.
    public static func factors(bytes: [UInt8], file: String, taxonomy: Taxonomy) -> (ImpactFactors, [Diagnostic]) {
        let builtIn = FactorsFile.builtIn
        let contents = FactorsFile.decode(bytes, file: file, taxonomy: taxonomy)
        guard !contents.diagnostics.containsErrors else { return (builtIn, contents.diagnostics) }
        return (builtIn.merging(contents.factors, version: contents.version ?? file), contents.diagnostics)
    }

    /// The built-in typical flows by activity, merged with `userFile` when given.
    public static func activities(userFile: String?, taxonomy: Taxonomy) -> (ActivityBase, [Diagnostic]) {
        let builtIn = ActivityBase.builtIn
        guard let userFile else { return (builtIn, []) }
        guard let data = FileManager.default.contents(atPath: userFile) else {
            return (builtIn, [unreadable(userFile, LocalizedText(en: "activity", fr: "d'activités"))])
        }
        let (base, diagnostics) = ActivityBase.decode(
            Array(data), file: userFile, taxonomy: taxonomy, knownSources: Set(builtIn.sources.map(\.id)))
        guard !diagnostics.containsErrors else { return (builtIn, diagnostics) }
        return (builtIn.merging(base, version: base.version.isEmpty ? userFile : base.version), diagnostics)
    }
}
