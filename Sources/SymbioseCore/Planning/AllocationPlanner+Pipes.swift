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

    /// The allocations once no pipe is left too thin by sharing. A minimum size makes a link
    /// all or nothing, which a flow cannot express; each round takes the thinnest link and
    /// solves three times by the same method: without it, with its minimum committed (served
    /// before anything else, the rest of it competing as before), and with all of it committed.
    /// The branch worth most, counting only links thick enough, is kept. After `pipeRounds`
    /// rounds any link still too thin is dropped.
    func withoutThinPipes(
        _ candidates: Candidates, _ amounts: [Double], method: Method, committed: [Int: Double] = [:]
    ) -> [Double] {
        var (kept, amounts, committed) = (candidates, amounts, committed)
        for round in 0...Self.pipeRounds {
            let thin = thinLinks(kept, amounts)
            guard let position = thin.min(by: { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 })?.0 else { break }
            if round == Self.pipeRounds {
                for (position, _) in thin { amounts[position] = 0 }
                break
            }
            // Without it: a commitment it had goes with it.
            var dropped = kept
            dropped.list[position].quantity = 0
            var withoutIt = committed
            withoutIt[position] = nil
            var best = (
                commitments: withoutIt, amounts: allocate(dropped, committing: withoutIt, method: method).amounts
            )
            var bestWorth = thickWorth(dropped, best.amounts)
            var keepsIt = false
            let link = kept.list[position]
            let levels = committed[position] == nil ? [minimumPipe(link)?.quantity, link.quantity] : []
            for level in levels.compactMap({ $0 }) where level <= link.quantity {
                var committing = committed
                committing[position] = level
                let trial = allocate(kept, committing: committing, method: method).amounts
                let worth = thickWorth(kept, trial)
                if worth > bestWorth * (1 + 1e-9) { (best, bestWorth, keepsIt) = ((committing, trial), worth, true) }
            }
            if !keepsIt { kept = dropped }
            (amounts, committed) = (best.amounts, best.commitments)
        }
        return amounts
    }

    /// The allocation with the least quantity of some candidates committed: each is split into
    /// a committed part served first and the rest, and the parts are added back together.
    func allocate(
        _ candidates: Candidates, committing: [Int: Double], method: Method
    ) -> (amounts: [Double], parts: Int) {
        guard !committing.isEmpty else { return allocate(candidates, method: method) }
        var split = candidates
        for (position, minimum) in committing.sorted(by: { $0.key < $1.key }) {
            var part = split.list[position]
            part.quantity = minimum
            part.committed = true
            split.list[position].quantity -= minimum
            split.list.append(part)
        }
        var (amounts, parts) = allocate(split, method: method)
        for (offset, position) in committing.keys.sorted().enumerated() {
            amounts[position] += amounts[candidates.list.count + offset]
        }
        return (Array(amounts.prefix(candidates.list.count)), parts)
    }

    /// The links allocated less than their pipe's minimum, with the share of it they reach.
    private func thinLinks(_ candidates: Candidates, _ amounts: [Double]) -> [(Int, Double)] {
        candidates.list.indices.compactMap { position -> (Int, Double)? in
            guard amounts[position] > 0, let minimum = minimumPipe(candidates.list[position])?.quantity,
                amounts[position] < minimum * (1 - 1e-9)
            else { return nil }
            return (position, amounts[position] / minimum)
        }
    }

    /// The objective of an allocation counting only the links thick enough to be built.
    private func thickWorth(_ candidates: Candidates, _ amounts: [Double]) -> Double {
        let thin = Set(thinLinks(candidates, amounts).map(\.0))
        return candidates.list.indices.reduce(0) { total, position in
            thin.contains(position) ? total : total + candidates.list[position].unitValue * amounts[position]
        }
    }
}
