/// What the search weighs of one flow before it reads the flow itself: plain numbers, side by
/// side in one array.
///
/// Many candidates of a need are ruled out, or cannot beat the need's last kept candidate once
/// its list is full. Finding that out from this short record costs one read of memory; reading
/// the flow's object and its strings cost several, each missing the processor's cache, and was
/// the largest part of the search's own time at a million sites.
struct FlowGate: Sendable {
    /// The company's number in the run; equal numbers, equal companies.
    var company: Int32
    /// The group's number, −1 without one.
    var group: Int32
    /// The number of the company the flow is already exchanged with: −1 without one, −2 for a
    /// company with no profile in the run (it cannot be the other side of a pair).
    var partner: Int32
    var months: MonthSet
    var located: Bool
    /// Whether the numbers below hold exactly what the flow says (`false` for a one-off year too
    /// large to pack): a pair with such a flow is always weighed in full.
    var exact: Bool
    /// `year × 16 + month` of a one-off flow, `Int.min` otherwise.
    var oneOff: Int
    /// Per year, or in total for a one-off flow, in the base unit of the resource's dimension.
    var amount: Double?
    var confidence: Double
    /// The flow's own distance limit, infinite without one.
    var ownLimitKm: Double
    /// The quality factors a release brings whatever the need: 0.85 if hazardous, 0.85 if it
    /// declares contaminants.
    var releaseQuality: Double

    /// The gate of `indexed`, whose company and group have the numbers given; its partner, if
    /// any, is numbered once every company is (`partner`, −2 until then).
    init(_ indexed: IndexedFlow, company: Int32, group: Int32) {
        let flow = indexed.flow
        (oneOff, exact) = (Int.min, true)
        if let date = indexed.oneOff {
            let (scaled, overflow) = date.year.multipliedReportingOverflow(by: 16)
            if overflow || !(1...12).contains(date.month) { exact = false } else { oneOff = scaled + date.month }
        }
        (self.company, self.group) = (company, group)
        partner = flow.existingPartner == nil ? -1 : -2
        (months, located, amount) = (indexed.months, indexed.point != nil, indexed.amount)
        confidence = SubstitutionMatcher.confidence(flow)
        ownLimitKm = flow.maxDistanceKm ?? .infinity
        releaseQuality = (indexed.hazardous ? 0.85 : 1) * (flow.quality.contaminants.isEmpty ? 1 : 0.85)
    }

    /// Numbers for companies and groups, in order of first appearance.
    struct Numbers {
        var companies: [CompanyID: Int32] = [:]
        var groups: [String: Int32] = [:]
        /// Whether a company was numbered twice: asked once per profile, that is two profiles
        /// with one company id.
        private(set) var companyRepeated = false

        mutating func company(_ id: CompanyID) -> Int32 {
            if let number = companies[id] {
                companyRepeated = true
                return number
            }
            companies[id] = Int32(companies.count)
            return Int32(companies.count - 1)
        }

        mutating func group(_ name: String) -> Int32 {
            if let number = groups[name] { return number }
            groups[name] = Int32(groups.count)
            return Int32(groups.count - 1)
        }
    }

    /// The months the two flows share and the time term, as `PairEvaluation` finds them; `nil`
    /// when the flows never meet.
    static func timeTerm(_ supplier: FlowGate, _ receiver: FlowGate) -> Double? {
        let (s, r) = (supplier.oneOff, receiver.oneOff)
        if s != .min && r != .min { return s == r ? 1 : nil }
        if s != .min { return receiver.months.contains(s & 15) ? 1 : nil }
        if r != .min { return supplier.months.contains(r & 15) ? 1 : nil }
        let overlap = supplier.months.intersection(receiver.months)
        guard !overlap.isEmpty else { return nil }
        return Double(overlap.count) / Double(max(receiver.months.count, 1))
    }
}

