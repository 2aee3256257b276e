/// What a plan maximises.
public enum PlanObjective: String, Sendable, Hashable, CaseIterable {
    /// Net CO2e avoided.
    case co2
    /// Quantity exchanged, summed in base units (t, m³, MWh), each unit in its own subnetwork.
    case volume
    /// Scores, each pair counting in proportion to the share of its quantity allocated.
    case score
    /// Net € saved, where prices or disposal costs are declared.
    case euro
}

/// Why a substitution candidate takes no part in a plan.
public enum PlanExclusion: String, Sendable, Hashable, CaseIterable {
    /// Its quantity, or the release's or the need's, is unknown.
    case quantityUnknown = "quantity-unknown"
    /// The release and the need are measured in different dimensions (t against m³).
    case unitsDiffer = "units-differ"
    /// The objective has no estimate for it (no CO2e factor, no declared price).
    case noEstimate = "no-estimate"
    /// It would not add to the objective (net CO2e or € at or below zero).
    case notWorthwhile = "not-worthwhile"
}

/// A quantity allocated from one release to one need.
public struct Allocation: Sendable, Hashable {
    /// The candidate, with its quantity and coverage replaced by the allocated ones.
    public var synergy: SubstitutionSynergy
    /// What the candidate alone could have exchanged.
    public var candidateQuantity: Double
    /// The allocated amount's contribution to the objective.
    public var value: Double
    public var impact: SynergyImpact
}

/// One way of allocating: the plan's or the greedy one's.
public struct AllocationOutcome: Sendable, Hashable {
    public var allocations: [Allocation]
    /// The objective reached.
    public var value: Double
    public var totals: ImpactTotals
}

/// A consistent allocation of releases to needs.
public struct Plan: Sendable {
    public var objective: PlanObjective
    public var optimal: AllocationOutcome
    /// "Take the best pair first", on the same candidates (ties: the better score, then the id).
    public var greedy: AllocationOutcome
    /// Substitution candidates considered.
    public var candidates: Int
    public var excluded: [PlanExclusion: Int]
    /// Pooling groups, kept as matching found them.
    public var pools: [PoolingGroup]
    /// Connected parts of the release–need graph, solved separately.
    public var subnetworks: Int
}

/// Solves the allocation exactly as a min-cost flow: source → release (capacity: its annual
/// quantity) → need (capacity: what the candidate can exchange; cost: minus the objective per
/// unit) → sink (capacity: the need's annual quantity). Each connected part of the graph is
/// solved on its own. See `Docs/planning.md`.
public struct AllocationPlanner: Sendable {
    public var objective: PlanObjective
    public var calculator: ImpactCalculator
    private var supplies: [String: Double] = [:]
    private var demands: [String: Double] = [:]

    public init(objective: PlanObjective, calculator: ImpactCalculator, profiles: [Profile]) {
        self.objective = objective
        self.calculator = calculator
        let taxonomy = calculator.taxonomy
        for profile in profiles {
            for flow in profile.outputs {
                supplies[Self.key(profile.company.id, flow.id)] = taxonomy.annualAmount(of: flow)
            }
            for flow in profile.inputs {
                demands[Self.key(profile.company.id, flow.id)] = taxonomy.annualAmount(of: flow)
            }
        }
    }

    private static func key(_ company: String, _ flow: String) -> String { company + "\u{1F}" + flow }

    private struct Candidate {
        var synergy: SubstitutionSynergy
        var release: Int
        var need: Int
        var quantity: Double
        /// The objective per unit allocated.
        var unitValue: Double
    }

