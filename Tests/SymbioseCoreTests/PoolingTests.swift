import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct PoolingTests {
    typealias F = MatchFixture

    private func cardboardSite(_ id: String, northKm: Double, eastKm: Double = 0, tonnes: Double = 30) -> LoadedProfile
    {
        F.profile(
            CompanyID(id), at: F.point(northKm: northKm, eastKm: eastKm),
            outputs: [F.output("cardboard", "material.paper.cardboard", Quantity(value: tonnes, unit: .tonne))])
    }

    @Test func nearbyFirmsWithTheSameReleaseFormAGroup() throws {
        let pools = F.pools([
            cardboardSite("a", northKm: 0), cardboardSite("b", northKm: 1), cardboardSite("c", northKm: 0, eastKm: 2),
            cardboardSite("d", northKm: 40),
        ])
        let group = try #require(pools.first)
        #expect(pools.count == 1)
        #expect(group.mode == .collection)
        #expect(group.members.map(\.reference.company) == ["a", "b", "c"])
        #expect(group.total == Amount(value: 90, dimension: .mass))
        #expect(group.threshold?.value == 100)
        #expect(group.reachesThreshold == false)
        #expect(group.flags.contains(.belowThreshold))
        #expect(group.spreadKm <= group.radiusKm)
    }

    @Test func groupsNeverChainNeighboursOfNeighbours() {
        // Nine sites 8 km apart on a line: each is close to the next, the ends are 64 km apart.
        let line = (0..<9).map { cardboardSite("s\($0)", northKm: Double($0) * 8) }
        let pools = F.pools(line)
        #expect(!pools.isEmpty)
        for group in pools {
            for member in group.members {
                #expect(member.distanceToCentreKm <= group.radiusKm + 1e-9)
            }
            #expect(group.members.count <= 4)  // 15 km around a centre holds at most four sites 8 km apart
        }
        // A firm is in at most one group per resource.
        let members = pools.flatMap { $0.members.map(\.reference.company) }
        #expect(Set(members).count == members.count)
    }

    @Test func aFirmCanBeInGroupsForDifferentResources() {
        let profiles = ["a", "b", "c"].enumerated().map { offset, id in
            F.profile(
                id, at: F.point(northKm: Double(offset)),
                outputs: [F.output("cardboard", "material.paper.cardboard", Quantity(value: 60, unit: .tonne))],
                inputs: [F.input("gas", "energy.natural-gas", Quantity(value: 5, unit: .gigawattHour))])
        }
        let pools = F.pools(profiles)
        #expect(Set(pools.map(\.mode)) == [.collection, .purchasing])
        #expect(pools.allSatisfy { $0.members.count == 3 })
        let gas = pools.first { $0.mode == .purchasing }
        #expect(gas?.reachesThreshold == true)  // 15 GWh ≥ 10 GWh
    }

    @Test func serviceRequestsAreMatchedToAnOffer() throws {
        let pools = F.pools([
            F.profile(
                "a", at: F.point(northKm: 0),
                inputs: [F.input("lift", "service.equipment.forklift", Quantity(value: 100, unit: .hour))]),
            F.profile(
                "b", at: F.point(northKm: 2),
                inputs: [F.input("lift", "service.equipment.forklift", Quantity(value: 50, unit: .hour))]),
            F.profile(
                "rental", at: F.point(northKm: 1, eastKm: 3),
                outputs: [F.output("lift", "service.equipment.forklift", Quantity(value: 500, unit: .hour))]),
        ])
        let group = try #require(pools.first)
        #expect(group.mode == .sharedService)
        #expect(group.offers.map(\.reference.company) == ["rental"])
        #expect(group.flags.contains(.offerAvailable))
        let alone = try #require(
            F.pools([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    inputs: [F.input("lift", "service.equipment.forklift", Quantity(value: 100, unit: .hour))]),
                F.profile(
                    "b", at: F.point(northKm: 2),
                    inputs: [F.input("lift", "service.equipment.forklift", Quantity(value: 50, unit: .hour))]),
            ]).first)
        #expect(alone.flags.contains(.noOffer))
        #expect(alone.score < group.score)
    }

    @Test func minimumMembersAndRadiusAreOverridable() {
        let sites = (0..<3).map { cardboardSite("s\($0)", northKm: Double($0) * 2) }
        var settings = MatchSettings()
        settings.minimumMembers = 4
        #expect(F.pools(sites, settings: settings).isEmpty)
        settings = MatchSettings()
        settings.poolingRadiusKm = 0.5
        #expect(F.pools(sites, settings: settings).isEmpty)
    }

    @Test func groupsHoldAtMostTheLargestSize() {
        let crowd = (0..<80).map {
            cardboardSite("c\($0)", northKm: Double($0 % 9) * 0.1, eastKm: Double($0 / 9) * 0.1)
        }
        let pools = F.pools(crowd)
        #expect(pools.map(\.members.count).max() == 50)
        #expect(pools.map(\.members.count).reduce(0, +) == 80)
        var unlimited = MatchSettings()
        unlimited.maximumGroupSize = 0
        #expect(F.pools(crowd, settings: unlimited).map(\.members.count) == [80])
    }

    @Test func modesFollowDirectionAndCategory() {
        func mode(_ direction: FlowDirection, _ code: String) -> PoolingMode? {
            PoolingMatcher.mode(of: .init(Flow(id: "f", direction: direction, resource: ResourceCode(code))))
        }
        #expect(mode(.input, "energy.electricity") == .purchasing)
        #expect(mode(.input, "service.purchasing.energy") == .purchasing)
        #expect(mode(.input, "heat.hot-water") == .sharedUtility)
        #expect(mode(.output, "material.paper.cardboard") == .collection)
        #expect(mode(.output, "material.food.whey") == .sharedTreatment)
        #expect(mode(.output, "water.wastewater.industrial") == .sharedTreatment)
        #expect(mode(.input, "service.skills.welding") == .sharedService)
        #expect(mode(.input, "service.collection.hazardous") == .collection)
        #expect(mode(.output, "heat.flue-gas") == nil)
        #expect(mode(.output, "service.skills.welding") == nil)
    }
}

