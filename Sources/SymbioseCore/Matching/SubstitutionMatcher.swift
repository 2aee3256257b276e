import Foundation

/// The match stage for substitutions: every release that can serve a need of another firm,
/// within its distance envelope, at compatible temperatures and times.
///
/// Candidates come from the index, never from an all-pairs loop: for each need, only the
/// releases of compatible codes within the largest envelope of the need's position are looked
/// at (through the spatial grid), plus the releases of sites without coordinates.
///
/// - Complexity: O(*i* · *k*) for *i* needs and *k* compatible releases in their neighbourhood;
///   at a fixed density of firms, linear in the number of firms.
public struct SubstitutionMatcher: Sendable {
    public var settings: MatchSettings
    /// Called every 1,000 needs with the number done and the total, for progress display; from
    /// several threads at once when matching runs on several.
    public var onProgress: (@Sendable (Int, Int) -> Void)?
    /// Envelopes of the release codes that do not depend on the energy carried (all but heat
    /// and cold), worked out once per run instead of once per pair; heat and cold codes are
    /// absent.
    private(set) var fixedEnvelopes: [ResourceCode: Double] = [:]
    /// The score weights normalised, worked out once per run instead of once per pair.
    private(set) var normalizedWeights: ScoreWeights?

    public init(settings: MatchSettings = .default) {
        self.settings = settings
    }

    /// The envelope of a release, for a link carrying `annualMWh` of heat or cold; the category
    /// is the flow's own, so that no code is read again for each pair.
    func envelope(for supplier: IndexedFlow, annualMWh: Double?) -> Double {
        if supplier.category == .heat || supplier.category == .cold {
            return settings.envelopes.heatEnvelopeKm(annualMWh: annualMWh)
        }
        if let known = fixedEnvelopes[supplier.flow.resource] { return known }
        return settings.envelopes.envelopeKm(for: supplier.flow.resource, annualMWh: annualMWh)
    }

    /// Finds and scores the substitution candidates: for each need, its best
    /// `maximumPerNeed` releases; then for each release, its best `maximumPerRelease` needs.
    ///
    /// Releases are examined ring of grid cells by ring, nearest first, and the search for a need
    /// stops as soon as even a perfect score on every other term could not beat the need's
    /// current last kept candidate at the next ring's distance: far candidates are never looked
    /// at once enough good near ones are found.
    public func match(_ index: MatchIndex, compatibility: CompatibilityTable) -> [SubstitutionSynergy] {
        var parts = candidates(index, compatibility: compatibility).all(threads: settings.threads)
        return .joining(&parts)
    }

    /// The synergies of ``match(_:compatibility:)``, in the same order, not yet built: ranking
    /// builds those it keeps.
    func candidates(_ index: MatchIndex, compatibility: CompatibilityTable) -> SubstitutionCandidates {
        var matcher = self
        matcher.normalizedWeights = settings.weights.normalized
        for code in index.outputsByCode.keys {
            // Heat and cold envelopes grow with the energy carried: those are worked out per pair.
            guard let category = ResourceCategory(code: code), category != .heat, category != .cold else { continue }
            matcher.fixedEnvelopes[code] = settings.envelopes.envelopeKm(for: code, annualMWh: nil)
        }
        return matcher.matchAll(index, compatibility: compatibility)
    }

    private func matchAll(_ index: MatchIndex, compatibility: CompatibilityTable) -> SubstitutionCandidates {
        let sources = releaseSources(index, compatibility: compatibility)
        let gates = (releases: index.releaseGates, needs: index.needGates)
        // Needs are independent: split them over threads. They are taken in an order of place,
        // so that neighbouring needs, which look at the same releases, follow one another while
        // those releases are still in the processor's cache; results come back in need order.
        let total = index.inputs.count
        let order = Self.placeOrder(index.inputs, byCode: index.inputsByCode)
        let done = SharedCount()
        let matcher = self
        var found = Parallel.map(total, threads: settings.threads) { range in
            range.map { step in
                if (step - range.lowerBound) % 1000 == 999, let onProgress = matcher.onProgress {
                    done.add(1000) { onProgress($0, total) }
                }
                return (
                    order[step],
                    matcher.bestReleases(
                        for: order[step], index: index, sources: sources, gates: gates.releases,
                        need: gates.needs[order[step]])
                )
            }
        }
        // Back in need order: the lists themselves are moved, never their synergies.
        var byNeed = [NeedList](repeating: NeedList(), count: total)
        for entry in found.indices { byNeed[found[entry].0] = found[entry].1 }
        found = []
        onProgress?(total, total)
        return withLimits(consume byNeed, index: index, sources: sources, receivers: gates.needs.map(\.company))
    }