    /// Plans the substitutions among `synergies`; pooling groups are passed through.
    public func plan(_ synergies: [Synergy]) -> Plan {
        var excluded: [PlanExclusion: Int] = [:]
        let pools: [PoolingGroup] = synergies.compactMap {
            if case .pooling(let group) = $0 { return group }
            return nil
        }
        var candidates: [Candidate] = []
        var releaseIndex: [String: Int] = [:]
        var needIndex: [String: Int] = [:]
        var supply: [Double] = []
        var demand: [Double] = []
        var substitutions = 0
        let taxonomy = calculator.taxonomy
        // In id order, so that ties are broken the same way whatever the input order.
        let ids = synergies.map(\.id)
        for position in synergies.indices.sorted(by: { ids[$0] < ids[$1] }) {
            guard case .substitution(let s) = synergies[position] else { continue }
            substitutions += 1
            let releaseKey = Self.key(s.supplier.company, s.supplier.flow)
            let needKey = Self.key(s.receiver.company, s.receiver.flow)
            guard let quantity = s.quantity?.value, quantity > 0, let available = supplies[releaseKey],
                let wanted = demands[needKey]
            else {
                excluded[.quantityUnknown, default: 0] += 1
                continue
            }
            guard taxonomy[s.resource]?.dimension == taxonomy[s.needResource]?.dimension else {
                excluded[.unitsDiffer, default: 0] += 1
                continue
            }
            let rates = calculator.rates(of: s)
            let unitValue: Double?
            switch objective {
            case .co2: unitValue = rates.netKg
            case .euro: unitValue = rates.netEUR
            case .volume: unitValue = 1
            case .score: unitValue = s.score / quantity
            }
            guard let unitValue else {
                excluded[.noEstimate, default: 0] += 1
                continue
            }
            guard unitValue > 0 else {
                excluded[.notWorthwhile, default: 0] += 1
                continue
            }
            let release = Self.position(of: releaseKey, in: &releaseIndex, amounts: &supply, amount: available)
            let need = Self.position(of: needKey, in: &needIndex, amounts: &demand, amount: wanted)
            candidates.append(
                Candidate(synergy: s, release: release, need: need, quantity: quantity, unitValue: unitValue))
        }

        // Connected parts, by union–find over releases and needs.
        var parent = Array(0..<(supply.count + demand.count))
        func find(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        for candidate in candidates {
            let a = find(candidate.release)
            let b = find(supply.count + candidate.need)
            if a != b { parent[max(a, b)] = min(a, b) }
        }
        var parts: [Int: [Int]] = [:]
        for (position, candidate) in candidates.enumerated() {
            parts[find(candidate.release), default: []].append(position)
        }

        var allocated = [Double](repeating: 0, count: candidates.count)
        for root in parts.keys.sorted() {
            let members = parts[root]!
            var releases: [Int: Int] = [:]
            var needs: [Int: Int] = [:]
            for position in members {
                if releases[candidates[position].release] == nil {
                    releases[candidates[position].release] = releases.count
                }
                if needs[candidates[position].need] == nil { needs[candidates[position].need] = needs.count }
            }
            // Releases, then needs, then the sink: each release's quantity goes to the sink
            // through needs or straight (left unused, at no cost). The search prefers higher nodes
            // on ties. Between candidates of equal value, the one with the better score wins: its
            // cost is lowered by a millionth of its value times its score.
            let sink = releases.count + needs.count
            var network = MinCostFlow(nodes: sink + 1)
            var supplies: [(node: Int, amount: Double)] = []
            for (release, node) in releases.sorted(by: { $0.value < $1.value }) {
                supplies.append((node, supply[release]))
                network.addArc(from: node, to: sink, capacity: supply[release], cost: 0)
            }
            for (need, node) in needs.sorted(by: { $0.value < $1.value }) {
                network.addArc(from: releases.count + node, to: sink, capacity: demand[need], cost: 0)
            }
            var arcs: [(node: Int, index: Int)] = []
            for position in members {
                let candidate = candidates[position]
                arcs.append(
                    network.addArc(
                        from: releases[candidate.release]!, to: releases.count + needs[candidate.need]!,
                        capacity: candidate.quantity, cost: -candidate.unitValue * (1 + 1e-6 * candidate.synergy.score))
                )
            }
            _ = network.solve(supplies: supplies, sink: sink)
            for (offset, position) in members.enumerated() {
                allocated[position] = network.flow(at: arcs[offset])
            }
        }

        // Greedy: the best pair first, as much as is left.
        var greedyAllocated = [Double](repeating: 0, count: candidates.count)
        var supplyLeft = supply
        var demandLeft = demand
        let order = candidates.indices.sorted { a, b in
            let va = candidates[a].unitValue * candidates[a].quantity
            let vb = candidates[b].unitValue * candidates[b].quantity
            if va != vb { return va > vb }
            let (sa, sb) = (candidates[a].synergy.score, candidates[b].synergy.score)
            return sa != sb ? sa > sb : candidates[a].synergy.id < candidates[b].synergy.id
        }
        for position in order {
            let candidate = candidates[position]
            let amount = min(candidate.quantity, supplyLeft[candidate.release], demandLeft[candidate.need])
            guard amount > 1e-9 else { continue }
            greedyAllocated[position] = amount
            supplyLeft[candidate.release] -= amount
            demandLeft[candidate.need] -= amount
        }

        return Plan(
            objective: objective, optimal: outcome(candidates, allocated, demand: demand),
            greedy: outcome(candidates, greedyAllocated, demand: demand), candidates: substitutions,
            excluded: excluded, pools: pools, subnetworks: parts.count)
    }

    /// The position of a release or need, numbered on first sight with its amount.
    private static func position(
        of key: String, in index: inout [String: Int], amounts: inout [Double], amount: Double
    ) -> Int {
        if let known = index[key] { return known }
        index[key] = amounts.count
        amounts.append(amount)
        return amounts.count - 1
    }

    private func outcome(_ candidates: [Candidate], _ amounts: [Double], demand: [Double]) -> AllocationOutcome {
        var allocations: [Allocation] = []
        var value = 0.0
        var totals = ImpactTotals()
        for (candidate, amount) in zip(candidates, amounts) where amount > 1e-6 * max(1, candidate.quantity) {
            var synergy = candidate.synergy
            synergy.quantity?.value = amount
            let wanted = demand[candidate.need]
            synergy.coverage = wanted > 0 ? min(1, amount / wanted) : nil
            let impact = calculator.impact(of: candidate.synergy, quantity: amount)
            let contribution = amount * candidate.unitValue
            value += contribution
            totals.add(impact)
            allocations.append(
                Allocation(synergy: synergy, candidateQuantity: candidate.quantity, value: contribution, impact: impact)
            )
        }
        allocations.sort { $0.value != $1.value ? $0.value > $1.value : $0.synergy.id < $1.synergy.id }
        return AllocationOutcome(allocations: allocations, value: value, totals: totals)
    }
}
