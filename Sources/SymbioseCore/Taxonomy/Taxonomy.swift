import Foundation

/// The resource codes Symbiose knows, their labels, dimensions and substitution links.
///
/// The built-in taxonomy is data embedded in the binary (`taxonomy.json`); users add or override
/// entries with a file of the same format (`--taxonomy FILE`).
public struct Taxonomy: Sendable {
    /// The date the data was last revised, `YYYY-MM-DD`.
    public private(set) var version: String
    public private(set) var entries: [ResourceCode: ResourceEntry]
    /// Every code, sorted.
    public private(set) var codes: [ResourceCode]
    /// The index searches read, made the first time one needs it: most runs never search, and
    /// making it (with the List of Waste's texts) took a fortieth of checking 10,000 sites.
    var searchIndex: SearchIndex { search.index }
    private var search: LazySearchIndex
    /// Whether each known code or one of its parents is a secondary material, worked out once:
    /// the impacts ask it for every synergy shown, and walking up a code's parents cuts its text.
    private var secondary: [ResourceCode: Bool]

    public init(version: String, entries: [ResourceEntry]) {
        self.version = version
        self.entries = [:]
        self.codes = []
        self.search = LazySearchIndex(codes: [], entries: [:])
        self.secondary = [:]
        for entry in entries { self.entries[entry.code] = entry }
        reindex()
    }

    private mutating func reindex() {
        codes = entries.keys.sorted()
        search = LazySearchIndex(codes: codes, entries: entries)
        secondary = [:]
        for code in codes { secondary[code] = secondaryInLineage(code) }
    }

    /// A search index made on first use, once, whichever thread asks first; the copies of a
    /// taxonomy share it.
    private final class LazySearchIndex: @unchecked Sendable {
        private let lock = NSLock()
        private let codes: [ResourceCode]
        private let entries: [ResourceCode: ResourceEntry]
        private var made: SearchIndex?

        init(codes: [ResourceCode], entries: [ResourceCode: ResourceEntry]) {
            (self.codes, self.entries) = (codes, entries)
        }

        var index: SearchIndex {
            lock.withLock {
                if let made { return made }
                let index = SearchIndex(codes: codes, entries: entries, wasteTexts: Taxonomy.wasteTexts(of: entries))
                made = index
                return index
            }
        }
    }

    /// The List of Waste texts search reads for each code: those of the List of Waste codes its
    /// entry lists (not those mapped to it by `Scripts/build-list-of-waste`, which runs this
    /// search: the mapping would feed on itself).
    fileprivate static func wasteTexts(of entries: [ResourceCode: ResourceEntry]) -> [ResourceCode: [LocalizedText]] {
        let list = ListOfWaste.shared
        var texts: [ResourceCode: [LocalizedText]] = [:]
        for (code, entry) in entries {
            texts[code] = entry.ewc.compactMap { list.entry($0)?.text }
        }
        return texts
    }

    public subscript(code: ResourceCode) -> ResourceEntry? { entries[code] }

    public var count: Int { entries.count }

    /// The entry of `code`, or of its nearest known ancestor (`material.glass.cullet.green` →
    /// `material.glass.cullet` when only that one is known).
    public func nearestEntry(for code: ResourceCode) -> ResourceEntry? {
        firstInLineage(of: code) { $0 }
    }

    /// The first non-nil value `pick` gives for `code`'s entry or, failing that, for its nearest
    /// parent's: how every inherited property (equivalents, grades, thresholds) is looked up.
    public func firstInLineage<Value>(of code: ResourceCode, _ pick: (ResourceEntry) -> Value?) -> Value? {
        var current: ResourceCode? = code
        while let code = current {
            if let entry = entries[code], let value = pick(entry) { return value }
            current = code.parent
        }
        return nil
    }

    /// Whether `code` or one of its parents is a secondary material.
    public func isSecondary(_ code: ResourceCode) -> Bool {
        secondary[code] ?? secondaryInLineage(code)
    }

    private func secondaryInLineage(_ code: ResourceCode) -> Bool {
        firstInLineage(of: code) { $0.secondary ? true : nil } ?? false
    }

    /// Whether `code` or one of its parents is a gas, measured in normal cubic metres.
    public func isGas(_ code: ResourceCode) -> Bool {
        firstInLineage(of: code) { $0.gas ? true : nil } ?? false
    }

    /// The typical temperature range declared for `code` or its nearest ancestor, in °C.
    public func typicalTemperature(of code: ResourceCode) -> ClosedRange<Double>? {
        firstInLineage(of: code) { $0.temperature }
    }

    /// The dry-matter share declared for `code` or its nearest ancestor.
    public func dryMatter(of code: ResourceCode) -> Double? { firstInLineage(of: code) { $0.dryMatter } }

    /// The heating value in MWh/t declared for `code` or its nearest ancestor.
    public func heatingValue(of code: ResourceCode) -> Double? { firstInLineage(of: code) { $0.heatingValue } }

    /// The neutralising value (t CaO equivalent per t) of a code, or of its nearest ancestor
    /// declaring one.
    public func neutralisingValue(of code: ResourceCode) -> Double? {
        firstInLineage(of: code) { $0.neutralisingValue }
    }

    /// The total nitrogen (t N per t) of a code, or of its nearest ancestor declaring one.
    public func nitrogen(of code: ResourceCode) -> Double? { firstInLineage(of: code) { $0.nitrogen } }

    /// Everything a code holds per tonne, each value from the code or its nearest ancestor.
    public func contents(of code: ResourceCode) -> MassEquivalence.Values {
        MassEquivalence.Values(
            dryMatter: dryMatter(of: code), heatingValue: heatingValue(of: code),
            neutralisingValue: neutralisingValue(of: code), nitrogen: nitrogen(of: code))
    }

    /// The conversion from `dimension` declared for `code` or, failing that, for its nearest
    /// ancestor that declares one (the density of water holds for every `water.*` code).
    public func equivalent(from dimension: PhysicalDimension, for code: ResourceCode) -> DimensionEquivalent? {
        firstInLineage(of: code) { entry in entry.equivalents.first { $0.from == dimension } }
    }

    /// Whether an amount in `dimension` can measure `code`: its own dimension, or one with a
    /// declared equivalent.
    public func accepts(_ dimension: PhysicalDimension, for code: ResourceCode) -> Bool {
        entries[code]?.dimension == dimension || equivalent(from: dimension, for: code) != nil
    }

    /// This taxonomy with `overrides` added; an entry with a code already known replaces it.
    public func merging(_ overrides: [ResourceEntry], version overrideVersion: String? = nil) -> Taxonomy {
        var copy = self
        for entry in overrides { copy.entries[entry.code] = entry }
        if let overrideVersion { copy.version = "\(version)+\(overrideVersion)" }
        copy.reindex()
        return copy
    }
}