    /// The positions of `flows` by place: by square of `MatchIndex.cellKm` degrees-as-kilometres
    /// (rows of latitude, then longitude), then by code and position; flows without a position
    /// last. `byCode` holds the positions of each code. Only the order of work depends on it,
    /// never a result.
    static func placeOrder(_ flows: [IndexedFlow], byCode: [ResourceCode: [Int]]) -> [Int] {
        let kmPerDegree = GeoPoint.earthRadiusKm * .pi / 180
        // Codes by rank in the order of their text, so that the sort compares numbers only.
        var codeRank = [Int](repeating: 0, count: flows.count)
        for (rank, code) in byCode.sorted(by: { $0.key < $1.key }).enumerated() {
            for position in code.value { codeRank[position] = rank }
        }
        var keys = flows.indices.map { position -> (row: Int, column: Int, code: Int, position: Int) in
            guard let point = flows[position].point else { return (.max, .max, codeRank[position], position) }
            let row = Int((point.latitude * kmPerDegree / MatchIndex.cellKm).rounded(.down))
            let column = Int((point.longitude * kmPerDegree / MatchIndex.cellKm).rounded(.down))
            return (row, column, codeRank[position], position)
        }
        keys.sort { ($0.row, $0.column, $0.code, $0.position) < ($1.row, $1.column, $1.code, $1.position) }
        return keys.map(\.position)
    }

    /// The best `maximumPerNeed` releases for the need at `needPosition`, whose gate is `need`;
    /// `gates` are those of the releases.
    private func bestReleases(
        for needPosition: Int, index: MatchIndex, sources: [ResourceCode: [ReleaseSource]], gates: [FlowGate],
        need: FlowGate
    ) -> NeedList {
        let receiver = index.inputs[needPosition]
        guard let candidates = sources[receiver.flow.resource] else { return NeedList() }
        let bound = needBound(receiver, gate: need)
        let taxonomy = index.taxonomy
        let distanceWeight = settings.weights.normalized.distance
        let limit = settings.maximumPerNeed
        var kept = NeedList()
        /// Whether no release at `distance` or beyond (within `radius`) could enter the list.
        func exhausted(beyond distance: Double, radius: Double) -> Bool {
            guard limit > 0, kept.entries.count >= limit, let last = kept.entries.last else { return false }
            let distanceTerm = distance.isFinite ? max(0, 1 - distance / radius) : 0
            return distanceWeight * distanceTerm + (1 - distanceWeight) < last.score
        }
        func consider(_ position: Int, _ number: Int, _ source: ReleaseSource, distanceKm: Double? = nil) {
            guard gates[position].company != need.company else { return }
            // With the list full, a candidate scoring below its last could not enter it.
            let full = limit > 0 && kept.entries.count >= limit
            let cutoff = full ? kept.entries.last?.score : nil
            // Most such candidates are settled from the gates alone, without reading the release.
            if let cutoff, let envelopeKm = source.envelopeKm,
                let settled = settle(
                    gates[position], against: bound, source: source, envelopeKm: envelopeKm,
                    distanceKm: distanceKm, cutoff: cutoff)
            {
                if case .below = settled { kept.leftOut += 1 }
                return
            }
            let supplier = index.outputs[position]
            let assessment = assess(
                supplier: supplier, receiver: receiver, compatibility: source.relation, taxonomy: taxonomy,
                envelopeKm: source.envelopeKm, cutoff: cutoff, distanceKm: distanceKm)
            if case .rejected = assessment { return }
            // With the list full, one candidate (the new one or the last kept) is left out.
            if full { kept.leftOut += 1 }
            guard case .kept(let candidate) = assessment else { return }
            let entry = Entry(
                score: candidate.score, distanceKm: candidate.distance.km ?? .infinity,
                volume: Scoring.clamp(candidate.values.volume), release: Int32(position), source: Int32(number))
            kept.insert(entry, keeping: limit) {
                Self.synergyIDPrecedes((index.outputs[Int($0)], receiver), (index.outputs[Int($1)], receiver))
            }
        }
        for (number, source) in candidates.enumerated() {
            forEachCandidate(of: source, for: receiver, until: exhausted) {
                consider($0, number, source, distanceKm: $1)
            }
        }
        return kept
    }

