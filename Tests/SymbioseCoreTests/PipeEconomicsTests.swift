import Foundation
import SymbioseCore
import SymbioseTestSupport
import Testing

/// A pipe costs money to build: a heat link is planned only when it is worth a year at least
/// its pipe's annualised investment (Docs/planning.md, worked by hand there).
@Suite struct PipeEconomicsTests {
    typealias F = MatchFixture

    /// A 90 °C source and a 70 °C need 2 km apart; the need may declare a price.
    private func pair(mwh: Double, price: Double? = nil, sourceTemperature: Double = 90) -> [LoadedProfile] {
        [
            F.profile(
                "source", at: F.point(northKm: 0),
                outputs: [
                    F.output(
                        "heat", "heat.hot-water", Quantity(value: mwh, unit: .megawattHour),
                        temperature: sourceTemperature, medium: .water)
                ]),
            F.profile(
                "sink", at: F.point(northKm: 2),
                inputs: [
                    F.input(
                        "heat", "heat.hot-water", Quantity(value: mwh, unit: .megawattHour), temperature: 70,
                        medium: .water
                    ) { flow in flow.price = price.map { Cost(value: $0, per: .megawattHour) } }
                ]),
        ]
    }

    private func plan(_ profiles: [LoadedProfile]) -> Plan {
        let plain = profiles.map(\.profile)
        return AllocationPlanner(objective: .co2, calculator: TestSupport.calculator(plain), profiles: plain)
            .plan(F.run(profiles).synergies)
    }

    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-3 * max(1, abs(expected))
    }

    @Test func theInvestmentAndBreakEvenWorkedByHand() throws {
        let profiles = pair(mwh: 4000)
        let synergy = try #require(F.substitutions(profiles).first)
        let calculator = TestSupport.calculator(profiles.map(\.profile))
        let rates = calculator.rates(of: synergy)
        let economics = PipeEconomics(factors: FactorsFile.builtIn)
        let annuity = 0.04 / (1 - pow(1.04, -30))  // 0.05783
        #expect(close(economics.annuityFactor, annuity))
        // 2 km × 1.3 = 2,600 m; 4,000 MWh over 8,760 h = 0.46 MW: the class up to 1 MW, 600 €/m.
        let pipe = try #require(economics.investment(synergy, rates: rates, mwh: 4000))
        #expect(close(pipe.metres, 2600) && close(pipe.capacityMW, 4000 / 8760) && pipe.eurPerMetre == 600)
        #expect(close(pipe.investmentEUR, 1_560_000))
        #expect(close(pipe.annualisedEUR, 1_560_000 * annuity))  // 90,215 €/yr
        // No price declared: a MWh is worth the reference 55 € after 5.2 % losses, less pumping
        // (0.005 × 2.6 MWh × 150 €).
        let value = 55 * 0.948 - 0.013 * 150
        #expect(close(economics.valuePerMWh(synergy, rates: rates), value))
        #expect(close(economics.breakEvenMWh(synergy, rates: rates), 1_560_000 * annuity / value))  // 1,797 MWh
    }

    @Test func aLinkWorthLessThanItsPipeIsLeftOutWithTheReason() {
        // At a declared 10 €/MWh, 2,600 m of pipe need about 11,000 MWh a year to pay.
        let cheap = plan(pair(mwh: 8000, price: 10))
        #expect(cheap.optimal.allocations.isEmpty)
        #expect(cheap.excluded[.pipeUneconomic] == 1)
        // At 60 €/MWh the same link pays, and carries its pipe.
        let dear = plan(pair(mwh: 8000, price: 60))
        let allocation = dear.optimal.allocations.first
        #expect(allocation?.pipe?.eurPerMetre == 600)
        #expect(dear.excluded[.pipeUneconomic, default: 0] == 0)
    }

    @Test func aHeatPumpThatCostsMoreElectricityThanTheGasItSavesNeverPays() {
        // 30 °C water lifted to 70 °C: the pump's electricity (150 €/MWh over its COP) costs more
        // than the 55 €/MWh of gas heat it replaces.
        let lifted = plan(pair(mwh: 8000, sourceTemperature: 30))
        #expect(lifted.optimal.allocations.isEmpty)
        #expect(lifted.excluded[.pipeUneconomic] == 1)
    }
}
