import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct SubstitutionTests {
    typealias F = MatchFixture

    /// A heat source and a heat sink 1 km apart.
    private func heat(
        source: Double?, sink: Double?, sourceMedium: HeatMedium = .water, sinkMedium: HeatMedium = .water,
        sourceCode: String = "heat.hot-water", sinkCode: String = "heat.hot-water"
    ) -> SubstitutionSynergy? {
        F.substitutions([
            F.profile(
                "source", at: F.point(northKm: 0),
                outputs: [
                    F.output(
                        "heat", ResourceCode(sourceCode), Quantity(value: 5000, unit: .megawattHour),
                        temperature: source,
                        medium: sourceMedium)
                ]),
            F.profile(
                "sink", at: F.point(northKm: 1),
                inputs: [
                    F.input(
                        "heat", ResourceCode(sinkCode), Quantity(value: 4000, unit: .megawattHour), temperature: sink,
                        medium: sinkMedium)
                ]),
        ]).first
    }

    @Test func aHotterSourceServesDirectlyWithoutAHeatPump() throws {
        // Through a water loop: two plate exchangers of 5 K, 10 K between two liquids.
        for (source, sink) in [(100.0, 90.0), (85.0, 75.0), (160.0, 60.0)] {
            let pair = try #require(heat(source: source, sink: sink), "\(source) → \(sink)")
            #expect(pair.heatPumpCOP == nil, "\(source) → \(sink)")
            #expect(!pair.flags.contains(.heatPump) && !pair.flags.contains(.preheat), "\(source) → \(sink)")
            #expect(pair.coverage == 1)
        }
    }

    @Test func aSourceHotterByLessThanTheApproachPreheats() throws {
        // 95 °C for a 90 °C need: the stream returns at 70 °C and reaches 85 °C, three quarters
        // of the way.
        let preheat = try #require(heat(source: 95, sink: 90))
        #expect(preheat.flags.contains(.preheat))
        #expect(!preheat.flags.contains(.heatPump) && preheat.heatPumpCOP == nil)
        #expect(abs((preheat.coverage ?? 0) - 0.75) < 1e-9)
        #expect(preheat.quantity?.value == 3000)
        let direct = try #require(heat(source: 100, sink: 90))
        #expect(preheat.score < direct.score)
    }

    @Test func gasMediaNeedALargerApproach() throws {
        // Flue gas to the loop 15 K, the loop to water 5 K.
        let direct = try #require(heat(source: 110, sink: 90, sourceMedium: .flueGas, sourceCode: "heat.flue-gas"))
        #expect(!direct.flags.contains(.preheat) && !direct.flags.contains(.heatPump))
        let preheat = try #require(heat(source: 109, sink: 90, sourceMedium: .flueGas, sourceCode: "heat.flue-gas"))
        #expect(preheat.flags.contains(.preheat))
        // Barely hotter than the need: too little preheating, so a heat pump must lift it.
        let lifted = try #require(heat(source: 92, sink: 90, sourceMedium: .flueGas, sourceCode: "heat.flue-gas"))
        #expect(lifted.flags.contains(.heatPump))
    }

    @Test func heatPumpCandidateWithEstimatedCOP() throws {
        let candidate = try #require(heat(source: 40, sink: 80))
        #expect(candidate.flags.contains(.heatPump))
        // Condensing at 85 °C, evaporating at 35 °C, Carnot fraction 0.5.
        let expected = 0.5 * (85 + 273.15) / 50
        #expect(abs((candidate.heatPumpCOP ?? 0) - expected) < 1e-9)
        // The pump's electricity adds to the source's heat: 5000 × COP/(COP − 1) exceeds the need.
        #expect(candidate.quantity?.value == 4000)
        #expect(candidate.terms.first { $0.term == .quality }!.value < 1)
        // Too large a lift, or too hot a sink, is no candidate.
        #expect(heat(source: 10, sink: 90) == nil)
        #expect(heat(source: 140, sink: 160, sourceCode: "heat.steam", sinkCode: "heat.steam") == nil)
        // Estimates are capped for small lifts.
        #expect(try #require(heat(source: 40, sink: 41)).heatPumpCOP == 6)
    }

    @Test func heatWithoutTemperatureMatchesFlagged() throws {
        // `heat` has no usual range: nothing can be assumed (codes with one: AssumedTemperatureTests).
        let unknown = try #require(heat(source: nil, sink: 60, sourceCode: "heat"))
        #expect(unknown.flags.contains(.temperatureUnknown))
        let known = try #require(heat(source: 90, sink: 60))
        #expect(unknown.score < known.score)
    }

    @Test func coldFlowsTheOtherWay() {
        func cold(_ source: Double, _ sink: Double) -> SubstitutionSynergy? {
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output(
                            "c", "cold.chilled-water", Quantity(value: 100, unit: .megawattHour), temperature: source)
                    ]),
                F.profile(
                    "b", at: F.point(northKm: 0.5),
                    inputs: [
                        F.input("c", "cold.chilled-water", Quantity(value: 100, unit: .megawattHour), temperature: sink)
                    ]),
            ]).first
        }
        #expect(cold(10, 20) != nil)
        #expect(cold(11, 20) == nil)
    }

    @Test func waterGradesAreOrdered() throws {
        func water(_ release: String, _ grade: WaterGrade?, need: WaterGrade) -> SubstitutionSynergy? {
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output("w", ResourceCode(release), Quantity(value: 1000, unit: .cubicMetre)) {
                            $0.quality.waterGrade = grade
                        }
                    ]),
                F.profile(
                    "b", at: F.point(northKm: 1),
                    inputs: [
                        F.input("w", "water.process", Quantity(value: 1000, unit: .cubicMetre)) {
                            $0.quality.waterGrade = need
                        }
                    ]),
            ]).first
        }
        let clean = try #require(water("water.process", .potable, need: .process))
        #expect(!clean.flags.contains(.needsTreatment))
        let dirty = try #require(water("water.process", .treated, need: .process))
        #expect(dirty.flags.contains(.needsTreatment))
        #expect(dirty.score < clean.score)
        let dirtier = try #require(water("water.process", .raw, need: .process))
        #expect(dirtier.terms.first { $0.term == .quality }!.value < dirty.terms.first { $0.term == .quality }!.value)
        // Without a declared grade, the taxonomy's default for the code applies (treated wastewater).
        let reclaimed = try #require(water("water.wastewater.treated", nil, need: .process))
        #expect(reclaimed.flags.contains(.needsTreatment))
    }

    @Test func seasonalOverlapAcrossTheNewYear() throws {
        let synergy = try #require(
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output(
                            "pulp", "material.food.beet-pulp", Quantity(value: 400, unit: .tonne),
                            months: [11, 12, 1, 2])
                    ]),
                F.profile(
                    "b", at: F.point(northKm: 3),
                    inputs: [
                        F.input(
                            "feed", "material.feed", Quantity(value: 600, unit: .tonne), months: [12, 1, 2, 3, 4, 5])
                    ]),
            ]).first)
        #expect(synergy.months == MonthSet([12, 1, 2]))
        // 100 t of pulp a month offered (27 t of feed on dry matter, 24 % against 89 %), 100 t a
        // month needed, over three shared months.
        #expect(abs((synergy.quantity?.value ?? 0) - 300 * 0.24 / 0.89) < 1e-9)
        #expect(synergy.flags.contains(.seasonal))
        #expect(abs(synergy.terms.first { $0.term == .time }!.value - 0.5) < 1e-9)
        #expect(MonthNames.period(synergy.months, language: .en) == "December–February")
        #expect(MonthNames.period(synergy.months, language: .fr) == "de décembre à février")
        // No shared month, no synergy.
        #expect(
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output(
                            "pulp", "material.food.beet-pulp", Quantity(value: 400, unit: .tonne), months: [9, 10])
                    ]),
                F.profile(
                    "b", at: F.point(northKm: 3),
                    inputs: [F.input("feed", "material.feed", Quantity(value: 600, unit: .tonne), months: [3, 4])]),
            ]).isEmpty)
    }

    @Test func oneOffReleasesMatchNeedsWhosePeriodIncludesThem() throws {
        func run(needMonths: [Int]?, needOneOff: (Int, Int)? = nil) -> SubstitutionSynergy? {
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output(
                            "rubble", "material.construction.inert", Quantity(value: 500, unit: .tonne, per: .once)
                        ) {
                            $0.availability = .oneOff(year: 2027, month: 3)
                        }
                    ]),
                F.profile(
                    "b", at: F.point(northKm: 5),
                    inputs: [
                        F.input(
                            "fill", "material.construction.aggregates", Quantity(value: 2000, unit: .tonne),
                            months: needMonths
                        ) {
                            if let (year, month) = needOneOff {
                                $0.availability = .oneOff(year: year, month: month)
                                $0.quantity?.period = .once
                            }
                        }
                    ]),
            ]).first
        }
        let continuous = try #require(run(needMonths: nil))
        #expect(continuous.oneOff == YearMonth(year: 2027, month: 3))
        #expect(continuous.quantity == Amount(value: 500, dimension: .mass, isOneOff: true))
        #expect(continuous.flags.contains(.oneOff))
        #expect(run(needMonths: [2, 3, 4]) != nil)
        #expect(run(needMonths: [6, 7]) == nil)
        #expect(run(needMonths: nil, needOneOff: (2027, 3)) != nil)
        #expect(run(needMonths: nil, needOneOff: (2028, 3)) == nil)
    }

    @Test func quantitiesAreNormalisedAcrossUnitsAndDimensions() throws {
        // 10,000 t of steam at 0.7 MWh/t against a need in GWh.
        let steam = try #require(
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [F.output("s", "heat.steam", Quantity(value: 10000, unit: .tonne), temperature: 200)]),
                F.profile(
                    "b", at: F.point(northKm: 1),
                    inputs: [F.input("s", "heat.steam", Quantity(value: 20, unit: .gigawattHour), temperature: 150)]),
            ]).first)
        #expect(abs((steam.quantity?.value ?? 0) - 7000) < 1e-6)
        #expect(steam.quantity?.dimension == .energy)
        #expect(abs((steam.coverage ?? 0) - 0.35) < 1e-9)
        // Water in tonnes against a need in litres per day.
        let water = try #require(
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [F.output("w", "water.rain", Quantity(value: 365, unit: .tonne))]),
                F.profile(
                    "b", at: F.point(northKm: 1),
                    inputs: [F.input("w", "water.irrigation", Quantity(value: 2000, unit: .litre, per: .day))]),
            ]).first)
        #expect(abs((water.quantity?.value ?? 0) - 365) < 1e-6)
    }

    @Test func incomparableDimensionsAreADiagnosticNotAMatch() {
        let result = F.run([
            F.profile(
                "a", at: F.point(northKm: 0),
                outputs: [F.output("silo", "service.storage.silo", Quantity(value: 500, unit: .cubicMetre))]),
            F.profile(
                "b", at: F.point(northKm: 1),
                inputs: [F.input("store", "service.storage", Quantity(value: 200, unit: .squareMetre))]),
        ])
        #expect(result.synergies.allSatisfy { $0.kind != .substitution })
        #expect(result.diagnostics.contains { $0.code == .matchDimensionMismatch })
    }

    @Test func unknownQuantitiesStillMatchScoredLower() throws {
        let profiles = { (quantity: Quantity?) in
            [
                F.profile("a", at: F.point(northKm: 0), outputs: [F.output("c", "material.paper.cardboard", quantity)]),
                F.profile(
                    "b", at: F.point(northKm: 2),
                    inputs: [F.input("f", "material.paper.fibre", Quantity(value: 500, unit: .tonne))]),
            ]
        }
        let unknown = try #require(F.substitutions(profiles(nil)).first)
        #expect(unknown.flags.contains(.quantityUnknown))
        #expect(unknown.quantity == nil)
        let known = try #require(F.substitutions(profiles(Quantity(value: 500, unit: .tonne))).first)
        #expect(unknown.score < known.score)
    }

    @Test func firmsWithoutCoordinatesAreReportedAndKept() throws {
        let result = F.run([
            F.profile(
                "nowhere", at: nil,
                outputs: [F.output("c", "material.paper.cardboard", Quantity(value: 50, unit: .tonne))]),
            F.profile(
                "mill", at: F.point(northKm: 0),
                inputs: [F.input("f", "material.paper.fibre", Quantity(value: 500, unit: .tonne))]),
        ])
        let synergy = try #require(result.synergies.first)
        #expect(synergy.flags.contains(.distanceUnknown))
        #expect(result.diagnostics.contains { $0.code == .matchNoCoordinates && $0.message.hasPrefix("nowhere") })
    }

    /// A need without coordinates cannot order releases by distance: it scores the first 60 of
    /// each code in input order, not every release of the file.
    @Test func aNeedWithoutCoordinatesScoresTheFirstSixtyReleases() throws {
        var profiles = (0..<70).map { n in
            F.profile(
                CompanyID(rawValue: String(format: "s%02d", n)), at: F.point(northKm: Double(n)),
                outputs: [F.output("c", "material.paper.cardboard", Quantity(value: n == 65 ? 900 : 20, unit: .tonne))])
        }
        profiles.append(
            F.profile(
                "nowhere", at: nil,
                inputs: [F.input("f", "material.paper.cardboard", Quantity(value: 900, unit: .tonne))]))
        let found = F.substitutions(profiles).filter { $0.receiver.company == "nowhere" }
        #expect(found.count == 5)
        #expect(!found.contains { $0.supplier.company == "s65" })
        // The 60 scored, less the 5 kept.
        #expect(found.allSatisfy { $0.needCandidatesLeftOut == 55 })
        var lifted = MatchSettings.default
        lifted.candidatesPerNeed = 0
        let all = F.substitutions(profiles, settings: lifted).filter { $0.receiver.company == "nowhere" }
        #expect(all.first?.supplier.company == "s65")
    }

    @Test func selfMatchesAreExcluded() {
        #expect(
            F.substitutions([
                F.profile(
                    "loop", at: F.point(northKm: 0),
                    outputs: [F.output("c", "material.paper.cardboard", Quantity(value: 50, unit: .tonne))],
                    inputs: [F.input("f", "material.paper.fibre", Quantity(value: 500, unit: .tonne))])
            ]).isEmpty)
    }

    @Test func distanceEnvelopes() {
        func cardboard(at km: Double, settings: MatchSettings = .default, limit: Double? = nil) -> SubstitutionSynergy?
        {
            F.substitutions(
                [
                    F.profile(
                        "a", at: F.point(northKm: 0),
                        outputs: [
                            F.output("c", "material.paper.cardboard", Quantity(value: 50, unit: .tonne)) {
                                $0.maxDistanceKm = limit
                            }
                        ]),
                    F.profile(
                        "b", at: F.point(northKm: km),
                        inputs: [F.input("f", "material.paper.fibre", Quantity(value: 500, unit: .tonne))]),
                ], settings: settings
            ).first
        }
        #expect(cardboard(at: 99) != nil)
        #expect(cardboard(at: 101) == nil)
        #expect(cardboard(at: 30, limit: 20) == nil)
        var narrow = MatchSettings()
        narrow.maximumDistanceKm = 10
        #expect(cardboard(at: 12, settings: narrow) == nil)
        #expect(cardboard(at: 8, settings: narrow)?.limitKm == 10)
        // Heat: 1.5 MWh per metre of pipe a year, so 3,000 MWh pays for 2 km and 30,000 MWh for 20 km.
        func heatLink(_ mwh: Double, at km: Double) -> SubstitutionSynergy? {
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output("h", "heat.hot-water", Quantity(value: mwh, unit: .megawattHour), temperature: 95)
                    ]),
                F.profile(
                    "b", at: F.point(northKm: km),
                    inputs: [F.input("h", "heat.hot-water", Quantity(value: mwh, unit: .megawattHour), temperature: 70)]
                ),
            ]).first
        }
        #expect(heatLink(3000, at: 2.5) == nil)
        #expect(heatLink(3000, at: 1.5)?.limitKm == 2)
        #expect(heatLink(30000, at: 2.5) != nil)
        #expect(DistanceEnvelopes.default.envelopeKm(for: "energy.electricity", annualMWh: nil) == 2)
        #expect(DistanceEnvelopes.default.envelopeKm(for: "material.glass.cullet", annualMWh: nil) == 100)
    }

    @Test func materialConstraintsAreFlagged() throws {
        let synergy = try #require(
            F.substitutions([
                F.profile(
                    "a", at: F.point(northKm: 0),
                    outputs: [
                        F.output("swarf", "material.metal.swarf", Quantity(value: 50, unit: .tonne)) {
                            $0.quality.ewc = "12 01 18*"
                            $0.quality.state = .sludge
                            $0.quality.purity = 80
                            $0.quality.contaminants = ["oil"]
                        }
                    ]),
                F.profile(
                    "b", at: F.point(northKm: 2),
                    inputs: [
                        F.input("scrap", "material.metal.steel-scrap", Quantity(value: 50, unit: .tonne)) {
                            $0.quality.state = .solid
                            $0.quality.purity = 95
                        }
                    ]),
            ]).first)
        #expect(
            Set(synergy.flags).isSuperset(of: [
                .hazardous, .stateMismatch, .purityBelowNeed, .contaminants, .substitute,
            ]))
    }

    @Test func compatibilityFromTheTaxonomy() {
        let taxonomy = TaxonomyFile.builtIn
        func relation(_ release: String, _ need: String) -> Compatibility? {
            CompatibilityTable.compatibility(
                release: ResourceCode(release), need: ResourceCode(need), taxonomy: taxonomy)
        }
        #expect(relation("heat.steam", "heat.steam") == .exact)
        #expect(relation("heat.steam.low-pressure", "heat.steam") == .moreSpecific)
        #expect(relation("heat.steam", "heat.steam.low-pressure") == .lessSpecific)
        #expect(relation("material.glass.cullet", "material.glass.raw-materials")?.factor == 0.95)
        // Inherited from material.food: agri-food by-products feed a methaniser.
        if case .link(let link)? = relation("material.food.bran", "material.feedstock.methanisation") {
            #expect(link.factor == 0.75)
        } else {
            Issue.record("bran should reach methanisation through material.food's link")
        }
        // A bare category root is too vague to match.
        #expect(relation("material.glass.cullet", "material") == nil)
        #expect(relation("material.glass.cullet", "material.plastic.recycled") == nil)
        #expect(relation("heat.flue-gas", "heat.drying") == .heatTransfer)
        #expect(relation("heat.steam", "cold.positive") == nil)
    }

    @Test func rankingTiesBreakDeterministically() {
        // Two identical suppliers at the same distance: the id decides.
        let profiles = [
            F.profile(
                "b-supplier", at: F.point(northKm: 0, eastKm: 1),
                outputs: [F.output("c", "material.paper.cardboard", Quantity(value: 50, unit: .tonne))]),
            F.profile(
                "a-supplier", at: F.point(northKm: 0, eastKm: -1),
                outputs: [F.output("c", "material.paper.cardboard", Quantity(value: 50, unit: .tonne))]),
            F.profile(
                "mill", at: F.point(northKm: 0),
                inputs: [F.input("f", "material.paper.fibre", Quantity(value: 500, unit: .tonne))]),
        ]
        let ranked = F.substitutions(profiles)
        #expect(ranked.map(\.supplier.company) == ["a-supplier", "b-supplier"])
        #expect(F.substitutions(profiles.reversed()).map(\.id) == ranked.map(\.id))
    }
}

