import SymbioseCore
import SymbioseTestSupport
import Testing

/// The supplier's side of the counterfactual: what its release would do without the synergy,
/// read from the flow's declared outlet (Docs/impacts.md).
@Suite struct SupplierOutletTests {
    typealias F = MatchFixture

    private func impact(
        _ resource: ResourceCode, need: ResourceCode, configure: @escaping (inout Flow) -> Void
    ) throws -> SynergyImpact {
        let profiles = [
            F.profile(
                "supplier", at: F.point(northKm: 0),
                outputs: [F.output("release", resource, Quantity(value: 500, unit: .tonne), configure: configure)]),
            F.profile(
                "receiver", at: F.point(northKm: 10),
                inputs: [F.input("need", need, Quantity(value: 500, unit: .tonne))]),
        ]
        let calculator = ImpactCalculator(
            profiles: profiles.map(\.profile), taxonomy: TaxonomyFile.builtIn, factors: FactorsFile.builtIn)
        let synergy = try #require(F.substitutions(profiles).first)
        return calculator.impact(of: synergy)
    }

    private func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= 1e-4 * max(1, abs(expected))
    }

    @Test func aWasteThatNamesNoOutletTakesItsUsualRoute() throws {
        let result = try impact("material.paper.cardboard", need: "material.paper.fibre") { $0.status = .waste }
        #expect(close(result.avoidedDisposalKg, 500 * 20))  // incineration, the usual route
        #expect(result.rates.factors.contains("disposal.paper-incineration"))
        #expect(result.rates.recovered == nil)
    }

    @Test func aDeclaredLandfillOutletPricesLandfill() throws {
        let result = try impact("material.paper.cardboard", need: "material.paper.fibre") { flow in
            flow.status = .waste
            flow.outlet = .landfill
        }
        #expect(close(result.avoidedDisposalKg, 500 * 1000))
        #expect(result.rates.factors.contains("disposal.landfill.paper-wood"))
        #expect(!result.rates.factors.contains("disposal.paper-incineration"))
    }

    @Test func anAlreadyRecycledWasteAvoidsNoDisposalButItsCostStillCounts() throws {
        let result = try impact("material.paper.cardboard", need: "material.paper.fibre") { flow in
            flow.status = .waste
            flow.outlet = .recycling
            flow.disposalCost = Cost(value: 30, per: .tonne)
        }
        #expect(result.avoidedDisposalKg == 0)
        #expect(result.rates.recovered == .recycling)
        #expect(!result.rates.gaps.contains(.noDisposalFactor))
        // The firm pays its recycler 30 €/t today; giving the cardboard away saves that.
        #expect(close(result.disposalSavedEUR, 500 * 30))
        // Only the haulage difference is left on the receiver's side.
        #expect(close(result.netKg, 500 * 139 * 0.096 - 6500 * 0.096))
    }

    @Test func aByProductAlreadySoldSavesNothingOnTheSupplierSide() throws {
        let result = try impact("material.paper.cardboard", need: "material.paper.fibre") { flow in
            flow.status = .byProduct
            flow.outlet = .sold
            flow.disposalCost = Cost(value: 30, per: .tonne)
        }
        #expect(result.avoidedDisposalKg == 0)
        #expect(result.disposalSavedEUR == nil)
        #expect(result.rates.recovered == .sold)
    }

    @Test func aByProductLandfilledTodayIsCreditedWithThatLandfill() throws {
        let result = try impact("material.food.potato-peel", need: "material.feedstock.methanisation") { flow in
            flow.status = .byProduct
            flow.outlet = .landfill
        }
        #expect(result.rates.factors.contains("disposal.landfill.organic"))
        #expect(close(result.avoidedDisposalKg, 500 * 600))
    }

    @Test func anOutletWithoutAFactorForTheResourceIsAGap() throws {
        // No built-in factor prices glass sent to anaerobic digestion.
        let result = try impact("material.glass.cullet", need: "material.glass.raw-materials") { flow in
            flow.status = .waste
            flow.outlet = .anaerobicDigestion
        }
        #expect(result.avoidedDisposalKg == nil)
        #expect(result.rates.gaps.contains(.noDisposalFactor))
    }

    @Test func anOutletOnANeedIsAnError() {
        var need = F.input("need", "material.paper.fibre", Quantity(value: 1, unit: .tonne))
        need.outlet = .landfill
        let diagnostics = ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate([
            F.profile("receiver", at: F.point(northKm: 0), inputs: [need])
        ])
        #expect(diagnostics.contains { $0.code == .profileStatusOnInput && $0.text.en.hasPrefix("outlet") })
    }

    @Test func aFactorFileChecksOutlets() {
        let text = """
            {"schema": "symbiose/factors@1", "version": "x", "factors": [
              {"id": "a", "role": "avoided-disposal", "outlet": "recycling", "resources": ["material.paper"],
               "value": 1, "unit": "kgCO2e/t", "name": {"en": "a", "fr": "a"}, "source": "s", "year": 2020,
               "estimate": true},
              {"id": "b", "role": "electricity-price", "outlet": "landfill", "value": 1, "unit": "EUR/MWh",
               "name": {"en": "b", "fr": "b"}, "source": "s", "year": 2020, "estimate": true},
              {"id": "c", "role": "avoided-disposal", "outlet": "landfill", "usual": false,
               "resources": ["material.glass"], "value": 7, "unit": "kgCO2e/t", "name": {"en": "c", "fr": "c"},
               "source": "s", "year": 2020, "estimate": true}
            ]}
            """
        let contents = FactorsFile.decode(Array(text.utf8), file: "f.json", taxonomy: TaxonomyFile.builtIn)
        let invalid = contents.diagnostics.filter { $0.code == .factorsInvalid }
        #expect(invalid.count == 2, "\(contents.diagnostics.map(\.rendered))")
        let merged = FactorsFile.builtIn.merging(contents.factors, version: "x")
        #expect(merged.disposal(for: "material.glass.cullet", outlet: .landfill)?.id == "c")
        // Not the usual route: a glass waste that names no outlet keeps the built-in one.
        #expect(merged.disposal(for: "material.glass.cullet")?.id == "disposal.inert-landfill")
    }
}
