import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct PlanningTests {
    typealias F = MatchFixture

    private func planner(_ profiles: [LoadedProfile], objective: PlanObjective) -> AllocationPlanner {
        let plain = profiles.map(\.profile)
        let calculator = ImpactCalculator(
            profiles: plain, taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn)
        return AllocationPlanner(objective: objective, calculator: calculator, profiles: plain)
    }

    private func material(_ id: String, _ code: String, tonnes: Double, price: Double? = nil, need: Bool)
        -> LoadedProfile
    {
        let flow =
            need
            ? F.input(FlowID(id), ResourceCode(code), Quantity(value: tonnes, unit: .tonne)) { flow in
                flow.price = price.map { Cost(value: $0, per: .tonne) }
            }
            : F.output(FlowID(id), ResourceCode(code), Quantity(value: tonnes, unit: .tonne))
        return F.profile(
            CompanyID(id), at: F.point(northKm: 0), outputs: need ? [] : [flow], inputs: need ? [flow] : [])
    }

    /// R1 (pallets) fits N1 (any wood, 5 €/t) and N2 (pallets, 4 €/t); R2 (bark) fits N1 only.
    /// Wood is bought new, so the declared prices are savings (a secondary material's would not
    /// be). Greedy gives R1 to N1 first and strands R2: 50 €. The plan gives R1 to N2
    /// and R2 to N1: 40 + 50 = 90 €.
    private var competing: [LoadedProfile] {
        [
            material("r1", "material.wood.pallets", tonnes: 10, need: false),
            material("r2", "material.wood.bark", tonnes: 10, need: false),
            material("n1", "material.wood", tonnes: 10, price: 5, need: true),
            material("n2", "material.wood.pallets", tonnes: 10, price: 4, need: true),
        ]
    }

    @Test func planBeatsGreedyAndReachesTheOptimum() throws {
        let result = F.run(competing)
        #expect(result.synergies.filter { $0.kind == .substitution }.count == 3)
        let plan = planner(competing, objective: .euro).plan(result.synergies)
        #expect(abs(plan.greedy.value - 50) < 1e-6)
        #expect(abs(plan.optimal.value - 90) < 1e-6)
        let pairs = plan.optimal.allocations.map { "\($0.synergy.supplier.company)>\($0.synergy.receiver.company)" }
        #expect(Set(pairs) == ["r1>n2", "r2>n1"])
        for allocation in plan.optimal.allocations {
            #expect(abs((allocation.synergy.quantity?.value ?? 0) - 10) < 1e-6)
        }
        // Volume: the plan moves 20 t where greedy moves 10.
        let volume = planner(competing, objective: .volume).plan(result.synergies)
        #expect(abs(volume.optimal.value - 20) < 1e-6)
        #expect(volume.greedy.value <= volume.optimal.value + 1e-9)
    }

    /// A release of 100 t a month all year, and two needs of 100 t a month from January to March:
    /// over the year the release could give both their 300 t, but in those months it yields 300 t
    /// in all. The plan gives 300 t, to the better need.
    @Test func seasonalNeedsShareTheReleaseMonthByMonth() throws {
        let winter = [1, 2, 3]
        let profiles = [
            F.profile(
                "r", at: F.point(northKm: 0),
                outputs: [F.output("card", "material.wood.pallets", Quantity(value: 1_200, unit: .tonne))]),
            F.profile(
                "a", at: F.point(northKm: 0),
                inputs: [
                    F.input("card", "material.wood.pallets", Quantity(value: 300, unit: .tonne), months: winter) {
                        $0.price = Cost(value: 5, per: .tonne)
                    }
                ]),
            F.profile(
                "b", at: F.point(northKm: 0),
                inputs: [
                    F.input("card", "material.wood.pallets", Quantity(value: 300, unit: .tonne), months: winter) {
                        $0.price = Cost(value: 4, per: .tonne)
                    }
                ]),
        ]
        let synergies = F.run(profiles).synergies
        #expect(synergies.filter { $0.kind == .substitution }.count == 2)
        let plan = planner(profiles, objective: .euro).plan(synergies)
        #expect(abs(plan.optimal.value - 1_500) < 1e-6)  // 300 t at 5 €
        #expect(plan.optimal.allocations.map(\.synergy.receiver.company) == ["a"])
        #expect(abs(plan.greedy.value - 1_500) < 1e-6)
        // The same needs all year round would each get their 300 t.
        let allYear = profiles.map { loaded in
            var loaded = loaded
            for index in loaded.profile.inputs.indices { loaded.profile.inputs[index].availability = .continuous }
            return loaded
        }
        let annual = planner(allYear, objective: .euro).plan(F.run(allYear).synergies)
        #expect(abs(annual.optimal.value - 2_700) < 1e-6)
    }

    @Test func tiesDoNotDependOnInputOrder() {
        // Two identical releases for one need that takes only one of them.
        let profiles = [
            material("a", "material.wood.pallets", tonnes: 10, need: false),
            material("b", "material.wood.pallets", tonnes: 10, need: false),
            material("n", "material.wood.pallets", tonnes: 10, price: 5, need: true),
        ]
        let synergies = F.run(profiles).synergies
        let forward = planner(profiles, objective: .euro).plan(synergies)
        let backward = planner(profiles, objective: .euro).plan(synergies.reversed())
        #expect(forward.optimal.allocations == backward.optimal.allocations)
        #expect(forward.optimal.allocations.count == 1)
        #expect(abs(forward.optimal.value - 50) < 1e-6)
    }

    @Test func supplyAndDemandAreNeverExceeded() throws {
        let territory = TerritoryGenerator(sites: 400, seed: 11).generate()
        let loaded = territory.map { TestSupport.loaded($0) }
        let result = F.run(loaded)
        let taxonomy = TaxonomyFile.builtIn
        var supply: [String: Double] = [:]
        var demand: [String: Double] = [:]
        for profile in territory {
            for flow in profile.outputs { supply["\(profile.company.id)/\(flow.id)"] = taxonomy.annualAmount(of: flow) }
            for flow in profile.inputs { demand["\(profile.company.id)/\(flow.id)"] = taxonomy.annualAmount(of: flow) }
        }
        for objective in PlanObjective.allCases {
            let plan = planner(loaded, objective: objective).plan(result.synergies)
            // Generated profiles declare no prices: the € objective has nothing to plan there.
            #expect(plan.optimal.allocations.isEmpty == (objective == .euro))
            #expect(plan.optimal.value >= plan.greedy.value - 1e-6 * max(1, abs(plan.greedy.value)))
            for outcome in [plan.optimal, plan.greedy] {
                var given: [String: Double] = [:]
                var received: [String: Double] = [:]
                for allocation in outcome.allocations {
                    let s = allocation.synergy
                    let amount = try #require(s.quantity?.value)
                    #expect(amount <= allocation.candidateQuantity * (1 + 1e-9))
                    // Counted in the release's tonnes where tonnes are weighed on dry matter or heat.
                    given["\(s.supplier.company)/\(s.supplier.flow)", default: 0] +=
                        amount / (s.equivalence?.ratio ?? 1)
                    received["\(s.receiver.company)/\(s.receiver.flow)", default: 0] += amount
                }
                for (key, total) in given {
                    let available = try #require(supply[key])
                    #expect(total <= available * (1 + 1e-9) + 1e-9)
                }
                for (key, total) in received {
                    let wanted = try #require(demand[key])
                    #expect(total <= wanted * (1 + 1e-9) + 1e-9)
                }
            }
        }
    }

    /// An optimality certificate independent of the solver: the residual network of the plan
    /// (unused supply and unfilled demand included) has no cycle of negative cost, so no
    /// reallocation can raise the objective.
    @Test(arguments: [PlanObjective.co2, .score, .volume])
    func planHasNoImprovingCycle(objective: PlanObjective) throws {
        // All year round, so that the plan works on annual quantities, as this certificate does.
        let territory = TerritoryGenerator(sites: 300, seed: 5).generate().map { profile in
            var profile = profile
            for index in profile.outputs.indices { profile.outputs[index].availability = .continuous }
            for index in profile.inputs.indices { profile.inputs[index].availability = .continuous }
            return profile
        }
        let loaded = territory.map { TestSupport.loaded($0) }
        let synergies = F.run(loaded).synergies
        let plan = planner(loaded, objective: objective).plan(synergies)
        let calculator = TestSupport.calculator(territory)
        let taxonomy = TaxonomyFile.builtIn
        var supply: [String: Double] = [:]
        var demand: [String: Double] = [:]
        for profile in territory {
            for flow in profile.outputs {
                supply["R\(profile.company.id)/\(flow.id)"] = taxonomy.annualAmount(of: flow)
            }
            for flow in profile.inputs { demand["N\(profile.company.id)/\(flow.id)"] = taxonomy.annualAmount(of: flow) }
        }
        var allocated: [String: Double] = [:]
        for allocation in plan.optimal.allocations {
            allocated[allocation.synergy.id] = allocation.synergy.quantity?.value
        }

        // Residual arcs (from, to, cost); "X" stands for unused supply and unfilled demand.
        var arcs: [(String, String, Double)] = []
        var given: [String: Double] = [:]
        var received: [String: Double] = [:]
        var largest = 0.0
        for case .substitution(let s) in synergies {
            let release = "R\(s.supplier.company)/\(s.supplier.flow)"
            let need = "N\(s.receiver.company)/\(s.receiver.flow)"
            guard let capacity = s.quantity?.value, capacity > 0, supply[release] != nil, demand[need] != nil else {
                continue
            }
            // A heat or cold link whose pipe could not pay even alone is no candidate of the plan.
            if s.category == .heat || s.category == .cold,
                let breakEven = PipeEconomics(factors: calculator.factors).breakEvenMWh(
                    s, rates: calculator.rates(of: s)),
                capacity < breakEven
            {
                continue
            }
            let value: Double?
            switch objective {
            case .co2: value = calculator.rates(of: s).netKg
            case .score: value = s.score / capacity
            case .volume: value = 1
            case .euro: value = calculator.rates(of: s).netEUR
            }
            guard let value, value > 0 else { continue }
            largest = max(largest, value)
            let flow = allocated[s.id] ?? 0
            given[release, default: 0] += flow
            received[need, default: 0] += flow
            if flow < capacity * (1 - 1e-9) { arcs.append((release, need, -value)) }
            if flow > capacity * 1e-9 { arcs.append((need, release, value)) }
        }
        for (release, total) in supply {
            let used = given[release] ?? 0
            if used > 1e-9 { arcs.append((release, "X", 0)) }
            if used < total * (1 - 1e-9) { arcs.append(("X", release, 0)) }
        }
        for (need, total) in demand {
            let filled = received[need] ?? 0
            if filled < total * (1 - 1e-9) { arcs.append((need, "X", 0)) }
            if filled > 1e-9 { arcs.append(("X", need, 0)) }
        }
        // Bellman–Ford from every node at once: a relaxation after |V| rounds means a negative cycle.
        var distance: [String: Double] = [:]
        for (a, b, _) in arcs {
            distance[a] = 0
            distance[b] = 0
        }
        let tolerance = 1e-5 * largest
        var changed = true
        var rounds = 0
        while changed && rounds <= distance.count {
            changed = false
            rounds += 1
            for (a, b, cost) in arcs where distance[a]! + cost < distance[b]! - tolerance {
                distance[b] = distance[a]! + cost
                changed = true
            }
        }
        #expect(!changed, "an improving cycle remains for \(objective)")
        #expect(!plan.optimal.allocations.isEmpty)
    }

    @Test func chainsHubsComponentsAndIsolatedFirms() throws {
        // a → b (cardboard), b → c (sawdust), and d with nothing to exchange.
        let profiles = [
            F.profile(
                "a", at: F.point(northKm: 0),
                outputs: [F.output("card", "material.wood.pallets", Quantity(value: 50, unit: .tonne))]),
            F.profile(
                "b", at: F.point(northKm: 1),
                outputs: [F.output("dust", "material.wood.sawdust", Quantity(value: 30, unit: .tonne))],
                inputs: [F.input("card", "material.wood.pallets", Quantity(value: 50, unit: .tonne))]),
            F.profile(
                "c", at: F.point(northKm: 2),
                inputs: [F.input("dust", "material.wood.sawdust", Quantity(value: 30, unit: .tonne))]),
            F.profile(
                "d", at: F.point(northKm: 3),
                outputs: [F.output("slag", "material.mineral.slag", Quantity(value: 5, unit: .tonne))]),
        ]
        let result = F.run(profiles)
        let plan = planner(profiles, objective: .volume).plan(result.synergies)
        let network = SynergyNetwork(plan: plan, synergies: result.synergies, profiles: profiles.map(\.profile))
        #expect(network.chains.map(\.companies) == [["a", "b", "c"]])
        #expect(network.hubs.first?.company == "b")
        #expect(network.hubs.first?.partners == 2)
        #expect(network.components.map(\.companies) == [["a", "b", "c"]])
        #expect(network.isolated.map(\.company) == ["d"])
    }
}
