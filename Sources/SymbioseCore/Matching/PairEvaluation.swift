/// What `evaluate` learns of one release weighed against one need, rule by rule. It holds
/// values only: the two flows are passed to each step, so that the hot loop copies no
/// reference and retains nothing.
struct PairEvaluation: Sendable {
    var flags = FlagSet()
    var quality: Double
    /// The months both flows share.
    let overlap: MonthSet
    var oneOff: YearMonth?
    var timeTerm: Double = 1
    /// The release's amount in the need's dimension.
    var supplied: Double?
    var matched: Double?
    var coverage: Double?
    var heatPumpCOP: Double?
    /// The share of a flue gas's declared heat above what the sink needs, when not all of it.
    var sourceHeatShare: Double?
    /// Tonnes weighed on dry matter or heating value rather than one for one.
    var equivalence: MassEquivalence?

    /// Checks the time rules; `nil` when the flows never meet.
    @inline(__always)
    init?(_ supplier: IndexedFlow, _ receiver: IndexedFlow, _ compatibility: Compatibility) {
        quality = compatibility.factor
        if case .link = compatibility { flags.insert(.substitute) }
        if case .lessSpecific = compatibility { flags.insert(.lessSpecificRelease) }
        overlap = supplier.months.intersection(receiver.months)
        switch (supplier.oneOff, receiver.oneOff) {
        case let (s?, r?):
            guard s == r else { return nil }
            oneOff = s
        case let (s?, nil):
            guard receiver.months.contains(s.month) else { return nil }
            oneOff = s
        case let (nil, r?):
            guard supplier.months.contains(r.month) else { return nil }
            oneOff = r
        case (nil, nil):
            guard !overlap.isEmpty else { return nil }
        }
        if oneOff != nil {
            flags.insert(.oneOff)
        } else {
            timeTerm = Double(overlap.count) / Double(max(receiver.months.count, 1))
            if overlap.count < 12 { flags.insert(.seasonal) }
        }
    }

    /// Whether the two firms belong to one group (`same-group`) or already exchange this flow
    /// (`existing`); `false` when such a pair is to be left out.
    @inline(__always)
    mutating func relations(_ supplier: IndexedFlow, _ receiver: IndexedFlow, include: Set<SynergyFlag>) -> Bool {
        if let group = supplier.group, group == receiver.group {
            guard include.contains(.sameGroup) else { return false }
            flags.insert(.sameGroup)
        }
        if supplier.flow.existingPartner == receiver.reference.company
            || receiver.flow.existingPartner == supplier.reference.company
        {
            guard include.contains(.existing) else { return false }
            flags.insert(.existing)
        }
        if supplier.flow.planned || receiver.flow.planned { flags.insert(.planned) }
        if supplier.placedByPostcode || receiver.placedByPostcode { flags.insert(.approximateLocation) }
        return true
    }

    /// The quantity exchanged over the overlapping months, in the need's dimension.
    @inline(__always)
    mutating func quantities(_ supplier: IndexedFlow, _ receiver: IndexedFlow, taxonomy: Taxonomy) {
        supplied = supplier.amount.flatMap {
            SubstitutionMatcher.convert(
                $0, from: supplier.dimension, to: receiver.dimension, releaseCode: supplier.flow.resource,
                needCode: receiver.flow.resource, taxonomy: taxonomy)
        }
        if supplier.dimension == .mass, receiver.dimension == .mass {
            equivalence = MassEquivalence(
                release: supplier.contents, need: receiver.contents, needIsFuel: receiver.category == .energy)
            if let ratio = equivalence?.ratio { supplied = supplied.map { $0 * ratio } }
        }
        if let supplied, receiver.amount != nil {
            exchange(supplied, supplier, receiver)
        } else {
            flags.insert(.quantityUnknown)
        }
    }

    /// Sets the matched quantity and coverage for `available` of the release, when it can serve
    /// `needShare` of the need.
    @inline(__always)
    private mutating func exchange(
        _ available: Double, _ supplier: IndexedFlow, _ receiver: IndexedFlow, needShare: Double = 1
    ) {
        guard let needed = receiver.amount else { return }
        if oneOff != nil {
            matched = min(available, needed * needShare)
        } else if supplier.shares != nil || receiver.shares != nil {
            // Month by month: a flat source does not cover a winter peak.
            let (offered, wanted) = (supplier.monthlyShares, receiver.monthlyShares)
            matched = overlap.months.reduce(0) {
                $0 + min(available * offered[$1 - 1], needed * needShare * wanted[$1 - 1])
            }
        } else {
            let monthly = min(
                available / Double(supplier.months.count), needed * needShare / Double(receiver.months.count))
            matched = monthly * Double(overlap.count)
        }
        coverage = needed > 0 ? min(1, matched! / needed) : nil
    }

