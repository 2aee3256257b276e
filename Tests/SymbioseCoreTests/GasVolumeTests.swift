import SymbioseCore
import SymbioseTestSupport
import Testing

/// Gases are declared in normal cubic metres: `Nm3` is a unit, `m3` of a gas is read as `Nm3`
/// with a warning, and a volume of gas meets an energy need through its heating value.
@Suite struct GasVolumeTests {
    let taxonomy = TaxonomyFile.builtIn

    private func codes(_ resource: ResourceCode, _ unit: QuantityUnit) -> [DiagnosticCode] {
        let profile = MatchFixture.profile(
            "digester", at: MatchFixture.origin,
            outputs: [MatchFixture.output("gas", resource, Quantity(value: 1_000_000, unit: unit))])
        return ProfileValidator(taxonomy: taxonomy).validate([profile]).map(\.code)
    }

    @Test func nm3IsAVolumeAndM3OfAGasIsReadAsNm3WithAWarning() {
        #expect(QuantityUnit(rawValue: "Nm3")?.dimension == .volume)
        #expect(QuantityUnit.suggestion(for: "Nm³") == .normalCubicMetre)
        #expect(codes("energy.natural-gas", .normalCubicMetre).isEmpty)
        #expect(codes("energy.natural-gas", .cubicMetre) == [.quantityGasVolume])
        // Water is no gas: m3 stays m3, said nothing.
        #expect(codes("water.process", .cubicMetre).isEmpty)
        // A volume of a gas measured by mass converts through its density.
        #expect(codes("material.gas.co2", .normalCubicMetre).isEmpty)
        #expect(taxonomy.equivalent(from: .volume, for: "material.gas.co2.biogenic")?.factor == 0.001977)
    }

    @Test func biogasInVolumeUsesTheDefaultMethaneShareAndSaysSo() {
        #expect(codes("energy.biogas", .normalCubicMetre) == [.quantityAssumedEquivalent])
        #expect(Set(codes("energy.biogas", .cubicMetre)) == [.quantityGasVolume, .quantityAssumedEquivalent])
        #expect(codes("energy.biomethane", .normalCubicMetre).isEmpty)
    }

    /// 1,000,000 Nm³ of biogas a year is 5,500 MWh at 55 % methane; a boiler burning 4,000 MWh
    /// of natural gas 2 km away is covered by it, counted in MWh.
    @Test func biogasInNm3MeetsNaturalGasInMWh() throws {
        let digester = MatchFixture.profile(
            "digester", at: MatchFixture.origin,
            outputs: [
                MatchFixture.output(
                    "biogas", "energy.biogas", Quantity(value: 1_000_000, unit: .normalCubicMetre))
            ])
        let boiler = MatchFixture.profile(
            "dairy", at: MatchFixture.point(northKm: 2),
            inputs: [
                MatchFixture.input("gas", "energy.natural-gas", Quantity(value: 4_000, unit: .megawattHour))
            ])
        let synergy = try #require(MatchFixture.substitutions([digester, boiler]).first)
        #expect(synergy.resource == "energy.biogas" && synergy.needResource == "energy.natural-gas")
        let quantity = try #require(synergy.quantity)
        #expect(quantity.dimension == .energy)
        #expect(abs(quantity.value - 4_000) < 1)
        #expect(synergy.coverage == 1)
    }

    /// A biogas flow declaring its methane share is converted with it, and nothing is assumed:
    /// 1,000,000 Nm³ at 65 % is 6,500 MWh instead of the default's 5,500.
    @Test func aDeclaredMethaneShareReplacesTheDefault() throws {
        func biogas(methane: Double?) -> Flow {
            var flow = MatchFixture.output(
                "biogas", "energy.biogas", Quantity(value: 1_000_000, unit: .normalCubicMetre))
            flow.quality.methane = methane
            return flow
        }
        #expect(abs((taxonomy.annualAmount(of: biogas(methane: 65)) ?? 0) - 6_500) < 0.01)
        #expect(abs((taxonomy.annualAmount(of: biogas(methane: nil)) ?? 0) - 5_500) < 0.01)
        func validation(_ flow: Flow) -> [DiagnosticCode] {
            let profile = MatchFixture.profile("digester", at: MatchFixture.origin, outputs: [flow])
            return ProfileValidator(taxonomy: taxonomy).validate([profile]).map(\.code)
        }
        #expect(validation(biogas(methane: 65)).isEmpty)
        #expect(validation(biogas(methane: 0)).contains(.flowPurityRange))
        #expect(validation(biogas(methane: 120)).contains(.flowPurityRange))
        var gas = MatchFixture.output("gas", "energy.natural-gas", Quantity(value: 10, unit: .megawattHour))
        gas.quality.methane = 90
        #expect(validation(gas) == [.flowQualityNotApplicable])
    }
}