extension SubstitutionMatcher {
    /// What a need's search knows before weighing its candidates in full.
    struct NeedBound {
        let gate: FlowGate
        let dimension: PhysicalDimension
        /// The largest volume term any release can reach for this need: a release never supplies
        /// more than the need, so the coverage is at most 1 and the quantity at most the need's.
        let volume: Double
        /// Whether pairs with this need may be settled from the gates: not for heat and cold,
        /// whose distance limit and rules depend on the energy carried, nor for negative weights.
        let usable: Bool
    }

    func needBound(_ receiver: IndexedFlow, gate: FlowGate) -> NeedBound {
        var volume = 0.25
        if let needed = receiver.amount { volume = max(volume, 0.3 + 0.7 * Self.magnitude(needed, receiver.dimension)) }
        let w = normalizedWeights ?? settings.weights.normalized
        let signs = w.distance >= 0 && w.volume >= 0 && w.quality >= 0 && w.time >= 0 && w.confidence >= 0
        let thermal = receiver.category == .heat || receiver.category == .cold
        return NeedBound(
            gate: gate, dimension: receiver.dimension, volume: volume, usable: signs && !thermal && gate.exact)
    }

    /// The largest volume term a release can reach for a need: 0.25 when the release's amount is
    /// unknown; when the tonnes of the release serve `supplyFactor` tonnes of the need (the
    /// same dimension, weighed on a common basis or one for one), no more than it supplies and
    /// no more than the need; otherwise, the need's own bound.
    func volumeBound(_ supplier: FlowGate, _ need: NeedBound, supplyFactor: Double?) -> Double {
        guard let amount = supplier.amount else { return 0.25 }
        guard let supplyFactor, let needed = need.gate.amount, needed > 0 else { return need.volume }
        let supplied = amount * supplyFactor
        return 0.3 * min(1, supplied / needed) + 0.7 * Self.magnitude(min(supplied, needed), need.dimension)
    }

    /// What weighing a release against a need would give, found from their gates alone when
    /// that is certain: `.rejected` or `.below` exactly as `assess` would say; `nil` when the
    /// pair must be weighed in full.
    ///
    /// Only for a release of a code whose envelope does not depend on the energy carried
    /// (`envelopeKm` given). The rejections are those of `assess` for such a pair (time,
    /// relations, distance); the score is bounded above with the largest volume the need allows
    /// and the quality factors known from the release, the others exact.
    func settle(
        _ supplier: FlowGate, against need: NeedBound, source: ReleaseSource, envelopeKm: Double,
        distanceKm: Double?, cutoff: Double
    ) -> Assessment? {
        guard need.usable, supplier.exact else { return nil }
        let receiver = need.gate
        guard let time = FlowGate.timeTerm(supplier, receiver) else { return .rejected }
        if supplier.group >= 0, supplier.group == receiver.group, !settings.include.contains(.sameGroup) {
            return .rejected
        }
        if supplier.partner == receiver.company || receiver.partner == supplier.company,
            !settings.include.contains(.existing)
        {
            return .rejected
        }
        let limit = min(min(settings.maximumDistanceKm ?? envelopeKm, supplier.ownLimitKm), receiver.ownLimitKm)
        var distanceTerm = 0.0
        if supplier.located && receiver.located {
            guard let distance = distanceKm else { return nil }
            guard distance <= limit else { return .rejected }
            distanceTerm = limit > 0 ? max(0, 1 - distance / limit) : 1
        }
        let values = Scoring.Values(
            distance: distanceTerm, volume: volumeBound(supplier, need, supplyFactor: source.supplyFactor),
            quality: source.relation.factor * supplier.releaseQuality,
            time: time, confidence: (supplier.confidence + receiver.confidence) / 2)
        let bound = Scoring.score(values, normalizedWeights: normalizedWeights ?? settings.weights.normalized)
        // A margin for the rounding of products taken in another order than `assess` takes them.
        return bound + 1e-9 < cutoff ? .below : nil
    }
}
