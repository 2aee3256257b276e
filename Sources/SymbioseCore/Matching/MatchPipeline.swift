/// What matching found.
public struct MatchResult: Sendable {
    /// Ranked, filtered synergies: every one, or the first ``Ranker/limit`` of them when ranking
    /// had one (`match --top`).
    public var synergies: [Synergy] {
        didSet {
            counted = nil
            matching = synergies.count
        }
    }
    /// How many synergies the filter kept: more than `synergies` holds when ranking kept only
    /// the first (``Ranker/limit``); `synergies.count` again once they are changed.
    public private(set) var matching: Int
    /// Problems found while matching: sites without coordinates, incomparable dimensions,
    /// profiles left out because they are invalid.
    public var diagnostics: [Diagnostic]
    public var siteCount: Int
    public var flowCount: Int
    /// How many synergies were found before filtering.
    public var foundCount: Int

    /// The needs that had more candidates than the per-need limit kept, and how many
    /// candidates it left out in all (at least: see `SubstitutionSynergy.needCandidatesLeftOut`).
    /// Counted while ranking, where each synergy is read anyway, until the synergies change.
    public var perNeedLimit: (needs: Int, leftOut: Int) {
        if let counted { return counted }
        var counts = NeedCounts()
        // Read in place, by position: a loop over the synergies would copy each one.
        for position in synergies.indices {
            if let (need, count) = synergies[position].needLeftOut { counts.add(need, count) }
        }
        return counts.total
    }

    /// `perNeedLimit` as ranking counted it; `nil` once the synergies are changed.
    private var counted: (needs: Int, leftOut: Int)?

    /// Every member, for values built by hand (tests, fixtures).
    package init(synergies: [Synergy], diagnostics: [Diagnostic], siteCount: Int, flowCount: Int, foundCount: Int) {
        self.synergies = synergies
        self.matching = synergies.count
        self.diagnostics = diagnostics
        self.siteCount = siteCount
        self.flowCount = flowCount
        self.foundCount = foundCount
    }

    /// The result of ranking, with the per-need limit's count made while ranking.
    init(ranked: Ranker.Ranked, diagnostics: [Diagnostic], siteCount: Int, flowCount: Int, foundCount: Int) {
        self.init(
            synergies: ranked.synergies, diagnostics: diagnostics, siteCount: siteCount, flowCount: flowCount,
            foundCount: foundCount)
        counted = ranked.perNeedLimit
        matching = ranked.matching
    }
}

/// The needs counted once each, with the candidates each left out.
struct NeedCounts {
    private var seen = Set<FlowReference>()
    private(set) var total = (needs: 0, leftOut: 0)

    mutating func add(_ need: FlowReference, _ leftOut: Int) {
        guard seen.insert(need).inserted else { return }
        total = (total.needs + 1, total.leftOut + leftOut)
    }
}

/// The index → match → rank stages, after load and validate.
public struct MatchPipeline: Sendable {
    public var taxonomy: Taxonomy
    public var settings: MatchSettings
    public var ranker: Ranker
    /// Called during substitution matching with the needs done and the total.
    public var onProgress: (@Sendable (Int, Int) -> Void)?

    public init(taxonomy: Taxonomy, settings: MatchSettings = .default, ranker: Ranker = Ranker()) {
        self.taxonomy = taxonomy
        self.settings = settings
        self.ranker = ranker
    }

    /// Matches validated profiles.
    ///
    /// - Parameters:
    ///   - profiles: loaded profiles.
    ///   - validation: the diagnostics of validation; a flow with an error is left out of
    ///     matching, a profile with an error outside its flows too, and each is said so.
    /// - Complexity: O(*f* + *c*) for *f* flows and *c* candidates found through the index
    ///   (linear in the number of firms at a fixed density), plus O(*s* log *s*) to rank.
    public func run(_ profiles: [LoadedProfile], validation: [Diagnostic] = []) -> MatchResult {
        let (usable, excluded) = Self.partition(profiles, validation: validation)
        return match(usable, excluding: excluded)
    }

    /// Matches the usable profiles; each profile or flow left out is said so.
    ///
    /// - Complexity: as ``run(_:validation:)``.
    public func match(_ usable: [LoadedProfile], excluding excluded: [ExcludedProfile] = []) -> MatchResult {
        let (substitutions, pools, diagnostics, flowCount) = find(usable, excluding: excluded)
        // The index is gone but for its flows: its memory goes back to the system before
        // ranking builds the synergies it keeps.
        FreedMemory.giveBack()
        let found = substitutions.count + pools.count
        return MatchResult(
            ranked: ranker.rank(consume substitutions, pools, threads: settings.threads), diagnostics: diagnostics,
            siteCount: usable.count, flowCount: flowCount, foundCount: found)
    }

    /// The synergies of both kinds, not yet ranked (the substitutions not yet built), with what
    /// indexing and matching said and the number of flows indexed. The index is let go on
    /// return but for its flows, which the substitutions are built from.
    private func find(
        _ usable: [LoadedProfile], excluding excluded: [ExcludedProfile]
    ) -> (SubstitutionCandidates, [PoolingGroup], [Diagnostic], Int) {
        var diagnostics = excluded.flatMap(\.diagnostics)
        var index = MatchIndex(usable, taxonomy: taxonomy, threads: settings.threads)
        diagnostics += index.diagnostics
        diagnostics += Self.withoutCoordinates(index.companiesWithoutCoordinates, among: usable)
        let compatibility = CompatibilityTable(
            releaseCodes: Array(index.outputsByCode.keys), needCodes: Array(index.inputsByCode.keys), taxonomy: taxonomy
        )
        diagnostics += compatibility.diagnostics
        var matcher = SubstitutionMatcher(settings: settings)
        matcher.onProgress = onProgress
        let substitutions = matcher.candidates(index, compatibility: compatibility)
        index.letGoOfGates()
        let pools = PoolingMatcher(settings: settings).match(index)
        return (substitutions, pools, diagnostics, index.outputs.count + index.inputs.count)
    }

    /// A warning for each firm without coordinates, at the site of its first profile.
    static func withoutCoordinates(_ companies: [CompanyID], among usable: [LoadedProfile]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        // The first profile of each firm, found once: a national file has thousands of sites
        // without coordinates among a million.
        let unplaced = Set(companies)
        var firstProfile: [CompanyID: Int] = [:]
        for position in usable.indices where !unplaced.isEmpty {
            let company = usable[position].profile.company.id
            if unplaced.contains(company), firstProfile[company] == nil { firstProfile[company] = position }
        }
        for company in companies {
            let loaded = firstProfile[company].map { usable[$0] }
            warnings.append(
                .warning(
                    .matchNoCoordinates,
                    LocalizedText(
                        en:
                            "\(company) has no coordinates: its flows are matched without distance and scored as if far away",
                        fr:
                            "\(company) n'a pas de coordonnées : ses flux sont appariés sans distance et notés comme s'ils étaient loin"
                    ),
                    at: loaded?.source.locate("site")))
        }
        return warnings
    }

    /// Whether `path` is `base` or lies below it (`$.profiles[1].outputs[0]` within `$.profiles[1]`).
    package static func path(_ path: String?, isWithin base: String?) -> Bool {
        guard let path, let base else { return false }
        guard path.hasPrefix(base) else { return false }
        let rest = path.dropFirst(base.count)
        return rest.isEmpty || rest.hasPrefix(".") || rest.hasPrefix("[") || rest.hasPrefix("/")
    }
}
