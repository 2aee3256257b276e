import Foundation
import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct GeneratorTests {
    @Test func theSameSeedGivesTheSameTerritory() {
        let a = TerritoryGenerator(sites: 300, seed: 42).generate()
        let b = TerritoryGenerator(sites: 300, seed: 42).generate()
        let c = TerritoryGenerator(sites: 300, seed: 43).generate()
        #expect(a == b)
        #expect(a != c)
    }

    @Test func aThousandSitesValidate() {
        let profiles = TerritoryGenerator(sites: 1000, seed: 1).generate()
        let diagnostics = ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate(
            profiles.map { TestSupport.loaded($0) })
        #expect(!diagnostics.containsErrors)
        #expect(
            Set(diagnostics.map(\.code)).isSubset(of: [
                .flowMissingQuantity, .profileMissingCoordinates, .profileNoFlows,
            ]))
    }

    @Test func statisticsLookLikeATerritory() throws {
        let count = 3000
        let profiles = TerritoryGenerator(sites: count, seed: 7).generate()
        // Sector mix follows the weights.
        let weights = Dictionary(uniqueKeysWithValues: SectorArchetype.all.map { ($0.naf, $0.weight) })
        let total = weights.values.reduce(0, +)
        let observed = Dictionary(grouping: profiles, by: { $0.company.naf ?? "" }).mapValues(\.count)
        for (naf, weight) in weights {
            let expected = Double(count) * weight / total
            guard expected >= 50 else { continue }
            #expect(abs(Double(observed[naf] ?? 0) - expected) < 4 * expected.squareRoot(), "\(naf)")
        }
        // Clustered, not uniform: the mean nearest-neighbour distance is well below the
        // 0.5·√(area/n) of uniformly scattered points.
        let points = profiles.compactMap(\.site.point)
        let grid = SpatialGrid(points.enumerated().map { ($0.element, $0.offset) }, cellKm: 2)
        var sum = 0.0
        for (offset, point) in points.enumerated() {
            let nearest = grid.items(within: 20, of: point).filter { $0.item != offset }.map(\.distanceKm).min() ?? 20
            sum += nearest
        }
        let mean = sum / Double(points.count)
        let uniform = 0.5 * (Double(count) * 8 / Double(points.count)).squareRoot()
        #expect(mean < 0.7 * uniform, "mean nearest neighbour \(mean) km vs \(uniform) km if uniform")
        // Seasonal flows, one-off flows and data gaps occur at realistic rates.
        let flows = profiles.flatMap(\.flows)
        func share(_ predicate: (Flow) -> Bool) -> Double {
            Double(flows.filter(predicate).count) / Double(flows.count)
        }
        let seasonal = share { if case .seasonal = $0.availability { true } else { false } }
        #expect((0.05...0.4).contains(seasonal), "seasonal share \(seasonal)")
        #expect((0.03...0.08).contains(share { $0.quantity == nil }))
        #expect((0.1...0.2).contains(share { $0.confidence == .estimated }))
        #expect(share { if case .oneOff = $0.availability { true } else { false } } > 0)
        #expect((0.002...0.03).contains(Double(profiles.filter { $0.site.point == nil }.count) / Double(count)))
    }

    @Test func seededRandomIsStable() {
        var random = SeededRandom(seed: 1)
        #expect(random.next() == 0x910A_2DEC_8902_5CC1)
        let values = (0..<1000).map { _ in random.unit() }
        #expect(values.allSatisfy { (0..<1).contains($0) })
    }
}
