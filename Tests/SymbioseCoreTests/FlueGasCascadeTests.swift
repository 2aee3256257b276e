import SymbioseCore
import SymbioseTestSupport
import Testing

/// A flue gas is cooled at most to the acid dew point (120 °C by default), so a hotter sink
/// takes only the part above its temperature plus the approach (Docs/matching.md).
@Suite struct FlueGasCascadeTests {
    typealias F = MatchFixture

    @Test func theShareAboveTheSinkIsWorkedByHand() {
        // 450 °C down to 120 °C is the declared heat; steam at 170 °C through a water loop
        // (15 K gas–liquid + 5 K liquid–liquid) cools the gas to 190 °C only: 260 / 330.
        #expect(
            abs(HeatExchange.usableShare(sourceC: 450, sinkC: 170, floorC: 120, approach: 20) - 260.0 / 330) < 1e-12)
        // Hot water at 90 °C could cool it to 110 °C, below the floor: all of it.
        #expect(HeatExchange.usableShare(sourceC: 450, sinkC: 90, floorC: 120, approach: 20) == 1)
        // A sink hotter than the source less the approach takes nothing.
        #expect(HeatExchange.usableShare(sourceC: 200, sinkC: 190, floorC: 120, approach: 20) == 0)
    }

    private func pair(sinkC: Double, code: ResourceCode = "heat.flue-gas") -> [SubstitutionSynergy] {
        let furnace = F.profile(
            "furnace", at: F.point(northKm: 0),
            outputs: [F.output("gas", code, Quantity(value: 10_000, unit: .megawattHour), temperature: 450)])
        let mill = F.profile(
            "mill", at: F.point(northKm: 1),
            inputs: [
                F.input("heat", "heat.steam", Quantity(value: 50_000, unit: .megawattHour), temperature: sinkC)
            ])
        return F.substitutions([furnace, mill])
    }

    @Test func steamGetsOnlyThePartOfTheFlueGasHotEnoughForIt() throws {
        let synergy = try #require(pair(sinkC: 170).first)
        let share = try #require(synergy.sourceHeatShare)
        #expect(abs(share - 260.0 / 330) < 1e-9)
        #expect(abs(try #require(synergy.quantity?.value) - 10_000 * 260.0 / 330) < 1e-6)
        func reason(_ language: Language) -> String {
            ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: language).reason(.substitution(synergy))
        }
        #expect(reason(.en).contains("Only 79 % of the flue gas heat is hot enough"))
        #expect(reason(.fr).contains("Seuls 79\u{00A0}% de la chaleur des fumées"))
    }

    @Test func aCoolSinkTakesAllOfIt() throws {
        let synergy = try #require(pair(sinkC: 100).first)
        #expect(synergy.sourceHeatShare == nil)
        #expect(synergy.quantity?.value == 10_000)
    }
}
