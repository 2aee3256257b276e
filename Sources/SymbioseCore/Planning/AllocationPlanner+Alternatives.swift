/// A pair matching ranks high that the plan leaves out, and what taking it would cost: the plan
/// solved again with the pair served first, so that a facilitator who expected it sees why it
/// is not there ("the planned methaniser's digestate to the farm: 102 t CO2e a year less").
public struct PlanAlternative: Sendable, Hashable {
    /// The pair, with the quantity it gets when served first.
    public var allocation: Allocation
    /// The objective of the plan that takes it, and that plan's impact totals.
    public var value: Double
    public var totals: ImpactTotals
    /// The plan's exchanges of the same release or for the same need that get less, each with
    /// the quantity and objective value it loses, the largest loss first.
    public var displaced: [Allocation]
    /// How many other exchanges of the plan get less in turn (a fuel need that shrinks frees a
    /// residue for another farm, and so on).
    public var rearranged: Int

    package init(
        allocation: Allocation, value: Double, totals: ImpactTotals, displaced: [Allocation], rearranged: Int
    ) {
        self.allocation = allocation
        self.value = value
        self.totals = totals
        self.displaced = displaced
        self.rearranged = rearranged
    }
}

extension AllocationPlanner {
    typealias Forced = (alternative: PlanAlternative, outcome: AllocationOutcome, amounts: [Double])

    /// For the `alternativeCount` candidates with the best scores among those the plan leaves
    /// at nothing, the plan that serves each first: only the candidate's own part of the graph
    /// is solved again, the rest of the plan stays. A pair that cannot be served even then (its
    /// pipe would be too thin once shared) is skipped.
    func alternatives(_ candidates: Candidates, plan: AllocationOutcome, amounts allocated: [Double]) -> [Forced] {
        guard alternativeCount > 0 else { return [] }
        let taken = Set(plan.allocations.map(\.synergy.id))
        let left = candidates.list.indices.filter { !taken.contains(candidates.list[$0].synergy.id) }
        let ranked = left.sorted {
            let (a, b) = (candidates.list[$0].synergy, candidates.list[$1].synergy)
            return a.score != b.score ? a.score > b.score : a.id < b.id
        }
        let roots = partRoots(candidates)
        var result: [Forced] = []
        for position in ranked.prefix(alternativeCount) {
            let candidate = candidates.list[position]
            let members = candidates.list.indices.filter { roots[$0] == roots[position] }
            var local = candidates
            local.list = members.map { candidates.list[$0] }
            let served = members.firstIndex(of: position)!
            let solved = planned(local, method: .optimal, forcing: [served: candidate.quantity]).amounts
            var amounts = allocated
            for (offset, member) in members.enumerated() { amounts[member] = solved[offset] }
            let forced = outcome(candidates.list, amounts, demand: candidates.demand)
            guard let allocation = forced.allocations.first(where: { $0.synergy.id == candidate.synergy.id })
            else { continue }
            let changed = Self.displaced(from: plan, by: forced)
            let competing = changed.filter {
                $0.synergy.supplier == candidate.synergy.supplier || $0.synergy.receiver == candidate.synergy.receiver
            }
            let alternative = PlanAlternative(
                allocation: allocation, value: forced.value, totals: forced.totals, displaced: competing,
                rearranged: changed.count - competing.count)
            result.append((alternative, forced, amounts))
        }
        return result
    }

    /// Each candidate's part: candidates linked through a release, a need, or a site's shared
    /// energy budget share one, the reach of a change to any of them.
    func partRoots(_ candidates: Candidates) -> [Int] {
        let offset = candidates.supply.count
        var sets = DisjointSets(count: offset + candidates.demand.count)
        for candidate in candidates.list { sets.union(candidate.release, offset + candidate.need) }
        for budget in energyBudgets {
            guard let heat = candidates.needIndex[budget.heat], let fuel = candidates.needIndex[budget.fuel] else {
                continue
            }
            sets.union(offset + heat, offset + fuel)
        }
        return candidates.list.map { sets.find($0.release) }
    }

    /// The plan's allocations that get less in `forced`, each reduced to what it loses.
    static func displaced(from plan: AllocationOutcome, by forced: AllocationOutcome) -> [Allocation] {
        let kept = Dictionary(forced.allocations.map { ($0.synergy.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lost: [Allocation] = []
        for allocation in plan.allocations {
            let before = allocation.synergy.quantity?.value ?? 0
            let after = kept[allocation.synergy.id]?.synergy.quantity?.value ?? 0
            guard before - after > 1e-6 * max(1, before) else { continue }
            var loss = allocation
            loss.synergy.quantity?.value = before - after
            loss.value = allocation.value - (kept[allocation.synergy.id]?.value ?? 0)
            lost.append(loss)
        }
        return lost.sorted { $0.value != $1.value ? $0.value > $1.value : $0.synergy.id < $1.synergy.id }
    }
}
