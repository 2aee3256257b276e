import SymbioseCore
import SymbioseTestSupport
import Testing

/// What a facilitator does not want in a shortlist: exchanges inside one group, exchanges that
/// exist already.
@Suite struct ShortlistTests {
    typealias F = MatchFixture

    /// A paper mill needing recovered fibre, and a box plant 1 km away releasing board trimmings.
    private func mill(group: String? = nil, existing: Bool = false) -> [LoadedProfile] {
        var plant = F.profile(
            "box-plant", at: F.point(northKm: 0),
            outputs: [F.output("trimmings", "material.paper.cardboard", Quantity(value: 5_000, unit: .tonne))])
        var paper = F.profile(
            "paper-mill", at: F.point(northKm: 1),
            inputs: [F.input("fibre", "material.paper.fibre", Quantity(value: 50_000, unit: .tonne))])
        plant.profile.company.group = group
        paper.profile.company.group = group
        if existing { plant.profile.outputs[0].existingPartner = "paper-mill" }
        return [plant, paper]
    }

    @Test func sitesOfOneGroupAreLeftOutUnlessAsked() throws {
        #expect(F.substitutions(mill()).count == 1)
        #expect(F.substitutions(mill(group: "Saica")).isEmpty)
        var settings = MatchSettings()
        settings.include = [.sameGroup]
        let pair = try #require(F.substitutions(mill(group: "Saica"), settings: settings).first)
        #expect(pair.flags.contains(.sameGroup))
    }

    @Test func anExchangeInPlaceIsLeftOutUnlessAsked() throws {
        #expect(F.substitutions(mill(existing: true)).isEmpty)
        var settings = MatchSettings()
        settings.include = [.existing]
        let pair = try #require(F.substitutions(mill(existing: true), settings: settings).first)
        #expect(pair.flags.contains(.existing))
    }

    @Test func aPlannedFlowIsFlaggedAndTrustedLess() throws {
        let running = try #require(F.substitutions(mill()).first)
        var profiles = mill()
        profiles[1].profile.inputs[0].planned = true
        let planned = try #require(F.substitutions(profiles).first)
        #expect(planned.flags.contains(.planned) && !running.flags.contains(.planned))
        let confidence = { (s: SubstitutionSynergy) in s.terms.first { $0.term == .confidence }!.value }
        #expect(confidence(planned) < confidence(running))
        #expect(planned.score < running.score)
    }

    /// One glassworks needing cullet, eight sorting centres releasing it at 1 to 8 km.
    private func cullet() -> [LoadedProfile] {
        let sources = (1...8).map { km in
            F.profile(
                CompanyID("sorter-\(km)"), at: F.point(northKm: Double(km)),
                outputs: [F.output("cullet", "material.glass.cullet", Quantity(value: 500, unit: .tonne))])
        }
        let glassworks = F.profile(
            "glassworks", at: F.point(northKm: 0),
            inputs: [F.input("cullet", "material.glass.cullet", Quantity(value: 5000, unit: .tonne))])
        return sources + [glassworks]
    }

    @Test func thePerNeedLimitSaysHowManyItLeftOut() throws {
        var settings = MatchSettings()
        settings.maximumPerNeed = 5
        let result = F.run(cullet(), settings: settings)
        let kept = result.synergies.compactMap { synergy -> SubstitutionSynergy? in
            if case .substitution(let s) = synergy { return s }
            return nil
        }
        #expect(kept.count == 5)
        #expect(kept.allSatisfy { $0.needCandidatesLeftOut == 3 })
        #expect(Set(kept.map(\.supplier.company.rawValue)) == Set((1...5).map { "sorter-\($0)" }))
        #expect(result.perNeedLimit == (needs: 1, leftOut: 3))

        settings.maximumPerNeed = 0
        let all = F.run(cullet(), settings: settings)
        #expect(all.perNeedLimit == (needs: 0, leftOut: 0))
        #expect(F.substitutions(cullet(), settings: settings).count == 8)
    }
}
