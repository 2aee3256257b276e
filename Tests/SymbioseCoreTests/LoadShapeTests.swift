import SymbioseCore
import SymbioseTestSupport
import Testing

/// Needs that peak in winter, against sources that run flat.
@Suite struct LoadShapeTests {
    typealias F = MatchFixture

    /// A 4,000 MWh/yr source at 120 °C, flat all year, 1 km from a 4,000 MWh/yr need at 80 °C.
    private func territory(need code: ResourceCode, shares: [Double]? = nil, km: Double = 1) -> [LoadedProfile] {
        [
            F.profile(
                "plant", at: F.point(northKm: 0),
                outputs: [
                    F.output("heat", "heat.hot-water", Quantity(value: 4_000, unit: .megawattHour), temperature: 120)
                ]
            ),
            F.profile(
                "network", at: F.point(northKm: km),
                inputs: [
                    F.input("heat", code, Quantity(value: 4_000, unit: .megawattHour), temperature: 80) { flow in
                        flow.monthShares = shares
                    }
                ]),
        ]
    }

    /// What a flat 333 MWh a month covers of the degree-day shape, month by month.
    private var flatAgainstHeating: Double {
        let wanted = LoadShape.heating.shares(over: .all).map { $0 * 4_000 }
        return wanted.reduce(0) { $0 + min($1, 4_000.0 / 12) }
    }

    @Test func aFlatSourceDoesNotCoverAWinterPeak() throws {
        let pair = try #require(F.substitutions(territory(need: "heat.network")).first)
        let expected = flatAgainstHeating
        #expect(abs((pair.quantity?.value ?? 0) - expected) < 1e-6)
        #expect((pair.coverage ?? 1) < 0.7)
        // The same need declared evenly is covered in full.
        let even = try #require(F.substitutions(territory(need: "heat.hot-water")).first)
        #expect(even.coverage == 1)
    }

    @Test func thePlanAllocatesMonthByMonth() throws {
        let profiles = territory(need: "heat.space-heating")
        let result = F.run(profiles)
        let (plan, _) = TestSupport.plan(result, profiles: profiles.map(\.profile))
        let allocated = plan.optimal.allocations.reduce(0) { $0 + ($1.synergy.quantity?.value ?? 0) }
        #expect(allocated > 0)
        #expect(allocated <= flatAgainstHeating + 1e-6)
        #expect(allocated < 4_000 * 0.7)
    }

    @Test func aDeclaredShapeWins() throws {
        // All of the need in January: the flat source gives it a twelfth of its year (333 MWh,
        // which pays for a short pipe only).
        var january = [Double](repeating: 0, count: 12)
        january[0] = 1
        let pair = try #require(F.substitutions(territory(need: "heat.hot-water", shares: january, km: 0.2)).first)
        #expect(abs((pair.quantity?.value ?? 0) - 4_000.0 / 12) < 1e-6)
    }

    @Test func sharesFollowTheMonthsAFlowRuns() {
        let winter = MonthSet([11, 12, 1, 2])
        let shares = LoadShape.heating.shares(over: winter)
        #expect(abs(shares.reduce(0, +) - 1) < 1e-12)
        #expect(shares[5] == 0 && shares[0] > shares[10])
        #expect(LoadShape([1, 2]) == nil)
        #expect(LoadShape([Double](repeating: 0, count: 12)) == nil)
        #expect(LoadShape([Double](repeating: -1, count: 12)) == nil)
        let total = LoadShape.heating.weights.reduce(0, +)
        #expect(total > 2_500 && total < 2_560)
    }
}
