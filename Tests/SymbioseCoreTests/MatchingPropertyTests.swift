import PropertyBased
import SymbioseCore
import SymbioseTestSupport
import Testing

/// Invariants of the matcher, checked on random inputs.
@Suite struct MatchingPropertyTests {
    typealias F = MatchFixture

    static let releases = [
        "heat.flue-gas", "heat.warm-water", "heat.steam", "material.paper.cardboard", "material.food.beet-pulp",
        "water.wastewater.treated", "water.rain", "material.glass.cullet", "service.skills.welding",
    ]
    static let needs = [
        "heat.hot-water", "heat.steam", "material.paper.fibre", "material.feed", "water.process", "water.irrigation",
        "material.glass.raw-materials", "service.skills.welding", "material.feedstock.methanisation",
    ]

    private static func unit(for code: String) -> QuantityUnit {
        switch TaxonomyFile.builtIn[ResourceCode(code)]?.dimension {
        case .energy: .megawattHour
        case .volume: .cubicMetre
        case .duration: .hour
        default: .tonne
        }
    }

    private static func pair(
        release: String, need: String, supply: Double, demand: Double, sourceC: Double, sinkC: Double,
        supplyMonths: Int, demandMonths: Int, distanceKm: Double
    ) -> [LoadedProfile] {
        let supplyMonthList = MonthSet(rawValue: UInt16(supplyMonths)).months
        let demandMonthList = MonthSet(rawValue: UInt16(demandMonths)).months
        return [
            F.profile(
                "supplier", at: F.point(northKm: 0),
                outputs: [
                    F.output(
                        "out", ResourceCode(release), Quantity(value: supply, unit: unit(for: release)),
                        temperature: sourceC,
                        months: supplyMonthList.count == 12 ? nil : supplyMonthList)
                ]),
            F.profile(
                "receiver", at: F.point(northKm: distanceKm),
                inputs: [
                    F.input(
                        "in", ResourceCode(need), Quantity(value: demand, unit: unit(for: need)), temperature: sinkC,
                        months: demandMonthList.count == 12 ? nil : demandMonthList)
                ]),
        ]
    }

    @Test func scoresAndTermsStayWithinZeroAndOne() async {
        await propertyCheck(
            count: 300, input: Gen.element(of: Self.releases), Gen.element(of: Self.needs),
            Gen.double(in: 0.1...100_000),
            Gen.double(in: 0...500), Gen.int(in: 1...4095)
        ) { release, need, amount, temperature, months in
            guard let release, let need else { return }
            let profiles = Self.pair(
                release: release, need: need, supply: amount, demand: amount / 2, sourceC: temperature, sinkC: 60,
                supplyMonths: months, demandMonths: 4095, distanceKm: 1)
            for synergy in F.run(profiles).synergies {
                #expect((0...1).contains(synergy.score))
                #expect(synergy.terms.allSatisfy { (0...1).contains($0.value) })
                #expect(abs(synergy.terms.reduce(0) { $0 + $1.weight } - 1) < 1e-9)
            }
        }
    }

    @Test func movingTwoFirmsApartNeverRaisesTheirScore() async {
        await propertyCheck(
            count: 300, input: Gen.element(of: Self.releases), Gen.element(of: Self.needs), Gen.double(in: 0...40),
            Gen.double(in: 0...40), Gen.double(in: 1...50_000)
        ) { release, need, near, extra, amount in
            guard let release, let need else { return }
            func score(_ km: Double) -> Double {
                F.substitutions(
                    Self.pair(
                        release: release, need: need, supply: amount, demand: amount, sourceC: 200, sinkC: 60,
                        supplyMonths: 4095, demandMonths: 4095, distanceKm: km)
                ).first?.score ?? 0
            }
            #expect(score(near + extra) <= score(near) + 1e-12)
        }
    }

    @Test func addingAnUnrelatedFirmNeverChangesAnExistingPair() async {
        let strangers = [
            "service.childcare", "material.batteries", "cold.lng", "energy.hydrogen", "material.rubber.tyres",
        ]
        await propertyCheck(
            count: 200, input: Gen.element(of: Self.releases), Gen.element(of: Self.needs), Gen.element(of: strangers),
            Gen.double(in: -20...20), Gen.double(in: -20...20)
        ) { release, need, stranger, north, east in
            guard let release, let need, let stranger else { return }
            let base = Self.pair(
                release: release, need: need, supply: 1000, demand: 800, sourceC: 200, sinkC: 60, supplyMonths: 4095,
                demandMonths: 4095, distanceKm: 3)
            let third = F.profile(
                "stranger", at: F.point(northKm: north, eastKm: east),
                outputs: [F.output("x", ResourceCode(stranger), Quantity(value: 10, unit: Self.unit(for: stranger)))],
                inputs: [F.input("y", ResourceCode(stranger), Quantity(value: 10, unit: Self.unit(for: stranger)))])
            let before = F.substitutions(base).first { $0.supplier.company == "supplier" }
            let after = F.substitutions(base + [third]).first { $0.supplier.company == "supplier" }
            #expect(before?.score == after?.score)
            #expect(before?.id == after?.id)
        }
    }
}
