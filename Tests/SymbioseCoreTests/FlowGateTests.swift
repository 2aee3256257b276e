import Foundation
import SymbioseTestSupport
import Testing

@testable import SymbioseCore

/// The search settles most candidates from short records of plain numbers (`FlowGate`) without
/// reading the flows: what it settles must be what weighing the pair in full would say.
@Suite struct FlowGateTests {
    typealias F = MatchFixture

    static let releases: [ResourceCode] = [
        "material.paper.cardboard", "material.food.beet-pulp", "water.wastewater.treated", "water.rain",
        "material.glass.cullet", "service.skills.welding", "heat.warm-water", "material.plastic.pe-film",
    ]
    static let needs: [ResourceCode] = [
        "material.paper.fibre", "material.feed", "water.process", "water.irrigation", "material.glass.raw-materials",
        "service.skills.welding", "heat.hot-water", "material.feedstock.methanisation",
    ]

    /// A territory of firms whose flows vary in every field the gates hold: months, one-off dates,
    /// amounts (some unknown, some in a unit of another dimension), groups, partners, hazards,
    /// contaminants, own distance limits, confidence, sites with and without coordinates.
    static func territory(seed: UInt64, firms: Int) -> [LoadedProfile] {
        var random = SeededRandom(seed: seed)
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        func chance(_ p: Double) -> Bool { random.unit() < p }
        func flow(_ id: String, _ direction: FlowDirection, _ code: ResourceCode) -> Flow {
            let dimension = TaxonomyFile.builtIn[code]?.dimension
            let unit: QuantityUnit =
                chance(0.1)
                ? .cubicMetre
                : dimension == .energy
                    ? .megawattHour
                    : dimension == .volume
                        ? .cubicMetre
                        : dimension == .duration ? .hour : .tonne
            let months = (1...12).filter { _ in chance(0.6) }
            let availability: Availability =
                chance(0.15)
                ? .oneOff(year: 2027 + Int(random.next() % 2), month: 1 + Int(random.next() % 12))
                : chance(0.5) || months.isEmpty ? .continuous : .seasonal(months: months)
            return Flow(
                id: FlowID(id), direction: direction, resource: code,
                quantity: chance(0.2) ? nil : Quantity(value: 10 * pow(10, 4 * random.unit()), unit: unit),
                quality: FlowQuality(
                    purity: chance(0.2) ? 50 + 50 * random.unit() : nil,
                    state: chance(0.3) ? pick(PhysicalState.allCases) : nil, hazardous: chance(0.1) ? true : nil,
                    contaminants: chance(0.1) ? ["oil"] : []),
                availability: availability, maxDistanceKm: chance(0.2) ? 2 + 30 * random.unit() : nil,
                confidence: pick(DataConfidence.allCases),
                existingPartner: chance(0.1) ? CompanyID("firm-\(random.next() % UInt64(firms))") : nil,
                planned: chance(0.1))
        }
        return (0..<firms).map { number in
            let id = CompanyID("firm-\(number)")
            let point = chance(0.9) ? F.point(northKm: 40 * random.unit(), eastKm: 40 * random.unit()) : nil
            var loaded = F.profile(
                id, at: point,
                outputs: (0..<(1 + Int(random.next() % 2))).map { flow("out-\($0)", .output, pick(releases)) },
                inputs: (0..<(1 + Int(random.next() % 2))).map { flow("in-\($0)", .input, pick(needs)) })
            loaded.profile.company.group = chance(0.2) ? "group-\(random.next() % 3)" : nil
            return loaded
        }
    }