@Suite struct RankingTests {
    typealias F = MatchFixture

    private var territory: [LoadedProfile] {
        [
            F.profile(
                "glassworks", at: F.point(northKm: 0),
                outputs: [
                    F.output(
                        "flue", "heat.flue-gas", Quantity(value: 20000, unit: .megawattHour), temperature: 400,
                        medium: .flueGas)
                ]),
            F.profile(
                "network", at: F.point(northKm: 3),
                inputs: [
                    F.input("heat", "heat.hot-water", Quantity(value: 15000, unit: .megawattHour), temperature: 90)
                ]),
            F.profile(
                "sorter", at: F.point(northKm: 1, eastKm: 1),
                outputs: [F.output("cullet", "material.glass.cullet", Quantity(value: 5000, unit: .tonne))]),
            F.profile(
                "bottler", at: F.point(northKm: 30),
                inputs: [F.input("cullet", "material.glass.cullet", Quantity(value: 50000, unit: .tonne))]),
            F.profile(
                "p1", at: F.point(northKm: 2),
                outputs: [F.output("c", "material.paper.cardboard", Quantity(value: 80, unit: .tonne))]),
            F.profile(
                "p2", at: F.point(northKm: 2.5),
                outputs: [F.output("c", "material.paper.cardboard", Quantity(value: 40, unit: .tonne))]),
        ]
    }

    @Test func filtersAndSorts() {
        let pipeline = MatchPipeline(taxonomy: TaxonomyFile.builtIn)
        let all = pipeline.run(territory).synergies
        #expect(all.count == 3)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.score >= $1.score })
        // The list of both kinds and the two lists apart rank alike, filter and sort included.
        let substitutions = all.compactMap { if case .substitution(let s) = $0 { s } else { nil } }
        let pools = all.compactMap { if case .pooling(let p) = $0 { p } else { nil } }
        func rank(_ ranker: Ranker) -> [Synergy] {
            let ranked = ranker.rank(all)
            #expect(ranker.rank(substitutions, pools).map(\.id) == ranked.map(\.id))
            return ranked
        }
        var filter = SynergyFilter()
        filter.kinds = [.pooling]
        #expect(rank(Ranker(filter: filter)).map(\.kind) == [.pooling])
        filter = SynergyFilter()
        filter.categories = [.heat]
        #expect(rank(Ranker(filter: filter)).count == 1)
        filter = SynergyFilter()
        filter.company = "bottler"
        #expect(rank(Ranker(filter: filter)).map(\.id) == ["sorter.cullet>bottler.cullet"])
        filter = SynergyFilter()
        filter.resource = "material.glass"
        #expect(rank(Ranker(filter: filter)).count == 1)
        filter = SynergyFilter()
        filter.minimumScore = 0.99
        #expect(rank(Ranker(filter: filter)).isEmpty)
        let byDistance = rank(Ranker(sort: .distance))
        #expect(zip(byDistance, byDistance.dropFirst()).allSatisfy { $0.rankingDistanceKm <= $1.rankingDistanceKm })
        let byVolume = rank(Ranker(sort: .volume))
        #expect(zip(byVolume, byVolume.dropFirst()).allSatisfy { $0.volumeTerm >= $1.volumeTerm })
    }

