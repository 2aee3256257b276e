import SymbioseCore
import SymbioseTestSupport
import Testing

/// Tonnes of wet by-products and of weak fuels are weighed on dry matter or heating value, not
/// one for one (Docs/matching.md, "Tonnes that are not worth tonnes").
@Suite struct EquivalenceTests {
    typealias F = MatchFixture

    private func pair(
        release: ResourceCode, _ tonnes: Double, need: ResourceCode, _ wanted: Double
    ) throws -> (SubstitutionSynergy, SynergyImpact) {
        let profiles = [
            F.profile(
                "supplier", at: F.point(northKm: 0),
                outputs: [F.output("release", release, Quantity(value: tonnes, unit: .tonne))]),
            F.profile(
                "receiver", at: F.point(northKm: 10),
                inputs: [F.input("need", need, Quantity(value: wanted, unit: .tonne))]),
        ]
        let synergy = try #require(F.substitutions(profiles).first)
        let calculator = ImpactCalculator(
            profiles: profiles.map(\.profile), taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn)
        return (synergy, calculator.impact(of: synergy))
    }

    @Test func pressedBeetPulpIsCountedOnDryMatterAgainstFeed() throws {
        // 1,000 t of pulp at 24 % dry matter hold 240 t of dry matter: 270 t of feed at 89 %.
        let (synergy, impact) = try pair(release: "material.food.beet-pulp", 1000, need: "material.feed", 1000)
        let equivalence = try #require(synergy.equivalence)
        #expect(equivalence.basis == .dryMatter)
        #expect(abs(equivalence.ratio - 0.24 / 0.89) < 1e-9)
        #expect(abs((synergy.quantity?.value ?? 0) - 1000 * 0.24 / 0.89) < 1e-6)
        #expect(abs((synergy.coverage ?? 0) - 0.24 / 0.89) < 1e-9)
        // All 1,000 wet tonnes travel: 1,000 t × 10 km × 1.3 detour.
        #expect(abs((impact.tonneKm ?? 0) - 13_000) < 1)
        let text = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .en).reason(.substitution(synergy))
        #expect(text.contains("Counted on dry matter: 1 t of beet pulp (24 %) counts as 0.27 t of animal feed (89 %)"))
    }

    @Test func paperSludgeIsCountedOnHeatingValueAgainstWoodChips() throws {
        // 6,000 t at 0.46 MWh/t hold 2,760 MWh: 862.5 t of chips at 3.2 MWh/t.
        let (synergy, _) = try pair(
            release: "material.paper.sludge", 6000, need: "energy.biomass.wood-chips", 6000)
        #expect(synergy.equivalence?.basis == .heatingValue)
        #expect(abs((synergy.quantity?.value ?? 0) - 862.5) < 1e-6)
    }

    @Test func sugarFactoryLimeIsCountedOnNeutralisingValueAgainstAgriculturalLime() throws {
        // 1,000 t of factory lime at 0.24 t CaO/t neutralise as much as 480 t of ground
        // limestone at 0.50: its dry matter is not the basis, its active content is.
        let (synergy, _) = try pair(release: "material.food.lime-sludge", 1000, need: "material.amendment.lime", 1000)
        let equivalence = try #require(synergy.equivalence)
        #expect(equivalence.basis == .neutralisingValue)
        #expect(abs((synergy.quantity?.value ?? 0) - 480) < 1e-6)
        let french = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .fr).reason(.substitution(synergy))
        #expect(french.contains("Compté en valeur neutralisante : 1 t d'écumes de sucrerie (0,24 t CaO/t) vaut 0,48 t"))
    }

    @Test func manureIsCountedOnNitrogenAgainstOrganicFertiliser() throws {
        // 1,000 t of manure at 7 kg N/t bring 7 t of nitrogen: 1,400 t of the reference organic
        // fertiliser at 5 kg N/t, capped by a need of 2,000 t.
        let (synergy, impact) = try pair(
            release: "material.agri.manure", 1000, need: "material.amendment.organic-fertiliser", 2000)
        let equivalence = try #require(synergy.equivalence)
        #expect(equivalence.basis == .nitrogen)
        #expect(abs((synergy.quantity?.value ?? 0) - 1400) < 1e-6)
        // The credit is on the fertiliser replaced, the haul on the manure's own tonnes.
        #expect(abs((impact.tonneKm ?? 0) - 13_000) < 1)
        let french = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .fr).reason(.substitution(synergy))
        #expect(
            french.contains("Compté en azote : 1 t de fumier (7 kg N/t) vaut 1,4 t de fertilisant organique (5 kg N/t)")
        )
    }

    @Test func tonnesCountOneForOneWithoutDeclaredValues() throws {
        let (synergy, _) = try pair(
            release: "material.food.potato-peel", 1000, need: "material.feedstock.methanisation", 1000)
        #expect(synergy.equivalence == nil)
        #expect(synergy.quantity?.value == 1000)
    }
}
