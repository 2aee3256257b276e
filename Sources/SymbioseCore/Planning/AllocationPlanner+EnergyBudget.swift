/// A site that needs heat and also buys the fuel that makes it (a heat network's 28 GWh of hot
/// water and its 6,000 t of wood chips) declares one energy service twice. Waste heat that
/// covers the heat need leaves less fuel to burn, and a substitute fuel cannot serve heat that
/// waste heat already serves: the two needs share one budget,
/// `heat allocated + fuel allocated × heating value × boiler efficiency ≤ heat need`.
extension AllocationPlanner {
    /// The seasonal efficiency of the boiler turning the fuel into the heat needed (on the
    /// lower heating value), an assumption stated in `Docs/planning.md`.
    public static let boilerEfficiency = 0.85

    /// One site's heat need and the fuel need that feeds it, by their keys.
    struct EnergyBudget: Sendable {
        var heat: String
        var fuel: String
        /// MWh of heat one tonne of the fuel need makes.
        var heatPerFuelUnit: Double
    }

    /// The sites with exactly one heat need measured in energy and one fuel need with a heating
    /// value: with more, which fuel feeds which heat is not declared, and nothing is linked.
    static func energyBudgets(_ profiles: [Profile], taxonomy: Taxonomy) -> [EnergyBudget] {
        profiles.compactMap { profile in
            let heat = profile.inputs.filter {
                $0.resource.category == .heat && taxonomy[$0.resource]?.dimension == .energy
            }
            let fuels = profile.inputs.filter {
                $0.resource.category == .energy && taxonomy[$0.resource]?.dimension == .mass
                    && taxonomy.heatingValue(of: $0.resource) != nil
            }
            guard heat.count == 1, fuels.count == 1, let value = taxonomy.heatingValue(of: fuels[0].resource) else {
                return nil
            }
            return EnergyBudget(
                heat: key(profile.company.id, heat[0].id) + "\u{1F}in",
                fuel: key(profile.company.id, fuels[0].id) + "\u{1F}in", heatPerFuelUnit: value * boilerEfficiency)
        }
    }

    /// The needs' capacities once each budget is kept: when the first solution fills heat and
    /// fuel beyond the heat need, the one worth less per MWh of heat keeps only what the other
    /// leaves. `nil` when no budget is exceeded.
    func budgetedDemand(_ candidates: Candidates, allocated: [Double]) -> [Double]? {
        var filled = [Double](repeating: 0, count: candidates.demand.count)
        var worth = [Double](repeating: 0, count: candidates.demand.count)
        for (candidate, amount) in zip(candidates.list, allocated) {
            filled[candidate.need] += amount
            worth[candidate.need] += amount * candidate.unitValue
        }
        var demand = candidates.demand
        var exceeded = false
        for budget in energyBudgets {
            guard let heat = candidates.needIndex[budget.heat], let fuel = candidates.needIndex[budget.fuel] else {
                continue
            }
            let (heatMWh, fuelMWh) = (filled[heat], filled[fuel] * budget.heatPerFuelUnit)
            let wanted = candidates.demand[heat]
            guard heatMWh + fuelMWh > wanted * (1 + 1e-9) else { continue }
            exceeded = true
            let heatWorth = heatMWh > 0 ? worth[heat] / heatMWh : 0
            let fuelWorth = fuelMWh > 0 ? worth[fuel] / fuelMWh : 0
            if heatWorth >= fuelWorth {
                demand[heat] = heatMWh
                demand[fuel] = max(0, wanted - heatMWh) / budget.heatPerFuelUnit
            } else {
                demand[fuel] = filled[fuel]
                demand[heat] = max(0, wanted - fuelMWh)
            }
        }
        return exceeded ? demand : nil
    }
}
