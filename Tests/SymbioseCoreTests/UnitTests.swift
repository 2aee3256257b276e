import SymbioseCore
import Testing

@Suite struct UnitTests {
    private func amount(_ quantity: Quantity, months: Int = 12) -> Double {
        quantity.normalized(activeMonths: months)?.amount ?? .nan
    }

    @Test(arguments: [
        (1.0, QuantityUnit.tonne, 1.0, PhysicalDimension.mass),
        (1500, .kilogram, 1.5, .mass),
        (2, .cubicMetre, 2, .volume),
        (2500, .litre, 2.5, .volume),
        (3, .gigawattHour, 3000, .energy),
        (5000, .kilowattHour, 5, .energy),
        (36, .gigajoule, 10, .energy),
        (2, .toe, 23.26, .energy),
        (1_000_000, .thermie, 1163, .energy),
        (300, .squareMetre, 300, .area),
        (2, .day, 48, .duration),
    ])
    func normalisesToBaseUnits(value: Double, unit: QuantityUnit, expected: Double, dimension: PhysicalDimension) throws
    {
        let normalized = try #require(Quantity(value: value, unit: unit).normalized())
        #expect(abs(normalized.amount - expected) < 1e-9 * max(1, expected))
        #expect(normalized.dimension == dimension)
        #expect(!normalized.isOneOff)
    }

    @Test func powerTimesOperatingHours() throws {
        #expect(amount(Quantity(value: 4, unit: .megawatt, per: nil, hours: 8000)) == 32000)
        #expect(amount(Quantity(value: 150, unit: .kilowatt, per: nil, hours: 5000)) == 750)
        #expect(Quantity(value: 4, unit: .megawatt, per: nil).normalized() == nil)
    }

    @Test func ratesCountOnlyActiveMonths() {
        // 3,000 m³ a day during a five-month campaign.
        let campaign = amount(Quantity(value: 3000, unit: .cubicMetre, per: .day), months: 5)
        #expect(abs(campaign - 3000 * 365 * 5 / 12) < 1e-6)
        #expect(amount(Quantity(value: 10, unit: .tonne, per: .month)) == 120)
        #expect(abs(amount(Quantity(value: 7, unit: .tonne, per: .week)) - 365) < 1e-9)
        #expect(amount(Quantity(value: 1, unit: .megawattHour, per: .hour)) == 8760)
        // A yearly figure is the year's total whatever the season.
        #expect(amount(Quantity(value: 25000, unit: .tonne, per: .year), months: 5) == 25000)
    }

    @Test func oneOffStaysATotal() throws {
        let normalized = try #require(Quantity(value: 500, unit: .tonne, per: .once).normalized(activeMonths: 1))
        #expect(normalized.amount == 500)
        #expect(normalized.isOneOff)
    }

    @Test func misspelledUnitsAreSuggestedNeverAccepted() {
        #expect(QuantityUnit(rawValue: "tonnes") == nil)
        #expect(QuantityUnit.suggestion(for: "tonnes") == .tonne)
        #expect(QuantityUnit.suggestion(for: "m³") == .cubicMetre)
        #expect(QuantityUnit.suggestion(for: "mwh") == .megawattHour)
        #expect(QuantityUnit.suggestion(for: "bananas") == nil)
    }
}