    @Test func weightsAreParsedAndNormalised() throws {
        let weights = try #require(ScoreWeights(parsing: "distance=2,volume=2,quality=0,time=0,confidence=0"))
        #expect(weights.normalized.distance == 0.5)
        #expect(ScoreWeights(parsing: "distance=-1") == nil)
        #expect(ScoreWeights(parsing: "speed=1") == nil)
        #expect(ScoreWeights(parsing: "volume=0.5")?.distance == 0.3)
        var settings = MatchSettings()
        settings.weights = weights
        let synergy = try #require(MatchFixture.run(territory, settings: settings).synergies.first)
        let expected = synergy.terms.reduce(0) { $0 + $1.weight * $1.value }
        #expect(abs(synergy.score - expected) < 1e-12)
        #expect(synergy.terms.first { $0.term == .quality }?.weight == 0)
    }

    @Test func runsAreDeterministicWhateverTheInputOrder() {
        let pipeline = MatchPipeline(taxonomy: TaxonomyFile.builtIn)
        let first = pipeline.run(territory).synergies
        let again = pipeline.run(territory).synergies
        let reversed = pipeline.run(territory.reversed()).synergies
        #expect(first.map(\.id) == again.map(\.id))
        #expect(first.map(\.id) == reversed.map(\.id))
        #expect(first.map(\.score) == reversed.map(\.score))
    }

    @Test func threadsDoNotChangeTheResult() {
        let generated = TerritoryGenerator(sites: 600, seed: 3).generate().map { TestSupport.loaded($0) }
        var settings = MatchSettings()
        settings.threads = 1
        let alone = MatchPipeline(taxonomy: TaxonomyFile.builtIn, settings: settings).run(generated).synergies
        for threads in [2, 3, 8] {
            settings.threads = threads
            let split = MatchPipeline(taxonomy: TaxonomyFile.builtIn, settings: settings).run(generated).synergies
            #expect(split == alone, "\(threads) threads")
        }
        #expect(alone.count > 100)
    }

    @Test func invalidProfilesAreLeftOutAndSaidSo() {
        let profiles = territory
        let error = Diagnostic.error(
            .profileUnknownResource, LocalizedText(en: "bad", fr: "mauvais"),
            at: SourceLocation(file: "bottler.json", line: 3))
        let result = MatchPipeline(taxonomy: TaxonomyFile.builtIn).run(profiles, validation: [error])
        #expect(!result.synergies.contains { $0.companies.contains("bottler") })
        #expect(result.diagnostics.contains { $0.code == .matchExcludedProfile && $0.message.hasPrefix("bottler") })
        #expect(MatchPipeline.path("$.profiles[1].outputs[0]", isWithin: "$.profiles[1]"))
        #expect(!MatchPipeline.path("$.profiles[10]", isWithin: "$.profiles[1]"))
    }

    @Test func reasonsReadInBothLanguages() throws {
        let synergy = try #require(MatchFixture.run(territory).synergies.first { $0.category == .heat })
        let english = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .en).reason(synergy)
        #expect(
            english.hasPrefix(
                "Glassworks's flue gas heat at 400 °C can cover 100 % of Network's hot water at 90 °C need (15,000 MWh/year), 3 km away, all year."
            ))
        let french = ReasonWriter(taxonomy: TaxonomyFile.builtIn, language: .fr).reason(synergy)
        #expect(
            french.hasPrefix(
                "La ressource «\u{00A0}chaleur des fumées à 400 °C\u{00A0}» de Glassworks peut couvrir 100\u{00A0}% du besoin «\u{00A0}eau chaude à 90 °C\u{00A0}» de Network (15\u{202F}000 MWh/an), à 3 km, toute l'année."
            ))
    }

    @Test func numbersAreFormattedForTheLanguage() {
        #expect(NumberFormatting.format(12345.6, decimals: 1, language: .fr) == "12\u{202F}345,6")
        #expect(NumberFormatting.format(12345.6, decimals: 1, language: .en) == "12,345.6")
        #expect(NumberFormatting.format(-1234567, language: .en) == "-1,234,567")
        #expect(NumberFormatting.format(0.5, decimals: 2, language: .fr) == "0,5")
        #expect(NumberFormatting.format(999.996, decimals: 2, language: .en) == "1,000")
        // Whole numbers of every size keep their exact digits, past 2^53 and past 2^63.
        #expect(NumberFormatting.format(0, language: .en) == "0")
        #expect(NumberFormatting.format(-0.4, language: .en) == "0")
        #expect(NumberFormatting.format(123_456_789_012_345_678, language: .en) == "123,456,789,012,345,680")
        #expect(NumberFormatting.format(1e19, language: .en) == "10,000,000,000,000,000,000")
        #expect(NumberFormatting.format(9.2e18, language: .en) == "9,200,000,000,000,000,000")
    }
}