    /// The heat rules; `false` when the temperatures rule the pair out.
    @inline(__always)
    mutating func heat(_ supplier: IndexedFlow, _ receiver: IndexedFlow, settings: MatchSettings) -> Bool {
        let category = receiver.category
        guard category == .heat || category == .cold else { return true }
        let (sourceMedium, sinkMedium) = (
            HeatExchange.mediumClass(of: supplier.flow), HeatExchange.mediumClass(of: receiver.flow)
        )
        let exchange = HeatExchange.evaluate(
            sourceRange: supplier.temperatures, sinkRange: receiver.temperatures, sourceMedium: sourceMedium,
            sinkMedium: sinkMedium, cold: category == .cold, settings: settings)
        let assumed = supplier.temperatureAssumed || receiver.temperatureAssumed
        if assumed, exchange != .impossible { flags.insert(.temperatureAssumed) }
        if category == .heat, HeatExchange.isFlueGas(supplier.flow.resource),
            let source = supplier.temperatures?.lowerBound, let sink = receiver.temperatures?.upperBound
        {
            let share = HeatExchange.usableShare(
                sourceC: source, sinkC: sink, floorC: settings.flueGasFloorC,
                approach: HeatExchange.approach(sourceMedium, sinkMedium, settings: settings))
            if share < 1 - 1e-9 { sourceHeatShare = share }
        }
        let usable = supplied.map { $0 * (sourceHeatShare ?? 1) }
        switch exchange {
        case .direct:
            if let usable, sourceHeatShare != nil, receiver.amount != nil { self.exchange(usable, supplier, receiver) }
        case .preheat(let share):
            flags.insert(.preheat)
            if let usable, receiver.amount != nil { self.exchange(usable, supplier, receiver, needShare: share) }
        case .heatPump(let cop):
            heatPumpCOP = cop
            flags.insert(.heatPump)
            quality *= 0.6
            // The pump adds its electricity: the source's heat delivers COP/(COP − 1) times more.
            if let supplied, receiver.amount != nil { self.exchange(supplied * cop / (cop - 1), supplier, receiver) }
        case .temperatureUnknown:
            // Unknown, or with assumed temperatures only possible at the favourable ends.
            if !assumed || supplier.temperatures == nil || receiver.temperatures == nil {
                flags.insert(.temperatureUnknown)
            }
            quality *= 0.7
        case .impossible:
            return false
        }
        return true
    }

    /// Water grades and material constraints, each lowering the quality term.
    @inline(__always)
    mutating func waterAndMaterials(_ supplier: IndexedFlow, _ receiver: IndexedFlow) {
        if receiver.category == .water, let offered = supplier.grade, let required = receiver.grade,
            offered > required
        {
            flags.insert(.needsTreatment)
            quality *= max(0.25, 1 - 0.15 * Double(offered.rank - required.rank))
        }
        if supplier.hazardous {
            flags.insert(.hazardous)
            quality *= 0.85
        }
        let (offered, required) = (supplier.flow.quality, receiver.flow.quality)
        if let state = offered.state, let needed = required.state, state != needed {
            flags.insert(.stateMismatch)
            quality *= 0.7
        }
        if let needed = required.purity, let purity = offered.purity, purity < needed {
            flags.insert(.purityBelowNeed)
            quality *= needed > 0 ? purity / needed : 1
        }
        if !offered.contaminants.isEmpty {
            flags.insert(.contaminants)
            quality *= 0.85
        }
    }

    /// The distance and its score term; `nil` when the pair lies beyond `limit`.
    @inline(__always)
    mutating func distance(
        _ supplier: IndexedFlow, _ receiver: IndexedFlow, within limit: Double, measured: Double? = nil
    ) -> (km: Double?, term: Double)? {
        guard let from = supplier.point, let to = receiver.point else {
            flags.insert(.distanceUnknown)
            return (nil, 0)
        }
        let d = measured ?? from.distanceKm(to: to)
        guard d <= limit else { return nil }
        return (d, limit > 0 ? max(0, 1 - d / limit) : 1)
    }

    /// The score's terms before weighting (volume and confidence worked out here) and the score,
    /// for weights already normalised.
    @inline(__always)
    func score(_ supplier: IndexedFlow, _ receiver: IndexedFlow, distance: Double, weights: ScoreWeights) -> (
        values: Scoring.Values, score: Double
    ) {
        var volumeTerm = 0.25
        if let matched, let coverage {
            volumeTerm = 0.3 * coverage + 0.7 * SubstitutionMatcher.magnitude(matched, receiver.dimension)
        }
        let confidenceTerm =
            (SubstitutionMatcher.confidence(supplier.flow) + SubstitutionMatcher.confidence(receiver.flow)) / 2
        let values = Scoring.Values(
            distance: distance, volume: volumeTerm, quality: quality, time: timeTerm, confidence: confidenceTerm)
        return (values, Scoring.score(values, normalizedWeights: weights))
    }

    /// The scored synergy, with the data flags.
    @inline(__always)
    mutating func synergy(
        _ supplier: IndexedFlow, _ receiver: IndexedFlow, _ compatibility: Compatibility,
        distance: (km: Double?, term: Double), limit: Double, scored: (terms: [ScoreTerm], score: Double)
    ) -> SubstitutionSynergy {
        let needDimension = receiver.dimension
        if supplier.flow.confidence == .estimated || receiver.flow.confidence == .estimated {
            flags.insert(.estimatedData)
        }
        if supplier.flow.inferred || receiver.flow.inferred { flags.insert(.inferred) }
        if supplier.flow.confidential || receiver.flow.confidential { flags.insert(.confidential) }
        return SubstitutionSynergy(
            id: SubstitutionMatcher.synergyID(supplier, receiver),
            supplier: supplier.reference, receiver: receiver.reference, resource: supplier.flow.resource,
            needResource: receiver.flow.resource, category: receiver.category, compatibility: compatibility,
            distanceKm: distance.km, limitKm: limit,
            quantity: matched.map { Amount(value: $0, dimension: needDimension, isOneOff: oneOff != nil) },
            coverage: coverage, months: oneOff.map { MonthSet([$0.month]) } ?? overlap, oneOff: oneOff,
            supplierTemperature: supplier.flow.quality.temperature,
            receiverTemperature: receiver.flow.quality.temperature,
            heatPumpCOP: heatPumpCOP, sourceHeatShare: sourceHeatShare, equivalence: equivalence,
            flags: flags.listed, terms: scored.terms, score: scored.score)
    }
}
