import Foundation

/// The match stage for pooling: groups of nearby firms with the same need, the same release,
/// or the same request for a service, each group compact around its centre.
///
/// For each resource code and mode, sites seed groups densest first: a seed gathers the
/// unassigned sites within twice the mode's radius, pruned until every member lies within the
/// radius of the group's own centre (so a group never chains neighbours of neighbours across a
/// region). A firm joins at most one group per resource and mode, but can be in several groups
/// for different resources.
///
/// - Complexity: O(*n* · *m*) per code for *n* sites and *m* neighbours within the radius;
///   linear in the number of firms at a fixed density.
public struct PoolingMatcher: Sendable {
    public var settings: MatchSettings

    public init(settings: MatchSettings = .default) {
        self.settings = settings
    }

    /// The pooling mode of a flow, or `nil` when such flows are not pooled (heat, cold, energy
    /// and service releases).
    public static func mode(of flow: IndexedFlow.Declared) -> PoolingMode? {
        mode(of: flow.resource, direction: flow.direction)
    }

    /// The pooling mode of the flows of `code` in `direction`: it depends on nothing else.
    static func mode(of code: ResourceCode, direction: FlowDirection) -> PoolingMode? {
        guard let category = code.category else { return nil }
        switch (direction, category) {
        case (.input, .service):
            if code.rawValue.hasPrefix("service.purchasing") { return .purchasing }
            if code.rawValue.hasPrefix("service.collection") { return .collection }
            return .sharedService
        case (.input, .material), (.input, .energy):
            return .purchasing
        case (.input, .heat), (.input, .cold), (.input, .water):
            return .sharedUtility
        case (.output, .water):
            return .sharedTreatment
        case (.output, .material):
            let treated: [ResourceCode] = [
                "material.food", "material.agri.manure", "material.agri.slurry", "material.sludge",
                "material.feedstock",
            ]
            return treated.contains { code.isWithin($0) } ? .sharedTreatment : .collection
        default:
            return nil
        }
    }

