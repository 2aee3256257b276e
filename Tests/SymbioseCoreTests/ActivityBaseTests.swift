import Foundation
import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct ActivityBaseTests {
    let base = ActivityBase.builtIn
    let taxonomy = TaxonomyFile.builtIn

    @Test func everyEntryResolvesToTaxonomyCodesAndUnitsOfTheirDimension() {
        #expect(base.problems(taxonomy: taxonomy) == [])
    }

    @Test func theCheckCatchesUnknownCodesWrongUnitsAndMissingSources() {
        var broken = base
        var sugar = broken.activities["10.81Z"]!
        sugar.flows[0].resource = "material.food.beet-pulpe"
        sugar.flows[1].unit = .megawattHour
        sugar.flows[2].source = "nowhere"
        sugar.flows[3].low = 5
        sugar.flows[3].high = 1
        broken.activities["10.81Z"] = sugar
        let problems = broken.problems(taxonomy: taxonomy)
        #expect(
            problems == [
                "10.81Z material.food.beet-pulpe: not a taxonomy code",
                "10.81Z material.food.lime-sludge: MWh does not measure this resource",
                "10.81Z material.agri.beet-soil: unknown source nowhere",
                "10.81Z material.food.molasses: range must be 0 < low ≤ high",
            ])
    }

    @Test func coversTheDemoTerritoryAndSixtySectorClasses() throws {
        let demo = try TestSupport.demoProfiles().profiles
        let codes = Set(demo.compactMap(\.profile.company.naf))
        #expect(codes.count == 40)
        for code in codes.sorted() { #expect(base.activity(naf: code) != nil, "no activity for \(code)") }
        let sectors: Set = ["agri-food", "manufacturing", "waste", "energy", "water", "construction"]
        #expect(base.all.filter { sectors.contains($0.sector) }.count >= 60)
        for sector in sectors { #expect(base.all.contains { $0.sector == sector }, "no class in \(sector)") }
    }

    @Test func everyFigureHasASourceAndPublishedOnesACitation() {
        let ids = Set(base.sources.map(\.id))
        for activity in base.all {
            #expect(ids.contains(activity.source))
            for flow in activity.flows { #expect(ids.contains(flow.source), "\(activity.naf) \(flow.resource)") }
        }
        for source in base.sources where !source.isEstimate {
            #expect(source.citation.count > 20 && source.url != nil, "\(source.id)")
        }
        // NACE codes without the French letter find their class.
        #expect(base.activity(naf: "10.81")?.naf == "10.81Z")
        #expect(base.activity(naf: "99.99Z") == nil)
        // Blanks around a code and small letters are forgiven, as written by hand.
        #expect(base.activity(naf: " 10.81z\t")?.naf == "10.81Z")
        #expect(base.activity(naf: "\u{A0}10.81Z")?.naf == "10.81Z")
        #expect(base.activity(naf: " \t") == nil)
    }

    @Test func aCodeInSmallLettersIsALocatedError() {
        let file = """
            {"schema": "symbiose/activities@1", "version": "1", "sources": [],
             "activities": [{"naf": "10.81z", "name": {"en": "Sugar", "fr": "Sucre"}, "sector": "food",
               "employees": 100, "source": "estimate",
               "flows": [{"direction": "output", "resource": "material.food.beet-pulp", "range": [1, 2], "unit": "t"}]}]}
            """
        let (_, diagnostics) = ActivityBase.decode(
            Array(file.utf8), file: "mine.json", taxonomy: taxonomy, knownSources: ["estimate"])
        #expect(diagnostics.map(\.code) == [.activitiesInvalid])
        #expect(diagnostics.first?.location?.path == "$.activities[0].naf")
        #expect(diagnostics.first?.text.en == "a NAF code is written in capitals, as 10.81Z")
    }

    @Test func amountsFollowHeadcountOrOutput() throws {
        let sugar = try #require(base.activity(naf: "10.81Z"))
        let pulp = try #require(sugar.flows.first { $0.resource == "material.food.beet-pulp" })
        #expect(pulp.perOutput)
        // Given the tonnage of beet, the ratio applies to it directly.
        let million = sugar.amounts(of: pulp, employees: 180, output: 1_000_000)
        #expect(abs(million.low - 200_000) < 1e-6)
        #expect(abs(million.high - 260_000) < 1e-6)
        #expect(abs(million.typical - (0.20 * 0.26).squareRoot() * 1_000_000) < 1e-6)
        // Without it, through the typical output per employee: twice the staff, twice the pulp.
        let small = sugar.amounts(of: pulp, employees: 90).typical
        let large = sugar.amounts(of: pulp, employees: 180).typical
        #expect(abs(large / small - 2) < 1e-9)
        #expect(ActivityInference.roundedForDisplay(12_345) == 12_000)
        #expect(ActivityInference.roundedForDisplay(0.0347) == 0.035)
    }

    @Test func prefilledFlowsAreEstimatedExplainedAndValid() throws {
        let sugar = try #require(base.activity(naf: "10.81Z"))
        let flows = ActivityInference.flows(of: sugar, employees: 180, language: .fr)
        #expect(flows.count == sugar.flows.count)
        #expect(flows.allSatisfy { $0.confidence == .estimated && !$0.inferred })
        #expect(Set(flows.map(\.id)).count == flows.count)
        let lime = try #require(flows.first { $0.resource == "material.food.lime-sludge" })
        #expect(lime.availability == .seasonal(months: [9, 10, 11, 12, 1]))
        #expect(lime.note?.hasPrefix("Typique de l'activité 10.81Z (Fabrication de sucre) : 0,03–0,05 t par t") == true)
        let profile = Profile(
            company: Company(id: "sucrerie", name: "Sucrerie", naf: "10.81Z", employees: 180),
            site: Site(latitude: 49.39, longitude: 3.4), outputs: flows.filter { $0.direction == .output },
            inputs: flows.filter { $0.direction == .input })
        let diagnostics = ProfileValidator(taxonomy: taxonomy).validate([TestSupport.loaded(profile)])
        #expect(!diagnostics.containsErrors, "\(diagnostics.map(\.rendered))")
    }

    @Test func suggestionsSkipWhatIsDeclaredAtAnyLevelOfDetail() throws {
        let sugar = try #require(base.activity(naf: "10.81Z"))
        var profile = Profile(company: Company(id: "s", name: "S", naf: "10.81Z"), site: Site())
        let usual = sugar.flows.filter(\.isUsual)
        #expect(ActivityInference.missing(in: profile).count == usual.count)
        // A more specific code covers the typical one, and a more general one too.
        profile.outputs = [Flow(id: "a", direction: .output, resource: "material.food")]
        profile.inputs = [Flow(id: "b", direction: .input, resource: "heat.steam.low-pressure")]
        let missing = ActivityInference.missing(in: profile).map(\.resource)
        #expect(!missing.contains("material.food.beet-pulp"))
        #expect(!missing.contains("heat.steam"))
        #expect(missing.contains("material.agri.beet-soil"))
        // The same code as an input does not cover a release.
        profile.inputs.append(Flow(id: "c", direction: .input, resource: "material.agri.beet-soil"))
        #expect(ActivityInference.missing(in: profile).map(\.resource).contains("material.agri.beet-soil"))
    }

    @Test func inferenceFillsOnlyFirmsThatDeclaredNothingAndMarksTheirSynergies() throws {
        let brewery = MatchFixture.profile("brewery", at: MatchFixture.point(northKm: 0), outputs: [], inputs: [])
        var bare = brewery
        bare.profile.company.naf = "11.05Z"
        bare.profile.company.employees = 10
        let farm = MatchFixture.profile(
            "farm", at: MatchFixture.point(northKm: 5), outputs: [],
            inputs: [
                MatchFixture.input("feed", "material.feed", Quantity(value: 500, unit: .tonne))
            ])
        var declared = farm
        declared.profile.company.naf = "01.41Z"
        let (profiles, companies) = ActivityInference.infer([bare, declared])
        #expect(companies == ["brewery"])
        #expect(profiles[1].profile == declared.profile)
        let inferred = profiles[0].profile.flows
        #expect(!inferred.isEmpty && inferred.allSatisfy { $0.inferred && $0.confidence == .estimated })
        #expect(
            inferred.allSatisfy { flow in
                base.activity(naf: "11.05Z")!.flows.contains { $0.resource == flow.resource && $0.isUsual }
            })

        let synergies = MatchFixture.substitutions(profiles)
        let grains = try #require(synergies.first { $0.resource == "material.food.spent-grains" })
        #expect(grains.flags.contains(.inferred))
        #expect(grains.supplier.inferred && !grains.receiver.inferred)
        // The same release, declared as an estimate, scores its confidence higher.
        var declaredBrewery = profiles[0]
        for index in declaredBrewery.profile.outputs.indices { declaredBrewery.profile.outputs[index].inferred = false }
        let again = try #require(
            MatchFixture.substitutions([declaredBrewery, declared]).first {
                $0.resource == "material.food.spent-grains"
            })
        let confidence = { (s: SubstitutionSynergy) in s.terms.first { $0.term == .confidence }!.value }
        #expect(confidence(grains) < confidence(again))
        #expect(!again.flags.contains(.inferred))
    }

    @Test func inferenceRecoversMostSynergiesOfFirmsStrippedToTheirActivity() throws {
        let demo = try TestSupport.demoProfiles().profiles
        let firms = demo.map(\.profile.company.id).sorted()
        let stripped = Set(stride(from: 0, to: firms.count, by: 4).map { firms[$0] }.prefix(10))
        func family(_ code: String) -> String {
            let parts = code.split(separator: ".")
            return ["material", "energy", "service"].contains(String(parts[0]))
                ? parts.prefix(2).joined(separator: ".") : String(parts[0])
        }
        func keys(_ result: MatchResult, inferredOnly: Bool) -> Set<String> {
            var keys: Set<String> = []
            for synergy in result.synergies where !inferredOnly || synergy.flags.contains(.inferred) {
                switch synergy {
                case .substitution(let s):
                    for firm in [s.supplier.company, s.receiver.company] where stripped.contains(firm) {
                        keys.insert(
                            "\(firm) s \(s.supplier.company)>\(s.receiver.company) \(family(s.resource.rawValue))")
                    }
                case .pooling(let p):
                    for member in p.members where stripped.contains(member.reference.company) {
                        keys.insert("\(member.reference.company) p \(p.mode.rawValue) \(family(p.resource.rawValue))")
                    }
                }
            }
            return keys
        }
        let before = keys(MatchFixture.run(demo), inferredOnly: false)
        var altered = demo
        for index in altered.indices where stripped.contains(altered[index].profile.company.id) {
            altered[index].profile.outputs = []
            altered[index].profile.inputs = []
        }
        let after = keys(MatchFixture.run(ActivityInference.infer(altered).profiles), inferredOnly: true)
        let recovered = Double(before.intersection(after).count) / Double(before.count)
        #expect(before.count > 30)
        #expect(recovered > 0.5, "recovered \(recovered)")
    }
}
