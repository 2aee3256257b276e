import SymbioseCore
import SymbioseTestSupport
import Testing

/// Three synergies worked by hand with the built-in factors (Docs/impacts.md gives the figures).
@Suite struct ImpactTests {
    typealias F = MatchFixture

    private func impact(_ profiles: [LoadedProfile], mode: TransportMode = .road) throws -> SynergyImpact {
        let plain = profiles.map(\.profile)
        let calculator = ImpactCalculator(
            profiles: plain, taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn, mode: mode)
        let synergy = try #require(F.substitutions(profiles).first)
        return calculator.impact(of: synergy)
    }

    /// Compares within 0.01 % (the distances come from coordinates).
    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-4 * max(1, abs(expected))
    }

    @Test func heatByPipe() throws {
        // 4,000 MWh of hot water, 2 km apart: 2.6 km of pipe.
        let result = try impact([
            F.profile(
                "source", at: F.point(northKm: 0),
                outputs: [
                    F.output("heat", "heat.hot-water", Quantity(value: 5000, unit: .megawattHour), temperature: 90)
                ]),
            F.profile(
                "sink", at: F.point(northKm: 2),
                inputs: [F.input("heat", "heat.hot-water", Quantity(value: 4000, unit: .megawattHour), temperature: 70)]
            ),
        ])
        #expect(result.rates.carrier == .pipe)
        #expect(close(result.rates.networkKm, 2.6))
        // Losses 2 %/km × 2.6 km = 5.2 %; gas boiler heat 252 kg/MWh on the 94.8 % delivered.
        #expect(close(result.avoidedProductionKg, 4000 * 0.948 * 252))  // 955,584 kg
        // Pumping 0.005 MWh/MWh·km × 2.6 km × 52 kg/MWh × 4,000 MWh.
        #expect(close(result.transportKg, 4000 * 0.013 * 52))  // 2,704 kg
        #expect(close(result.netKg, 952_880))
        #expect(result.netEUR == nil)  // no price declared
    }

    private func cardboard(mode: TransportMode) throws -> SynergyImpact {
        try impact(
            [
                F.profile(
                    "mill", at: F.point(northKm: 0),
                    outputs: [
                        F.output("card", "material.paper.cardboard", Quantity(value: 500, unit: .tonne)) { flow in
                            flow.status = .waste
                            flow.disposalCost = Cost(value: 80, per: .tonne)
                        }
                    ]),
                F.profile(
                    "board", at: F.point(northKm: 10),
                    inputs: [
                        F.input("fibre", "material.paper.fibre", Quantity(value: 500, unit: .tonne)) { flow in
                            flow.price = Cost(value: 120, per: .tonne)
                        }
                    ]),
            ], mode: mode)
    }

    @Test func recycledForRecycledSavesOnlyTheHaul() throws {
        let result = try cardboard(mode: .road)
        #expect(result.rates.carrier == .road)
        // 500 t over 10 km × 1.3 = 6,500 t·km.
        #expect(close(result.tonneKm, 6500))
        // The board mill buys recovered fibre either way: no virgin fibre is avoided, only the
        // usual 139 km haul from the fibre's market source (0.096 kg/t·km by road).
        #expect(result.avoidedProductionKg == nil)
        #expect(close(result.avoidedHaulKg, 500 * 139 * 0.096))  // 6,672 kg
        #expect(close(result.avoidedDisposalKg, 10_000))  // incineration 20 kg/t
        #expect(close(result.transportKg, 624))  // 6,500 × 0.096
        #expect(close(result.netKg, 6_672 + 10_000 - 624))
        // The fibre's price is a market price paid either way: not a saving. The supplier saves
        // 80 €/t of disposal; the usual haul (0.10 €/t·km) is saved, this one's is spent.
        #expect(result.purchaseSavedEUR == nil)
        #expect(close(result.netEUR, 40_000 + 6_950 - 650))
        #expect(result.rates.factors.contains("haul.secondary-market"))
    }

    @Test func materialByBarge() throws {
        let result = try cardboard(mode: .barge)
        #expect(result.rates.carrier == .barge)
        #expect(close(result.transportKg, 292.5))  // 6,500 × 0.045
        #expect(close(result.netKg, 6_672 + 10_000 - 292.5))
        #expect(close(result.netEUR, 40_000 + 6_950 - 195))  // 6,500 × 0.03
        #expect(result.rates.factors.contains("transport.barge"))
    }

    @Test func aVirginNeedIsCreditedWithItsProduction() throws {
        // Cullet for glass batch materials: the glassworks no longer melts virgin batch.
        let result = try impact([
            F.profile(
                "sorter", at: F.point(northKm: 0),
                outputs: [F.output("cullet", "material.glass.cullet", Quantity(value: 1000, unit: .tonne))]),
            F.profile(
                "glassworks", at: F.point(northKm: 5),
                inputs: [F.input("batch", "material.glass.raw-materials", Quantity(value: 1000, unit: .tonne))]),
        ])
        #expect(result.avoidedHaulKg == nil)
        #expect((result.avoidedProductionKg ?? 0) > 100_000)
        #expect(TaxonomyFile.builtIn.isSecondary("material.glass.cullet"))
        #expect(TaxonomyFile.builtIn.isSecondary("material.metal.steel-scrap"))
        #expect(!TaxonomyFile.builtIn.isSecondary("material.glass.raw-materials"))
    }

    /// A code is secondary when it or its nearest parent declaring so is; codes the taxonomy
    /// does not know follow their parents too, and an override changes its children.
    @Test func secondaryMaterialsFollowTheirParents() {
        func entry(_ code: ResourceCode, secondary: Bool) -> ResourceEntry {
            var entry = ResourceEntry(code: code, label: LocalizedText(en: "x", fr: "x"), dimension: .mass)
            entry.secondary = secondary
            return entry
        }
        let taxonomy = Taxonomy(
            version: "t",
            entries: [entry("material.scrap", secondary: true), entry("material.scrap.steel", secondary: false)])
        #expect(taxonomy.isSecondary("material.scrap.steel"))
        #expect(taxonomy.isSecondary("material.scrap.steel.rebar"))
        #expect(!taxonomy.isSecondary("material"))
        let merged = taxonomy.merging([entry("material.scrap", secondary: false)])
        #expect(!merged.isSecondary("material.scrap.steel"))
        #expect(!merged.isSecondary("material.scrap.steel.rebar"))
        #expect(taxonomy.isSecondary("material.scrap.steel"))
    }

    @Test func builtInFactorsResolveToTaxonomyCodesOfTheRightDimension() {
        let factors = FactorsFile.builtIn
        #expect(factors.all.count >= 40)
        for factor in factors.all {
            // Every built-in source reads in both languages, the French one written for French readers.
            #expect(!factor.source.en.isEmpty && !factor.source.fr.isEmpty)
            #expect(factor.source.fr != factor.source.en, "\(factor.id)")
            #expect((1990...2030).contains(factor.year))
        }
        #expect(factors.production(for: "heat.steam.low-pressure")?.id == "production.heat.gas-boiler")
        #expect(factors.disposal(for: "water.wastewater.treated")?.value == 0)
    }

    @Test func aFaultyFactorFileIsLocated() {
        let text = """
            {"schema": "symbiose/factors@1", "version": "x", "factors": [
              {"id": "p", "role": "avoided-production", "resources": ["heat"], "value": 1, "unit": "kgCO2e/t",
               "name": {"en": "a", "fr": "a"}, "source": "s", "year": 2020, "estimate": true},
              {"id": "q", "role": "avoided-production", "resources": ["material.nope"], "value": 1, "unit": "kgCO2e/t",
               "name": {"en": "a", "fr": "a"}, "source": "s", "year": 2020, "estimate": true},
              {"id": "r", "role": "transport-emissions", "value": 1, "unit": "kgCO2e/t.km",
               "name": {"en": "a", "fr": "a"}, "source": "s", "year": 2020, "estimate": true}
            ]}
            """
        let contents = FactorsFile.decode(Array(text.utf8), file: "f.json", taxonomy: TaxonomyFile.builtIn)
        let codes = contents.diagnostics.map(\.code)
        #expect(codes.contains(.factorsUnitMismatch))
        #expect(codes.contains(.factorsUnknownResource))
        #expect(codes.contains(.factorsInvalid))
        let mismatch = contents.diagnostics.first { $0.code == .factorsUnitMismatch }
        #expect(mismatch?.location?.line == 2)
        #expect(contents.factors.isEmpty)
    }
}