    struct Key: Hashable, Comparable {
        var code: ResourceCode
        var mode: PoolingMode
        var direction: FlowDirection

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.code, lhs.mode.rawValue, lhs.direction.rawValue) < (
                rhs.code, rhs.mode.rawValue, rhs.direction.rawValue
            )
        }
    }

    /// One flow per company (the largest) so that a company counts once in a group.
    func deduplicatedByCompany(_ flows: [IndexedFlow]) -> [IndexedFlow] {
        var best: [CompanyID: IndexedFlow] = [:]
        for flow in flows {
            let company = flow.reference.company
            if let current = best[company] {
                let a = flow.amount ?? -1, b = current.amount ?? -1
                if a > b || (a == b && flow.reference.flow < current.reference.flow) { best[company] = flow }
            } else {
                best[company] = flow
            }
        }
        // Sorted by the ids held side by side, not read through each flow's object.
        return best.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Splits flows into compact groups: every member within `radiusKm` of the group's centre.
    ///
    /// Seeds are taken densest first (most neighbours within twice the radius, then id); each
    /// seed gathers the unassigned sites within twice the radius, which are pruned until all lie
    /// within the radius of their centre. Accepted members are not offered to later seeds.
    func compactGroups(_ flows: [IndexedFlow], radiusKm: Double) -> [[IndexedFlow]] {
        let minimum = max(2, settings.minimumMembers)
        let points = flows.map { $0.point! }
        let grid = SpatialGrid(points.enumerated().map { ($0.element, $0.offset) }, cellKm: max(radiusKm, 1))
        // Only the counts are kept: holding every neighbourhood would take memory quadratic in
        // the local density. A national code holds most of the work: its counts are split over
        // threads too.
        let density = Parallel.map(flows.count, threads: settings.threads) { range in
            range.map { grid.count(within: 2 * radiusKm, of: points[$0]) }
        }
        // The ids side by side: read through each flow's object, a national code's sort spent
        // most of its time waiting for memory.
        let companies = flows.map(\.reference.company)
        let seeds = flows.indices.sorted { a, b in
            if density[a] != density[b] { return density[a] > density[b] }
            return companies[a] < companies[b]
        }
        var assigned = [Bool](repeating: false, count: flows.count)
        var result: [[IndexedFlow]] = []
        let largest = settings.maximumGroupSize
        for seed in seeds where !assigned[seed] {
            // With a largest size, only the nearest free sites count: a nearest-first search
            // stops there, rather than measuring every site of a dense town for each seed.
            let near =
                largest > 0
                ? grid.nearest(largest, within: 2 * radiusKm, of: points[seed]) { !assigned[$0] }
                : grid.items(within: 2 * radiusKm, of: points[seed]).filter { !assigned[$0.item] }
            let free = near.map(\.item).sorted()
            guard free.count >= minimum else { continue }
            let members = prune(free, mustKeep: seed, flows: flows, radiusKm: radiusKm)
            guard members.count >= minimum else { continue }
            for member in members { assigned[member] = true }
            result.append(members.map { flows[$0] })
        }
        return result
    }

    /// Drops the members outside the radius of the centre, recomputing the centre, until all
    /// remaining members lie within it. When the seed itself falls outside, only the farthest
    /// member goes at each step, so that the group stays around its seed.
    private func prune(_ members: [Int], mustKeep seed: Int, flows: [IndexedFlow], radiusKm: Double) -> [Int] {
        var current = members
        // Each member's unit vector and cosine worked out once, not at every step: the same values.
        var vectors = members.map { flows[$0].point!.unitVector }
        var cosines = members.map { flows[$0].point!.cosLatitude }
        while current.count >= 2 {
            let centre = GeoPoint.centre(of: vectors, else: flows[current[0]].point!)
            let cosCentre = centre.cosLatitude
            let distances = current.indices.map {
                flows[current[$0]].point!.distanceKm(to: centre, cosines: (cosines[$0], cosCentre))
            }
            guard let worst = distances.max(), worst > radiusKm else { return current }
            let seedOutside = current.firstIndex(of: seed).map { distances[$0] > radiusKm } ?? true
            if seedOutside {
                // Remove the single farthest member other than the seed.
                guard
                    let farthest = current.indices.filter({ current[$0] != seed }).max(by: {
                        (distances[$0], current[$1]) < (distances[$1], current[$0])
                    })
                else { return [] }
                current.remove(at: farthest)
                vectors.remove(at: farthest)
                cosines.remove(at: farthest)
            } else {
                let kept = current.indices.filter { distances[$0] <= radiusKm || current[$0] == seed }
                (current, vectors, cosines) = (
                    kept.map { current[$0] }, kept.map { vectors[$0] }, kept.map { cosines[$0] }
                )
            }
        }
        return current
    }

    func makeGroup(
        _ members: [IndexedFlow], key: Key, radiusKm: Double, index: MatchIndex, suppliers: SpatialGrid<IndexedFlow>
    ) -> PoolingGroup? {
        let points = members.map { $0.point! }
        let centre = GeoPoint.centre(of: points)!
        let poolMembers = members.map { flow in
            PoolMember(
                reference: flow.reference,
                quantity: flow.amount.map {
                    Amount(value: $0, dimension: flow.dimension, isOneOff: flow.oneOff != nil)
                },
                distanceToCentreKm: flow.point!.distanceKm(to: centre), months: flow.months,
                confidential: flow.flow.confidential)
        }
        let spread = poolMembers.map(\.distanceToCentreKm).max() ?? 0
        var flags: [SynergyFlag] = []
        let known = members.compactMap { $0.oneOff == nil ? $0.amount : nil }
        if known.count < members.count { flags.append(.quantityUnknown) }
        let dimension = members[0].dimension
        let total = known.isEmpty ? nil : Amount(value: known.reduce(0, +), dimension: dimension)
        let threshold = index.taxonomy.poolingThreshold(for: key.code)
        let reaches = threshold.flatMap { threshold in total.map { $0.value >= threshold.value } }
        if reaches == false { flags.append(.belowThreshold) }

        guard
            let (offers, offerFlag) = self.offers(
                for: members, key: key, suppliers: suppliers, centre: centre, radiusKm: radiusKm, index: index)
        else { return nil }
        if let offerFlag { flags.append(offerFlag) }
        if members.contains(where: { $0.flow.confidence == .estimated }) { flags.append(.estimatedData) }
        if members.contains(where: { $0.flow.inferred }) { flags.append(.inferred) }
        if members.contains(where: { $0.flow.confidential }) { flags.append(.confidential) }
        if members.contains(where: \.placedByPostcode) { flags.append(.approximateLocation) }
        let union = members.reduce(MonthSet(rawValue: 0)) { MonthSet(rawValue: $0.rawValue | $1.months.rawValue) }
        let shared = (1...12).filter { month in members.filter { $0.months.contains(month) }.count >= 2 }.count
        if union.count < 12 { flags.append(.seasonal) }

        let compactness = radiusKm > 0 ? max(0, 1 - spread / radiusKm) : 1
        let volume = Self.volume(total, threshold: threshold, dimension: dimension)
        var quality = min(1, Double(members.count - 1) / 4)
        if flags.contains(.noOffer) { quality *= 0.7 }
        let time = union.count > 0 ? Double(shared) / Double(union.count) : 0
        let confidence = members.reduce(0) { $0 + SubstitutionMatcher.confidence($1.flow) } / Double(members.count)
        let terms = Scoring.terms(
            distance: compactness, volume: volume, quality: quality, time: time, confidence: confidence,
            weights: settings.weights)
        let first = members.map(\.reference.company).min() ?? ""
        return PoolingGroup(
            id: "pool.\(key.mode.rawValue).\(key.code).\(first)", mode: key.mode, resource: key.code,
            category: ResourceCategory(code: key.code) ?? .material, direction: key.direction,
            members: poolMembers.sorted { $0.reference.company < $1.reference.company }, centre: centre,
            spreadKm: spread,
            radiusKm: radiusKm, total: total, threshold: threshold, reachesThreshold: reaches, offers: offers,
            flags: flags.sorted(), terms: terms, score: Scoring.score(terms))
    }

    /// The volume term: the pooled total against the resource's threshold, or its order of
    /// magnitude when there is none; a quarter when the total is unknown.
    private static func volume(_ total: Amount?, threshold: PoolingThreshold?, dimension: PhysicalDimension) -> Double {
        guard let total else { return 0.25 }
        guard let threshold else { return SubstitutionMatcher.magnitude(total.value, dimension) }
        return min(1, total.value / threshold.value)
    }

    /// Offers of the requested service within `limitKm` of the group's centre, from firms that
    /// are not members, nearest first.
    func offers(
        of code: ResourceCode, around centre: GeoPoint, within limitKm: Double, excluding members: [IndexedFlow],
        index: MatchIndex
    ) -> [PoolOffer] {
        let memberCompanies = Set(members.map(\.reference.company))
        var offers: [PoolOffer] = []
        for position in index.outputsByCode[code] ?? [] {
            let offer = index.outputs[position]
            guard let point = offer.point, !memberCompanies.contains(offer.reference.company) else { continue }
            let distance = point.distanceKm(to: centre)
            guard distance <= limitKm else { continue }
            offers.append(PoolOffer(offer, distanceKm: distance))
        }
        return offers.nearestFirst()
    }
}
