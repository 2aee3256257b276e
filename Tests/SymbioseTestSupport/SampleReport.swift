import SymbioseCore
import SymbioseReport

/// A small run built by hand, value by value: five firms, two substitutions, one pooling group,
/// their impacts and a plan. The renderer goldens come from it, so that they change when a
/// renderer changes, not when matching, scoring or impacts do; the demo territory keeps one
/// end-to-end golden.
///
/// It holds what renderers must get right: a name with quotes, `&` and `<>`, a confidential
/// flow, a seasonal heat link, a firm without coordinates and a firm with no synergy.
package enum SampleReport {
    package static func report(
        _ subject: RunReport.Subject, language: Language, anonymize: Bool = false
    ) -> RunReport {
        let profiles = self.profiles
        let presentation = Presentation(
            companies: profiles.map(\.company.id), anonymize: anonymize, language: language)
        let planned = plan
        var report = RunReport(
            subject: subject, result: result, profiles: profiles, validation: [], taxonomy: TaxonomyFile.builtIn,
            settings: .default, factors: FactorsFile.builtIn, transport: .road,
            synergies: subject == .plan ? planned.plan.synergies : synergies, presentation: presentation)
        report.impacts = subject == .plan ? planned.plan.impacts : impacts
        report.plan = planned
        report.style.title = LocalizedText(en: "Sample territory", fr: "Territoire d'exemple")[language]
        return report
    }

    package static var profiles: [Profile] {
        [
            firm(
                "verrerie-nord", "Verrerie du Nord", naf: "23.13Z", at: (49.38, 3.32), commune: "Soissons",
                outputs: [
                    flow("flue-gas", .output, "heat.flue-gas", 8_000, .megawattHour, temperature: 220),
                    flow("cullet", .output, "material.glass.cullet", 1_200, .tonne),
                ]),
            firm(
                "serres-du-val", "Serres du Val", naf: "01.13Z", at: (49.41, 3.36), commune: "Crouy",
                inputs: [flow("greenhouse-heat", .input, "heat.hot-water", 5_000, .megawattHour, temperature: 60)]),
            firm(
                "verrerie-sud", "Verrerie Sud & Fils", naf: "23.13Z", at: (49.25, 3.40), commune: "Fère",
                inputs: [flow("cullet", .input, "material.glass.cullet", 900, .tonne, confidential: true)]),
            firm(
                "cartonnerie-sud", "Cartonnerie Sud", naf: "17.21A", at: (49.36, 3.29), commune: "Belleu",
                outputs: [flow("cardboard", .output, "material.paper.cardboard", 300, .tonne)]),
            firm(
                "imprimerie-ouest", "Imprimerie « l'Ouest » <Atelier>", naf: "18.12Z", at: (49.39, 3.25),
                commune: "Soissons",
                outputs: [flow("scraps", .output, "material.paper.cardboard", 60, .tonne, confidential: true)]),
            firm(
                "atelier-isole", "Atelier Isolé", naf: "25.62B", at: nil, commune: nil,
                inputs: [flow("steel", .input, "material.metal.steel-scrap", 40, .tonne)]),
        ]
    }

    package static var result: MatchResult {
        MatchResult(
            synergies: synergies,
            diagnostics: [
                .warning(
                    .matchNoCoordinates,
                    LocalizedText(
                        en: "atelier-isole has no coordinates: it is matched with nobody",
                        fr: "atelier-isole n'a pas de coordonnées : il n'est rapproché de personne"),
                    at: SourceLocation(file: "atelier-isole.json", line: 4))
            ],
            siteCount: 6, flowCount: 7, foundCount: 4)
    }

    package static var synergies: [Synergy] { [.substitution(cullet), .pooling(cardboard), .substitution(heat)] }

    package static var impacts: [String: SynergyImpact] {
        [
            heat.id: SynergyImpact(quantity: heat.quantity, rates: heatRates),
            cullet.id: SynergyImpact(quantity: cullet.quantity, rates: culletRates),
        ]
    }

    /// The plan: both substitutions, the cullet one cut to what the kiln can take; greedy takes
    /// the heat link only.
    package static var plan: (plan: Plan, network: SynergyNetwork) {
        var cut = cullet
        cut.quantity = Amount(value: 700, dimension: .mass)
        cut.coverage = 700.0 / 900
        let heatAllocation = allocation(heat, rates: heatRates)
        let culletAllocation = allocation(cut, rates: culletRates, candidate: 900)
        let plan = Plan(
            objective: .co2,
            optimal: outcome([heatAllocation, culletAllocation]), greedy: outcome([heatAllocation]),
            candidates: 3, excluded: [.quantityUnknown: 1], pools: [cardboard], subnetworks: 2)
        return (plan, SynergyNetwork(plan: plan, synergies: synergies, profiles: profiles))
    }

    static let heat = SubstitutionSynergy(
        id: "verrerie-nord.flue-gas>serres-du-val.greenhouse-heat",
        supplier: FlowReference(company: "verrerie-nord", companyName: "Verrerie du Nord", flow: "flue-gas"),
        receiver: FlowReference(company: "serres-du-val", companyName: "Serres du Val", flow: "greenhouse-heat"),
        resource: "heat.flue-gas", needResource: "heat.hot-water", category: .heat, compatibility: .heatTransfer,
        distanceKm: 4.62, limitKm: 6, quantity: Amount(value: 3_200, dimension: .energy), coverage: 0.64,
        months: MonthSet([1, 2, 3, 4, 10, 11, 12]), oneOff: nil, supplierTemperature: 220,
        receiverTemperature: 60, heatPumpCOP: nil, flags: [.seasonal],
        terms: terms(distance: 0.23, volume: 0.81, quality: 0.9, time: 0.58, confidence: 1),
        score: score(distance: 0.23, volume: 0.81, quality: 0.9, time: 0.58, confidence: 1))

    static let cullet = SubstitutionSynergy(
        id: "verrerie-nord.cullet>verrerie-sud.cullet",
        supplier: FlowReference(company: "verrerie-nord", companyName: "Verrerie du Nord", flow: "cullet"),
        receiver: FlowReference(company: "verrerie-sud", companyName: "Verrerie Sud & Fils", flow: "cullet"),
        resource: "material.glass.cullet", needResource: "material.glass.cullet", category: .material,
        compatibility: .exact, distanceKm: 16.84, limitKm: 150, quantity: Amount(value: 900, dimension: .mass),
        coverage: 1, months: .all, oneOff: nil, supplierTemperature: nil, receiverTemperature: nil,
        heatPumpCOP: nil, flags: [.confidential],
        terms: terms(distance: 0.89, volume: 0.6, quality: 1, time: 1, confidence: 1),
        score: score(distance: 0.89, volume: 0.6, quality: 1, time: 1, confidence: 1))

    static let cardboard = PoolingGroup(
        id: "pool.collection.material.paper.cardboard.cartonnerie-sud", mode: .collection,
        resource: "material.paper.cardboard", category: .material, direction: .output,
        members: [
            PoolMember(
                reference: FlowReference(company: "cartonnerie-sud", companyName: "Cartonnerie Sud", flow: "cardboard"),
                quantity: Amount(value: 300, dimension: .mass), distanceToCentreKm: 2.71, months: .all,
                confidential: false),
            PoolMember(
                reference: FlowReference(
                    company: "imprimerie-ouest", companyName: "Imprimerie « l'Ouest » <Atelier>", flow: "scraps"),
                quantity: Amount(value: 60, dimension: .mass), distanceToCentreKm: 2.71, months: .all,
                confidential: true),
        ],
        centre: GeoPoint(latitude: 49.375, longitude: 3.27), spreadKm: 2.71, radiusKm: 10,
        total: Amount(value: 360, dimension: .mass),
        threshold: PoolingThreshold(
            value: 200, rationale: LocalizedText(en: "a truck a month", fr: "un camion par mois"),
            source: "Sample threshold"),
        reachesThreshold: true, offers: [], flags: [.confidential],
        terms: terms(distance: 0.73, volume: 1, quality: 0.25, time: 1, confidence: 1),
        score: score(distance: 0.73, volume: 1, quality: 0.25, time: 1, confidence: 1))

    static let heatRates = ImpactRates(
        carrier: .pipe, networkKm: 5.54, tonnesPerUnit: nil, lossShare: 0.011, avoidedProductionKg: 224.5,
        avoidedDisposalKg: nil, transportKg: 0.9, heatPumpKg: 0, purchaseSavedEUR: 48.2, disposalSavedEUR: nil,
        operatingCostEUR: 1.6,
        factors: [
            "electricity.grid", "electricity.price", "pipe.heat-loss", "pipe.heat-pumping",
            "production.heat.gas-boiler", "transport.detour",
        ],
        gaps: [])

    static let culletRates = ImpactRates(
        carrier: .road, networkKm: 20.2, tonnesPerUnit: 1, lossShare: nil, avoidedProductionKg: 300,
        avoidedDisposalKg: nil, transportKg: 1.8, heatPumpKg: 0, purchaseSavedEUR: nil, disposalSavedEUR: nil,
        operatingCostEUR: 2.4,
        factors: ["production.glass-batch", "transport-cost.road", "transport.detour", "transport.road"],
        gaps: [.noDisposalFactor])

    private static func allocation(
        _ synergy: SubstitutionSynergy, rates: ImpactRates, candidate: Double? = nil
    ) -> Allocation {
        let impact = SynergyImpact(quantity: synergy.quantity, rates: rates)
        return Allocation(
            synergy: synergy, candidateQuantity: candidate ?? synergy.quantity?.value ?? 0,
            value: impact.netKg ?? 0, impact: impact)
    }

    private static func outcome(_ allocations: [Allocation]) -> AllocationOutcome {
        var totals = ImpactTotals()
        for allocation in allocations { totals.add(allocation.impact) }
        return AllocationOutcome(
            allocations: allocations, value: allocations.reduce(0) { $0 + $1.value }, totals: totals)
    }

    private static let weights = ScoreWeights.default.normalized

    private static func terms(
        distance: Double, volume: Double, quality: Double, time: Double, confidence: Double
    ) -> [ScoreTerm] {
        [
            ScoreTerm(term: .distance, value: distance, weight: weights.distance),
            ScoreTerm(term: .volume, value: volume, weight: weights.volume),
            ScoreTerm(term: .quality, value: quality, weight: weights.quality),
            ScoreTerm(term: .time, value: time, weight: weights.time),
            ScoreTerm(term: .confidence, value: confidence, weight: weights.confidence),
        ]
    }

    private static func score(
        distance: Double, volume: Double, quality: Double, time: Double, confidence: Double
    ) -> Double {
        terms(distance: distance, volume: volume, quality: quality, time: time, confidence: confidence)
            .reduce(0) { $0 + $1.value * $1.weight }
    }

    private static func firm(
        _ id: CompanyID, _ name: String, naf: String, at point: (Double, Double)?, commune: String?,
        outputs: [Flow] = [], inputs: [Flow] = []
    ) -> Profile {
        Profile(
            company: Company(id: id, name: name, naf: naf, employees: 40),
            site: Site(latitude: point?.0, longitude: point?.1, commune: commune),
            outputs: outputs, inputs: inputs)
    }

    private static func flow(
        _ id: FlowID, _ direction: FlowDirection, _ resource: ResourceCode, _ value: Double, _ unit: QuantityUnit,
        temperature: Double? = nil, confidential: Bool = false
    ) -> Flow {
        var flow = Flow(
            id: id, direction: direction, resource: resource, quantity: Quantity(value: value, unit: unit),
            quality: FlowQuality(temperature: temperature), confidential: confidential)
        if direction == .output { flow.status = .waste }
        return flow
    }
}