    @Test func whatTheGatesSettleIsWhatTheFullWeighingSays() {
        let settings = MatchSettings.default
        let matcher = SubstitutionMatcher(settings: settings)
        let index = MatchIndex(Self.territory(seed: 11, firms: 160), taxonomy: TaxonomyFile.builtIn)
        let compatibility = CompatibilityTable(
            releaseCodes: Array(index.outputsByCode.keys), needCodes: Array(index.inputsByCode.keys),
            taxonomy: TaxonomyFile.builtIn)
        let gates = (releases: index.releaseGates, needs: index.needGates)
        var random = SeededRandom(seed: 5)
        var settled = (rejected: 0, below: 0, open: 0)
        for (needPosition, receiver) in index.inputs.enumerated() {
            let bound = matcher.needBound(receiver, gate: gates.needs[needPosition])
            for (code, relation) in compatibility.releasesForNeed[receiver.flow.resource] ?? [] {
                let envelopeKm = settings.envelopes.envelopeKm(for: code, annualMWh: nil)
                let source = SubstitutionMatcher.ReleaseSource(
                    code: code, relation: relation, all: [], unlocated: [], grid: nil, envelopeKm: envelopeKm,
                    radiusKm: envelopeKm,
                    supplyFactor: SubstitutionMatcher.supplyFactor(
                        of: code, for: receiver.flow.resource, taxonomy: TaxonomyFile.builtIn))
                for position in index.outputsByCode[code] ?? [] {
                    let supplier = index.outputs[position]
                    guard supplier.reference.company != receiver.reference.company else { continue }
                    let distance = supplier.point.flatMap { from in receiver.point.map { from.distanceKm(to: $0) } }
                    let cutoff = random.unit()
                    let full = matcher.assess(
                        supplier: supplier, receiver: receiver, compatibility: relation,
                        taxonomy: TaxonomyFile.builtIn, envelopeKm: envelopeKm, cutoff: cutoff, distanceKm: distance)
                    switch matcher.settle(
                        gates.releases[position], against: bound, source: source, envelopeKm: envelopeKm,
                        distanceKm: distance, cutoff: cutoff)
                    {
                    case .rejected?:
                        settled.rejected += 1
                        guard case .rejected = full else {
                            Issue.record("\(supplier.reference) for \(receiver.reference): settled rejected")
                            continue
                        }
                    case .below?:
                        settled.below += 1
                        guard case .below = full else {
                            Issue.record("\(supplier.reference) for \(receiver.reference): settled below \(cutoff)")
                            continue
                        }
                    case .kept?: Issue.record("the gates never keep a pair")
                    case nil: settled.open += 1
                    }
                }
            }
        }
        // Each outcome occurs, so that the comparison above is not empty.
        #expect(settled.rejected > 100)
        #expect(settled.below > 100)
        #expect(settled.open > 100)
    }

    @Test func companiesAndGroupsAreNumberedByTheirIds() {
        let profiles = Self.territory(seed: 3, firms: 40)
        let index = MatchIndex(profiles, taxonomy: TaxonomyFile.builtIn)
        let gates = (releases: index.releaseGates, needs: index.needGates)
        let flows = index.outputs + index.inputs
        let all = gates.releases + gates.needs
        for a in flows.indices {
            for b in flows.indices {
                #expect(
                    (all[a].company == all[b].company) == (flows[a].reference.company == flows[b].reference.company))
                #expect(
                    (all[a].group >= 0 && all[a].group == all[b].group)
                        == (flows[a].group.map { $0 == flows[b].group } ?? false))
            }
            // A partner with flows has its company's number; any other, a number no flow has.
            guard let partner = flows[a].flow.existingPartner else {
                #expect(all[a].partner == -1)
                continue
            }
            if let other = flows.indices.first(where: { flows[$0].reference.company == partner }) {
                #expect(all[a].partner == all[other].company)
            } else {
                #expect(!all.contains { $0.company == all[a].partner })
            }
        }
    }

    @Test func releasesOfOneCompanyAndFlowIdShareOneNumber() {
        // Two profiles with one company id (refused by validation, but the matcher may be given
        // them): the limits must still see one release per company and flow id.
        let profiles = [
            F.profile(
                "a", at: F.point(northKm: 0), outputs: [F.output("x", "water.rain"), F.output("y", "water.rain")]),
            F.profile("b", at: F.point(northKm: 1), outputs: [F.output("x", "water.rain")]),
            F.profile("a", at: F.point(northKm: 2), outputs: [F.output("x", "water.rain")]),
        ]
        let index = MatchIndex(profiles, taxonomy: TaxonomyFile.builtIn)
        #expect(index.releaseNamesRepeat)
        #expect(SubstitutionMatcher.releaseKeys(index) == [0, 1, 2, 0])
        let valid = MatchIndex(Array(profiles.prefix(2)), taxonomy: TaxonomyFile.builtIn)
        #expect(!valid.releaseNamesRepeat)
        #expect(SubstitutionMatcher.releaseKeys(valid) == [0, 1, 2])
        // One flow id twice in one profile.
        let twice = MatchIndex(
            [F.profile("a", at: nil, outputs: [F.output("x", "water.rain"), F.output("x", "water.rain")])],
            taxonomy: TaxonomyFile.builtIn)
        #expect(SubstitutionMatcher.releaseKeys(twice) == [0, 0])
    }
}
