/// A pipe pays only when it carries enough heat for its length: what the plan allocates to a
/// heat or cold link must still fit the distance envelope matching used (`DistanceEnvelopes`:
/// 1.5 MWh a year per metre beyond the first 500 m), and be worth a year at least its pipe's
/// annualised investment (`PipeEconomics`) — not only what the pair could exchange alone.
extension AllocationPlanner {
    /// The least a heat or cold link of this candidate must carry a year, in MWh, and the reason
    /// it would be left out below that; `nil` for any other link, and for sites close enough
    /// for any quantity.
    func minimumPipe(_ candidate: Candidate) -> (quantity: Double, reason: PlanExclusion)? {
        let s = candidate.synergy
        guard s.category == .heat || s.category == .cold, let km = s.distanceKm else { return nil }
        let density = DistanceEnvelopes.default.minimumHeatMWh(overKm: km)
        let breakEven = PipeEconomics(factors: calculator.factors).breakEvenMWh(s, rates: candidate.rates)
        if let breakEven, breakEven > (density ?? 0) { return (breakEven, .pipeUneconomic) }
        return density.map { ($0, .pipeTooThin) }
    }

    static let pipeRounds = 12

    /// The allocations once pipes left too thin by sharing are dropped: the thinnest is removed
    /// and the rest solved again by the same method, up to `pipeRounds` times; any still too
    /// thin after that is dropped without solving again.
    func withoutThinPipes(_ candidates: Candidates, _ amounts: [Double], method: Method) -> [Double] {
        var (kept, amounts) = (candidates, amounts)
        for round in 0...Self.pipeRounds {
            let thin = kept.list.indices.compactMap { position -> (Int, Double)? in
                guard amounts[position] > 0, let minimum = minimumPipe(kept.list[position])?.quantity,
                    amounts[position] < minimum * (1 - 1e-9)
                else { return nil }
                return (position, amounts[position] / minimum)
            }
            guard let thinnest = thin.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }) else { break }
            if round == Self.pipeRounds {
                for (position, _) in thin { amounts[position] = 0 }
                break
            }
            kept.list[thinnest.0].quantity = 0
            amounts = allocate(kept, method: method).amounts
        }
        return amounts
    }
}
