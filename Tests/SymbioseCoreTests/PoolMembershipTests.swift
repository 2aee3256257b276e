import SymbioseCore
import SymbioseTestSupport
import Testing

/// Who belongs to a pooling group: a collector or a heat network is an offer, not a member; a
/// group of one company's sites is internal; a shared water supply needs a source
/// (Docs/matching.md, "Pooling rules").
@Suite struct PoolMembershipTests {
    typealias F = MatchFixture

    private func site(
        _ id: String, northKm: Double, naf: String? = nil, group: String? = nil, output: Flow? = nil, input: Flow? = nil
    ) -> LoadedProfile {
        var loaded = F.profile(
            CompanyID(id), at: F.point(northKm: northKm), outputs: output.map { [$0] } ?? [],
            inputs: input.map { [$0] } ?? [])
        loaded.profile.company.naf = naf
        loaded.profile.company.group = group
        return loaded
    }

    private func cardboard(_ id: String, northKm: Double, naf: String? = nil) -> LoadedProfile {
        site(
            id, northKm: northKm, naf: naf,
            output: F.output("cardboard", "material.paper.cardboard", Quantity(value: 60, unit: .tonne)))
    }

    @Test func aSortingCentreCollectsRatherThanJoins() throws {
        let pools = F.pools([
            cardboard("a", northKm: 0), cardboard("b", northKm: 1), cardboard("sorter", northKm: 2, naf: "38.32Z"),
        ])
        let group = try #require(pools.first)
        #expect(group.members.map(\.reference.company) == ["a", "b"])
        #expect(group.offers.map(\.reference.company) == ["sorter"])
        #expect(group.flags.contains(.offerAvailable))
        let reason = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .en).reason(.pooling(group))
        #expect(reason.contains("Sorter collects it"))
    }

    @Test func aHeatNetworkSuppliesItsCustomers() throws {
        func hot(_ id: String, _ northKm: Double, naf: String? = nil) -> LoadedProfile {
            site(
                id, northKm: northKm, naf: naf,
                input: F.input(
                    "heat", "heat.hot-water", Quantity(value: 5000, unit: .megawattHour), temperature: 70,
                    medium: .water))
        }
        let pools = F.pools([hot("pool", 0), hot("hospital", 0.5), hot("network", 0.3, naf: "35.30Z")])
        let group = try #require(pools.first)
        #expect(group.members.map(\.reference.company) == ["hospital", "pool"])
        #expect(group.offers.map(\.reference.company) == ["network"])
    }

    @Test func oneGroupsSitesDoNotPoolUnlessAsked() {
        func steam(_ id: String, _ northKm: Double) -> LoadedProfile {
            site(
                id, northKm: northKm, group: "Saica",
                input: F.input("steam", "heat.steam", Quantity(value: 9000, unit: .megawattHour), temperature: 180))
        }
        let profiles = [steam("paper", 0), steam("pack", 0.2)]
        #expect(F.pools(profiles).isEmpty)
        var settings = MatchSettings.default
        settings.include = [.sameGroup]
        #expect(F.pools(profiles, settings: settings).count == 1)
    }

    @Test func aSharedWaterSupplyNeedsASource() {
        func water(_ id: String, _ northKm: Double) -> LoadedProfile {
            site(
                id, northKm: northKm,
                input: F.input("water", "water.process", Quantity(value: 50_000, unit: .cubicMetre)))
        }
        #expect(F.pools([water("a", 0), water("b", 0.3)]).isEmpty)
        let source = site(
            "plant", northKm: 1,
            output: F.output("treated", "water.wastewater.treated", Quantity(value: 100_000, unit: .cubicMetre)))
        let pools = F.pools([water("a", 0), water("b", 0.3), source])
        #expect(pools.first?.offers.map(\.reference.company) == ["plant"])
    }

    @Test func sugarFactoryLimeIsNoMethanisationFeedstock() {
        let taxonomy = TaxonomyFile.builtIn
        #expect(
            CompatibilityTable.compatibility(
                release: "material.food.lime-sludge", need: "material.feedstock.methanisation", taxonomy: taxonomy)
                == nil)
        #expect(
            CompatibilityTable.compatibility(
                release: "material.food.lime-sludge", need: "material.amendment.lime", taxonomy: taxonomy) != nil)
        #expect(
            CompatibilityTable.compatibility(
                release: "material.food.whey", need: "material.feedstock.methanisation", taxonomy: taxonomy) != nil)
    }
}
