import Foundation

/// What a dedicated heat or cold pipe costs to build, annualised, against what its link is
/// worth a year: the plan leaves out links whose pipe would not pay (`pipe-uneconomic`).
/// Factors and sources are in `Docs/planning.md`.
public struct PipeEconomics: Sendable {
    public let factors: ImpactFactors

    public init(factors: ImpactFactors) { self.factors = factors }

    /// One link's pipe.
    public struct Investment: Sendable, Hashable {
        /// Metres of pipe: great-circle distance × detour.
        public var metres: Double
        /// The mean power carried over the months the link runs, in MW, which sizes the pipe.
        public var capacityMW: Double
        public var eurPerMetre: Double
        public var investmentEUR: Double
        /// The investment as a yearly payment over the pipe's lifetime at the discount rate.
        public var annualisedEUR: Double
    }

    /// The share of an investment paid each year: r / (1 − (1 + r)^−n); 1/n at a zero rate.
    public var annuityFactor: Double? {
        guard let rate = factors.factor(.discountRate)?.value, let years = factors.factor(.pipeLifetime)?.value,
            years >= 1
        else { return nil }
        guard rate > 0 else { return 1 / years }
        return rate / (1 - pow(1 + rate, -years))
    }

    /// The pipe of a heat or cold link carrying `mwh` a year over `months` months; `nil` for
    /// other links, unknown distances or missing factors.
    public func investment(_ synergy: SubstitutionSynergy, rates: ImpactRates, mwh: Double) -> Investment? {
        guard synergy.category == .heat || synergy.category == .cold, let km = rates.networkKm,
            let annuity = annuityFactor
        else { return nil }
        let hours = Self.hours(synergy)
        let capacity = mwh / hours
        guard let cost = factors.pipeCosts.first(where: { capacity <= ($0.capacityMW ?? .infinity) }) else {
            return nil
        }
        let metres = km * 1000
        let investment = metres * cost.value
        return Investment(
            metres: metres, capacityMW: capacity, eurPerMetre: cost.value, investmentEUR: investment,
            annualisedEUR: investment * annuity)
    }

    /// What a MWh delivered by the link is worth a year, in €: its net euros where prices are
    /// declared, else the reference price of the heat or cold it replaces (after losses), less
    /// pumping and heat-pump electricity.
    public func valuePerMWh(_ synergy: SubstitutionSynergy, rates: ImpactRates) -> Double? {
        if let declared = rates.netEUR { return declared }
        let role: FactorRole = synergy.category == .cold ? .coldReferencePrice : .heatReferencePrice
        guard let price = factors.factor(role)?.value else { return nil }
        return price * (1 - (rates.lossShare ?? 0)) - rates.operatingCostEUR
    }

    /// The hours a link runs a year: 730 for each of its months.
    static func hours(_ synergy: SubstitutionSynergy) -> Double {
        Double(max(1, synergy.months.months.count)) * 730
    }

    /// The least a link must carry a year for its pipe to pay: the smallest quantity whose value
    /// covers the annualised pipe of its capacity class; `.infinity` when none does, `nil` when
    /// the link has no pipe or no estimate.
    public func breakEvenMWh(_ synergy: SubstitutionSynergy, rates: ImpactRates) -> Double? {
        guard synergy.category == .heat || synergy.category == .cold, let km = rates.networkKm,
            let annuity = annuityFactor, let value = valuePerMWh(synergy, rates: rates)
        else { return nil }
        guard value > 0 else { return .infinity }
        let hours = Self.hours(synergy)
        // Costs grow with capacity: the first class that pays within its bound is the answer.
        for cost in factors.pipeCosts {
            let needed = km * 1000 * cost.value * annuity / value
            if needed <= (cost.capacityMW ?? .infinity) * hours { return needed }
        }
        return .infinity
    }
}
