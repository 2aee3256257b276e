extension SubstitutionMatcher {
    /// Scores one release against one need, or rejects the pair.
    ///
    /// The rules, in order: time overlap (months, one-off dates), quantities over the
    /// overlapping months, heat direction and heat pumps, water grades, material constraints,
    /// then the distance envelope. See `Docs/matching.md`.
    ///
    /// - Parameter envelopeKm: the release code's envelope when it does not depend on the energy
    ///   carried (all categories but heat and cold), looked up once by the caller for all pairs.
    public func evaluate(
        supplier: IndexedFlow, receiver: IndexedFlow, compatibility: Compatibility, taxonomy: Taxonomy,
        envelopeKm: Double? = nil
    ) -> SubstitutionSynergy? {
        let assessment = assess(
            supplier: supplier, receiver: receiver, compatibility: compatibility, taxonomy: taxonomy,
            envelopeKm: envelopeKm, cutoff: nil)
        guard case .kept(let candidate) = assessment else { return nil }
        return synergy(of: candidate, supplier: supplier, receiver: receiver, compatibility: compatibility)
    }

    /// What weighing one release against one need gives.
    enum Assessment {
        /// The rules rule the pair out.
        case rejected
        /// A valid pair scoring below the cutoff: not built, since it could not be kept.
        case below
        case kept(Candidate)
    }

    /// A pair that passed every rule, with what its synergy is built from.
    struct Candidate {
        var pair: PairEvaluation
        var distance: (km: Double?, term: Double)
        /// The distance envelope that applied to the pair.
        var limit: Double
        var values: Scoring.Values
        var score: Double
    }

    /// The synergy of a kept candidate of `supplier` for `receiver`.
    func synergy(
        of candidate: Candidate, supplier: IndexedFlow, receiver: IndexedFlow, compatibility: Compatibility
    ) -> SubstitutionSynergy {
        var pair = candidate.pair
        return pair.synergy(
            supplier, receiver, compatibility, distance: candidate.distance, limit: candidate.limit,
            scored: (Scoring.terms(candidate.values, weights: settings.weights), candidate.score))
    }

    /// The identifier of the synergy of `supplier` for `receiver`: both firms and flows.
    static func synergyID(_ supplier: IndexedFlow, _ receiver: IndexedFlow) -> String {
        "\(supplier.reference.company).\(supplier.reference.flow)>\(receiver.reference.company).\(receiver.reference.flow)"
    }

    /// Whether `synergyID(a.supplier, a.receiver) < synergyID(b.supplier, b.receiver)`, found
    /// part by part without writing either identifier out. Ties of score and distance are
    /// common in a dense territory (sites placed at one postcode's centre), and writing out two
    /// identifiers for each was a tenth of the search at a million sites.
    static func synergyIDPrecedes(
        _ a: (supplier: IndexedFlow, receiver: IndexedFlow), _ b: (supplier: IndexedFlow, receiver: IndexedFlow)
    ) -> Bool {
        /// The identifier's parts in order, separated by ".", ">" and ".".
        func part(_ number: Int, of pair: (supplier: IndexedFlow, receiver: IndexedFlow)) -> String {
            let reference = number < 2 ? pair.supplier.reference : pair.receiver.reference
            return number % 2 == 0 ? reference.company.rawValue : reference.flow.rawValue
        }
        for number in 0..<4 {
            switch partOrder(part(number, of: a), part(number, of: b), then: idSeparators[number]) {
            case .same?: continue
            case .before?: return true
            case .after?: return false
            case nil: return synergyID(a.supplier, a.receiver) < synergyID(b.supplier, b.receiver)
            }
        }
        return false
    }

    private static let idSeparators: [UInt8?] = [UInt8(ascii: "."), UInt8(ascii: ">"), UInt8(ascii: "."), nil]

    private enum PartOrder { case before, same, after }

    /// How two parts of identifiers order the identifiers, `separator` (`nil`: the end) coming
    /// after each; `nil` when only the whole identifiers can tell: a part beyond ASCII (text
    /// order then follows Unicode's canonical equivalence, not bytes), or a part that starts
    /// the other followed by the separator itself.
    private static func partOrder(_ x: String, _ y: String, then separator: UInt8?) -> PartOrder? {
        if x == y { return .same }
        let (left, right) = (x.utf8, y.utf8)
        guard left.allSatisfy({ $0 < 0x80 }), right.allSatisfy({ $0 < 0x80 }) else { return nil }
        var (i, j) = (left.startIndex, right.startIndex)
        while i < left.endIndex, j < right.endIndex {
            if left[i] != right[j] { return left[i] < right[j] ? .before : .after }
            (i, j) = (left.index(after: i), right.index(after: j))
        }
        // One part starts the other: its separator (or the end) meets the other's next byte.
        let (shorter, next) = i == left.endIndex ? (PartOrder.before, right[j]) : (.after, left[i])
        guard let separator else { return shorter }
        if separator == next { return nil }
        return (separator < next) == (shorter == .before) ? .before : .after
    }

    /// As ``evaluate(supplier:receiver:compatibility:taxonomy:envelopeKm:)``, but a kept pair is
    /// held as numbers, and one scoring below `cutoff` is only counted: most candidates of a need
    /// whose list is full end there, and building one (its identifier, references, flags and
    /// terms) is most of its cost. `distanceKm`, when given, is the distance from the supplier to the receiver already
    /// measured by the search.
    func assess(
        supplier: IndexedFlow, receiver: IndexedFlow, compatibility: Compatibility, taxonomy: Taxonomy,
        envelopeKm: Double?, cutoff: Double?, distanceKm: Double? = nil
    ) -> Assessment {
        guard var pair = PairEvaluation(supplier, receiver, compatibility),
            pair.relations(supplier, receiver, include: settings.include)
        else { return .rejected }
        pair.quantities(supplier, receiver, taxonomy: taxonomy)
        guard pair.heat(supplier, receiver, settings: settings) else { return .rejected }
        pair.waterAndMaterials(supplier, receiver)
        let category = receiver.category
        let annualMWh = (category == .heat || category == .cold) ? pair.matched : nil
        var limit =
            settings.maximumDistanceKm ?? envelopeKm
            ?? envelope(for: supplier, annualMWh: annualMWh)
        if let own = supplier.flow.maxDistanceKm { limit = min(limit, own) }
        if let own = receiver.flow.maxDistanceKm { limit = min(limit, own) }
        guard let distance = pair.distance(supplier, receiver, within: limit, measured: distanceKm) else {
            return .rejected
        }
        let scored = pair.score(
            supplier, receiver, distance: distance.term, weights: normalizedWeights ?? settings.weights.normalized)
        if let cutoff, scored.score < cutoff { return .below }
        return .kept(
            Candidate(pair: pair, distance: distance, limit: limit, values: scored.values, score: scored.score))
    }
}