    /// Gives `body` the releases of `code` to weigh for a need, with their distances when known:
    /// ring by ring, nearest first, within the budget of candidates, then releases of sites without
    /// coordinates; for a need without coordinates, the first ones in input order. `exhausted`
    /// says when no release at a distance or beyond, within a radius, could enter the need's list.
    private func forEachCandidate(
        of source: ReleaseSource, for receiver: IndexedFlow,
        until exhausted: (_ beyond: Double, _ radius: Double) -> Bool, _ body: (Int, Double?) -> Void
    ) {
        let enough = settings.candidatesPerNeed
        guard let point = receiver.point else {
            // A need of a site without coordinates cannot order releases by distance either: as
            // for releases without coordinates, the first ones in input order are scored, never
            // every release of the country.
            for position in source.all.prefix(enough > 0 ? enough : source.all.count) { body(position, nil) }
            return
        }
        let radius = source.radiusKm
        var examined = 0
        // In a dense town a ring holds thousands of releases: score only the nearest ones still
        // within the budget of candidates.
        source.grid?.visitNearestByRing(
            around: point, within: radius, budget: { enough > 0 ? enough - examined : .max }
        ) { nearest, laterAtLeast in
            for (position, distance) in nearest { body(position, distance) }
            examined += nearest.count
            if enough > 0 && examined >= enough { return false }
            return !exhausted(laterAtLeast, radius)
        }
        guard !exhausted(.infinity, radius) else { return }
        // Releases of sites without coordinates cannot be ordered by distance: the first ones in
        // input order are scored, at most as many as located ones.
        let unlocated = source.unlocated
        for position in unlocated.prefix(enough > 0 ? enough : unlocated.count) { body(position, nil) }
    }

    /// The largest distance a release of this code could travel, to bound the neighbour query.
    func searchRadius(for code: ResourceCode) -> Double {
        let envelopes = settings.envelopes
        if let category = ResourceCategory(code: code), category == .heat || category == .cold {
            return envelopes.heatMaximumKm
        }
        return envelopes.envelopeKm(for: code, annualMWh: nil)
    }

    /// Converts an amount of the release into the need's dimension, through an equivalent the
    /// taxonomy declares for either code.
    static func convert(
        _ amount: Double, from: PhysicalDimension, to: PhysicalDimension, releaseCode: ResourceCode,
        needCode: ResourceCode,
        taxonomy: Taxonomy
    ) -> Double? {
        if from == to { return amount }
        if let equivalent = taxonomy.equivalent(from: from, for: needCode) { return amount * equivalent.factor }
        if let equivalent = taxonomy.equivalent(from: to, for: releaseCode), equivalent.factor > 0 {
            return amount / equivalent.factor
        }
        return nil
    }

    /// How big an amount is, 0…1, on a logarithmic scale whose 1 is a reference size per
    /// dimension: 10,000 t, 100,000 m³, 10,000 MWh, 10,000 m², 10,000 h, 1,000 items.
    public static func magnitude(_ amount: Double, _ dimension: PhysicalDimension) -> Double {
        let reference: Double =
            switch dimension {
            case .mass: 10_000
            case .volume: 100_000
            case .energy: 10_000
            case .area: 10_000
            case .duration: 10_000
            case .count: 1_000
            }
        guard amount > 0 else { return 0 }
        return min(1, log10(1 + amount) / log10(1 + reference))
    }

    /// Measured 1, declared 0.8, estimated 0.5; 0.3 for a flow inferred from the activity code.
    public static func confidence(_ flow: IndexedFlow.Declared) -> Double {
        if flow.inferred { return 0.3 }
        let declared: Double =
            switch flow.confidence {
            case .measured: 1
            case .declared: 0.8
            case .estimated: 0.5
            }
        return flow.planned ? declared / 2 : declared
    }
}
