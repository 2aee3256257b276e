import Foundation
import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct TaxonomyTests {
    let taxonomy = TaxonomyFile.builtIn

    @Test func aCodesCategoryIsItsFirstSegment() {
        let cases: [(String, ResourceCategory?)] = [
            ("heat.steam", .heat), ("heat", .heat), ("cold.chilled-water", .cold), ("water.grey", .water),
            ("material.metal.ferrous", .material), ("energy.gas", .energy), ("service.transport", .service),
            ("heating.x", nil), ("hea", nil), ("", nil), ("heat.", .heat), (".", nil), (".heat", nil),
            ("Heat.steam", nil),
            // A dot carrying a combining mark is no separator: the root is the whole code.
            ("heat.\u{301}steam", nil), ("heat\u{301}.steam", nil), ("water.é", .water),
        ]
        for (code, category) in cases {
            #expect(ResourceCategory(code: ResourceCode(code)) == category, "\(code)")
        }
    }

    @Test func builtInTaxonomyIsLargeCompleteAndConsistent() {
        #expect(taxonomy.count >= 150)
        for category in ResourceCategory.allCases {
            #expect(taxonomy[ResourceCode(category.rawValue)] != nil, "root \(category.rawValue)")
        }
        #expect(TaxonomyFile.checkReferences(of: taxonomy).isEmpty)
        for code in taxonomy.codes {
            guard let entry = taxonomy[code] else { continue }
            #expect(TaxonomyFile.isValidCode(code.rawValue), "\(code)")
            #expect(!entry.label.fr.isEmpty && !entry.label.en.isEmpty, "\(code)")
            for ewc in entry.ewc { #expect(EWCCode.isWellFormed(ewc), "\(code): \(ewc)") }
            for link in entry.substitutes {
                #expect(link.factor > 0 && link.factor <= 1, "\(code) → \(link.target)")
                #expect(!link.rationale.fr.isEmpty && !link.rationale.en.isEmpty)
                #expect(link.target != code)
            }
        }
    }

    @Test(arguments: [
        "heat.steam", "heat.hot-water", "heat.warm-water", "heat.flue-gas", "material.mineral.fly-ash",
        "material.mineral.bottom-ash", "material.mineral.gypsum.fgd", "material.mineral.slag",
        "material.chemical.sulphur", "material.chemical.sulphuric-acid", "material.gas.co2",
        "material.sludge.sewage", "material.sludge.industrial", "material.food.yeast",
        "material.food.fermentation-residues", "material.food.spent-grains", "material.food.whey",
        "energy.off-gas", "energy.biogas", "material.amendment.digestate", "water.wastewater.treated",
        "water.process", "material.food.beet-pulp", "material.food.vinasse", "material.glass.cullet",
        "material.paper.cardboard", "material.metal.aluminium-scrap", "material.plastic.pvc", "material.wood.untreated",
        "material.textile.used-clothing", "material.construction.insulation.biobased", "material.electronics.pcb-scrap",
        "material.mushroom.spent-compost", "material.agri.straw", "service.storage.covered",
        "service.premises.workshop",
        "service.equipment.forklift", "service.transport.truck", "service.skills.welding",
        "service.collection.biowaste",
        "service.purchasing.energy",
    ])
    func coversTheStreamsTheIssueNames(code: String) {
        #expect(taxonomy[ResourceCode(code)] != nil)
    }

    @Test func theDesignBriefsSubstitutionsAreLinks() {
        let links: [(String, String)] = [
            ("material.glass.cullet", "material.glass.raw-materials"),
            ("material.wood.untreated", "energy.biomass.wood-chips"),
            ("material.agri.straw", "material.construction.insulation.biobased"),
            ("material.agri.straw", "material.mushroom.substrate"),
            ("material.mushroom.spent-compost", "material.amendment.compost"),
            ("material.food.beet-pulp", "material.feed"),
            ("material.food.beet-pulp", "material.feedstock.methanisation"),
            ("material.textile.used-clothing", "material.construction.insulation.biobased"),
            ("material.organic.food-waste", "material.feedstock.methanisation"),
            ("material.gas.co2.biogenic", "material.gas.co2.food-grade"),
            ("material.gas.co2.biogenic", "material.gas.co2.greenhouse"),
        ]
        for (source, target) in links {
            #expect(
                taxonomy[ResourceCode(source)]?.substitutes.contains { $0.target.rawValue == target } == true,
                "\(source) → \(target)")
        }
    }

    @Test func parentsAndDimensions() throws {
        let steam = try #require(taxonomy["heat.steam.low-pressure"])
        #expect(steam.parent == "heat.steam")
        #expect(steam.category == .heat)
        #expect(taxonomy.accepts(.energy, for: steam.code) && taxonomy.accepts(.mass, for: steam.code))
        #expect(taxonomy.equivalent(from: .mass, for: steam.code)?.factor == 0.65)
        #expect(!taxonomy.accepts(.mass, for: "energy.electricity"))
        #expect(taxonomy.accepts(.mass, for: "water.process"))
        #expect(taxonomy.equivalent(from: .mass, for: "water.process")?.factor == 1)
        #expect(taxonomy.nearestEntry(for: "material.glass.cullet.amber")?.code == "material.glass.cullet")
    }

    @Test func resourceCodesKnowTheirPlaceInTheHierarchy() {
        let cardboard = ResourceCode("material.paper.cardboard")
        #expect(cardboard.isWithin("material.paper"))
        #expect(cardboard.isWithin("material"))
        #expect(cardboard.isWithin(cardboard))
        #expect(!cardboard.isWithin("material.pa"))
        #expect(!ResourceCode("material.paper").isWithin(cardboard))
        #expect(!ResourceCode("heat.steamy").isWithin("heat.steam"))
        #expect(cardboard.parent == "material.paper")
        #expect(ResourceCode("heat").parent == nil)
        #expect(cardboard.category == .material && ResourceCode("nothing.here").category == nil)
        #expect(ResourceCode("water").isRoot && !cardboard.isRoot)
        #expect("\(cardboard)" == "material.paper.cardboard")
    }

    @Test(arguments: [
        ("drêches brasserie", Language.fr, "material.food.spent-grains"),
        ("DRECHES DE BRASSERIE", .fr, "material.food.spent-grains"),
        ("fly ash", .en, "material.mineral.fly-ash"),
        ("cendres volantes", .en, "material.mineral.fly-ash"),
        ("vapeur", .fr, "heat.steam"),
        ("calcin", .fr, "material.glass.cullet"),
        ("whey", .fr, "material.food.whey"),
        ("lactoserum", .fr, "material.food.whey"),
        ("boues de STEP", .fr, "material.sludge.sewage"),
        ("heat.steam", .en, "heat.steam"),
        ("pulpes betteraves", .fr, "material.food.beet-pulp"),
        ("chariot élévateur", .fr, "service.equipment.forklift"),
    ])
    func searchFindsTheBestEntryFirst(query: String, language: Language, expected: String) {
        #expect(taxonomy.search(query, language: language).first?.code.rawValue == expected, "\(query)")
    }

    @Test func partialMatchesRankBelowFullOnesAndUnrelatedWordsFindNothing() {
        #expect(taxonomy.search("steam unicorn", language: .en).first?.code == "heat.steam")
        #expect(taxonomy.search("unicorn", language: .en).isEmpty)
        #expect(taxonomy.search("", language: .en).isEmpty)
        let full = taxonomy.search("drêches brasserie", language: .fr)
        let partial = taxonomy.search("drêches brasserie licorne", language: .fr)
        #expect(partial.first?.code == full.first?.code)
        #expect((partial.first?.score ?? 1) < (full.first?.score ?? 0))
        let first = taxonomy.search("eau", language: .fr).map(\.code)
        #expect(first == taxonomy.search("eau", language: .fr).map(\.code))
        #expect(first.count > 5)
    }

    @Test(arguments: [
        ("dreches de brasseire", Language.fr, "material.food.spent-grains"),
        ("lactoserun", .fr, "material.food.whey"),
        ("polypropilene", .fr, "material.plastic.pp"),
        ("sawdusts", .en, "material.wood.sawdust"),
        ("cendres volante", .fr, "material.mineral.fly-ash"),
    ])
    func typosAndInflectionsAreForgiven(query: String, language: Language, expected: String) {
        #expect(taxonomy.search(query, language: language).first?.code.rawValue == expected, "\(query)")
    }

    @Test(arguments: [
        ("VHU", "material.vehicles"), ("déchets industriels banals", "material.residual"),
        ("bidons PEHD", "material.plastic.hdpe"), ("GN", "energy.natural-gas"),
        ("CSR", "energy.solid-recovered-fuel"), ("eaux de STEP", "water.wastewater.treated"),
    ])
    func abbreviationsStandForTheirWords(query: String, expected: String) {
        #expect(taxonomy.search(query, language: .fr).prefix(3).map(\.code.rawValue).contains(expected), "\(query)")
    }

    @Test func reasonsSayWhereEachWordMatched() throws {
        let best = try #require(taxonomy.search("boues STEP", language: .fr).first)
        #expect(best.code == "material.sludge.sewage")
        #expect(best.reasons.map(\.word) == ["boues", "step"])
        #expect(best.reasons.allSatisfy { !$0.text.isEmpty && ["label", "synonym"].contains($0.field) })
        let waste = try #require(taxonomy.search("chaleur fatale", language: .fr).first)
        #expect(waste.code == "heat")
        #expect(waste.reasons.first?.text == "chaleur fatale")
    }

    /// Real stream names, in French and English, with the codes a facilitator would accept:
    /// `names.tsv` was used to build the search and vocabulary and must find an acceptable code in
    /// the top 3 for 95 % of its names; `held-out.tsv` was written after and never used to tune
    /// anything: its figure is the honest estimate (94.9 % when written), held to 90 % so that a
    /// regression shows. Every code either list names must exist.
    @Test(arguments: ["names.tsv", "held-out.tsv"])
    func streamNamesFindAnAcceptableCodeInTheTopThree(list: String) throws {
        let text = try String(contentsOf: TestSupport.fixture("stream-names/\(list)"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.count >= 150)
        var found = 0
        var missed: [String] = []
        for row in rows {
            let accepted = row[2].split(separator: " ").map { ResourceCode(String($0)) }
            for code in accepted { #expect(taxonomy[code] != nil, "\(code) in \(list)") }
            let top = taxonomy.search(row[0], language: row[1] == "fr" ? .fr : .en).prefix(3).map(\.code)
            if top.contains(where: accepted.contains) { found += 1 } else { missed.append(row[0]) }
        }
        let share = Double(found) / Double(rows.count)
        let floor = list == "names.tsv" ? 0.95 : 0.90
        #expect(share >= floor, "\(found)/\(rows.count); missed: \(missed.joined(separator: ", "))")
    }

    @Test func suggestionsForMisspelledCodes() {
        #expect(
            taxonomy.suggestions(forUnknownCode: "material.metal.steel-scarp").first == "material.metal.steel-scrap")
        #expect(taxonomy.suggestions(forUnknownCode: "heat.hotwater").first == "heat.hot-water")
        #expect(taxonomy.suggestions(forUnknownCode: "material.fly-ash").contains("material.mineral.fly-ash"))
    }

    @Test func userFilesAddAndOverrideEntries() throws {
        let text = """
            {"schema": "symbiose/taxonomy@1", "version": "local-1", "resources": [
              {"code": "material.glass.cullet", "dimension": "mass", "label": {"fr": "Calcin trié", "en": "Sorted cullet"}},
              {"code": "material.food.chicory-pulp", "dimension": "mass",
               "label": {"fr": "Pulpes de chicorée", "en": "Chicory pulp"},
               "substitutes": [{"target": "material.feed", "factor": 0.8, "rationale": {"fr": "aliment", "en": "feed"}}]}
            ]}
            """
        let contents = TaxonomyFile.decode(Array(text.utf8), file: "local.json")
        #expect(contents.diagnostics.isEmpty)
        let merged = taxonomy.merging(contents.entries, version: contents.version)
        #expect(merged["material.glass.cullet"]?.label.en == "Sorted cullet")
        #expect(merged["material.food.chicory-pulp"] != nil)
        #expect(merged.count == taxonomy.count + 1)
        #expect(merged.version.hasSuffix("+local-1"))
        #expect(TaxonomyFile.checkReferences(of: merged, locations: contents.locations).isEmpty)
    }

    @Test func userFileProblemsAreLocated() {
        let text = """
            {"schema": "symbiose/taxonomy@1", "resources": [
              {"code": "material.x.y", "dimension": "mass", "label": {"fr": "a", "en": "b"},
               "substitutes": [{"target": "material.nowhere", "factor": 1.5, "rationale": {"fr": "a", "en": "b"}}]},
              {"code": "Bad Code", "dimension": "weight", "label": {"fr": "a"}}
            ]}
            """
        let contents = TaxonomyFile.decode(Array(text.utf8), file: "local.json")
        let codes = contents.diagnostics.map(\.code)
        #expect(codes.contains(.taxonomyInvalid))  // factor 1.5 and bad code
        #expect(codes.contains(.valueInvalid))  // dimension "weight"
        #expect(codes.contains(.jsonMissingField))  // label.en
        let factor = contents.diagnostics.first { $0.message.contains("factor") }
        #expect(factor?.location?.line == 3)
        let merged = taxonomy.merging(contents.entries)
        let references = TaxonomyFile.checkReferences(
            of: merged, locations: contents.locations, only: Set(contents.entries.map(\.code)))
        #expect(
            references.map(\.code).sorted { $0.rawValue < $1.rawValue } == [
                .taxonomyUnknownParent, .taxonomyUnknownTarget,
            ])
        #expect(references.allSatisfy { $0.location?.line == 2 })
    }
}
