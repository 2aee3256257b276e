import SymbioseCore
import SymbioseTestSupport
import Testing

/// A heat flow without a temperature gets its code's usual range, flagged `temperature-assumed`,
/// and the heat rules apply to that range.
@Suite struct AssumedTemperatureTests {
    private func substitutions(release: Flow, need: Flow) -> [SubstitutionSynergy] {
        MatchFixture.substitutions([
            MatchFixture.profile("source", at: MatchFixture.origin, outputs: [release]),
            MatchFixture.profile("sink", at: MatchFixture.point(northKm: 1), inputs: [need]),
        ])
    }

    private let gwh = Quantity(value: 2, unit: .gigawattHour)

    @Test func steamWithoutATemperatureServesHotWaterDirectly() throws {
        let synergy = try #require(
            substitutions(
                release: MatchFixture.output("steam", "heat.steam", gwh),
                need: MatchFixture.input("water", "heat.hot-water", gwh, temperature: 80)
            ).first)
        #expect(synergy.flags.contains(.temperatureAssumed))
        #expect(!synergy.flags.contains(.temperatureUnknown))
        #expect(!synergy.flags.contains(.heatPump) && !synergy.flags.contains(.preheat))
        #expect(TaxonomyFile.builtIn.typicalTemperature(of: "heat.steam.low-pressure") == 100...160)
    }

    /// Warm water is 25 to 45 °C: it can never raise process steam at 180 °C (beyond what heat
    /// pumps reach), so the pair that used to stand as "temperature unknown" is ruled out.
    @Test func warmWaterWithoutATemperatureNeverRaisesSteam() {
        let found = substitutions(
            release: MatchFixture.output("water", "heat.warm-water", gwh),
            need: MatchFixture.input("steam", "heat.steam", gwh, temperature: 180))
        #expect(found.isEmpty)
        let unknown = substitutions(
            release: MatchFixture.output("water", "heat", gwh),
            need: MatchFixture.input("steam", "heat.steam", gwh, temperature: 180))
        #expect(unknown.first?.flags.contains(.temperatureUnknown) == true)
    }

    /// Wastewater heat is 10 to 25 °C: for a 60 °C need it takes a heat pump over the whole range.
    @Test func wastewaterHeatWithoutATemperatureNeedsAHeatPump() throws {
        let synergy = try #require(
            substitutions(
                release: MatchFixture.output("sewer", "heat.wastewater", gwh),
                need: MatchFixture.input("water", "heat.hot-water", gwh, temperature: 60)
            ).first)
        #expect(synergy.flags.contains(.temperatureAssumed) && synergy.flags.contains(.heatPump))
    }

    /// A range that fits only at its favourable end keeps the match at a lower score, flagged.
    @Test func aPartialFitIsKeptAtALowerScore() throws {
        let assumed = try #require(
            substitutions(
                release: MatchFixture.output("warm", "heat.hot-water", gwh),
                need: MatchFixture.input("water", "heat.hot-water", gwh, temperature: 90)
            ).first)
        let declared = try #require(
            substitutions(
                release: MatchFixture.output("warm", "heat.hot-water", gwh, temperature: 105),
                need: MatchFixture.input("water", "heat.hot-water", gwh, temperature: 90)
            ).first)
        #expect(assumed.flags.contains(.temperatureAssumed))
        #expect(assumed.score < declared.score)
    }
}