@Suite struct ScoringArithmeticTests {
    /// Flags gathered in any order are listed in their declared order, each once.
    @Test func flagSetsListFlagsInDeclaredOrder() {
        #expect(SynergyFlag.allCases.enumerated().allSatisfy { $0.element.ordinal == $0.offset })
        var all = FlagSet()
        for flag in SynergyFlag.allCases.reversed() { all.insert(flag) }
        #expect(all.listed == SynergyFlag.allCases)
        var some = FlagSet()
        for flag in [SynergyFlag.planned, .seasonal, .planned, .hazardous] { some.insert(flag) }
        #expect(some.listed == [.seasonal, .hazardous, .planned])
    }

    /// The score worked out without building terms is the terms' score to the last bit.
    @Test func scoreWithoutTermsIsTheTermsScore() {
        var random = SeededRandom(seed: 5)
        let weights = ScoreWeights(distance: 3, volume: 2, quality: 2.5, time: 1, confidence: 0.7)
        for _ in 0..<2_000 {
            let values = Scoring.Values(
                distance: random.unit() * 1.2 - 0.1, volume: random.unit(), quality: random.unit(),
                time: random.unit(), confidence: random.unit())
            let built = Scoring.score(Scoring.terms(values, weights: weights))
            #expect(Scoring.score(values, normalizedWeights: weights.normalized).bitPattern == built.bitPattern)
        }
    }
}
