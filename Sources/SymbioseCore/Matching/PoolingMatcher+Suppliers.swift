/// Who a pooling group is for: firms that already supply what the group pools (a heat network
/// for firms needing heat, a sorting centre for firms releasing cardboard) are offers to the
/// group, not members of it; a group of one company group's sites only is internal; and firms
/// sharing a water supply need a source of water nearby.
extension PoolingMatcher {
    /// The activity codes (NAF rév. 2 classes) whose firms supply a pooled resource, by pooling
    /// key: heat and cold networks (35.30), water supply (36.00), and waste collection,
    /// treatment, sorting and the waste and scrap trade (38.1, 38.2, 38.3, 46.77) for
    /// collections of released materials.
    static func suppliesPool(activity: String?, code: ResourceCode, mode: PoolingMode, direction: FlowDirection) -> Bool
    {
        guard let activity else { return false }
        let classCode = String(activity.prefix(5))
        switch (code.category, mode, direction) {
        case (.heat?, .sharedUtility, .input), (.cold?, .sharedUtility, .input):
            return classCode == "35.30"
        case (.water?, .sharedUtility, .input):
            return classCode == "36.00"
        case (.material?, .collection, .output):
            return ["38.1", "38.2", "38.3"].contains { classCode.hasPrefix($0) } || classCode == "46.77"
        default:
            return false
        }
    }

    /// Whether every member belongs to one company group: their pooling is internal.
    static func isInternal(_ members: [IndexedFlow]) -> Bool {
        guard let group = members.first?.group else { return false }
        return members.allSatisfy { $0.group == group }
    }

    /// The suppliers within `limitKm` of `centre`, as offers to the group there, nearest first.
    static func supplierOffers(_ suppliers: SpatialGrid<IndexedFlow>, around centre: GeoPoint, within limitKm: Double)
        -> [PoolOffer]
    {
        suppliers.items(within: limitKm, of: centre).map { flow, distance in
            PoolOffer(reference: flow.reference, quantity: nil, distanceToCentreKm: distance)
        }.nearestFirst()
    }

    /// Releases of water within `limitKm` of the centre, from firms that are not members: the
    /// source a shared water supply would draw on.
    static func waterSources(
        around centre: GeoPoint, within limitKm: Double, excluding members: [IndexedFlow], index: MatchIndex
    ) -> [PoolOffer] {
        let memberCompanies = Set(members.map(\.reference.company))
        var offers: [PoolOffer] = []
        for (code, grid) in index.outputGrids where code.category == .water {
            for (position, distance) in grid.items(within: limitKm, of: centre) {
                let flow = index.outputs[position]
                guard !memberCompanies.contains(flow.reference.company) else { continue }
                offers.append(PoolOffer(flow, distanceKm: distance))
            }
        }
        return offers.nearestFirst()
    }

    /// The offers to a group, with the flag they earn; `nil` when the group has no reason to
    /// be (firms sharing a water supply with no source of water nearby).
    func offers(
        for members: [IndexedFlow], key: Key, suppliers: SpatialGrid<IndexedFlow>, centre: GeoPoint, radiusKm: Double,
        index: MatchIndex
    ) -> (offers: [PoolOffer], flag: SynergyFlag?)? {
        if key.mode == .sharedService || (key.mode == .collection && key.direction == .input) {
            let found = offers(of: key.code, around: centre, within: radiusKm * 2, excluding: members, index: index)
            return (found, found.isEmpty ? .noOffer : .offerAvailable)
        }
        var found = Self.supplierOffers(suppliers, around: centre, within: radiusKm * 2)
        if key.mode == .sharedUtility, key.code.category == .water {
            found += Self.waterSources(around: centre, within: radiusKm * 2, excluding: members, index: index)
            if found.isEmpty { return nil }
        }
        return (found, found.isEmpty ? nil : .offerAvailable)
    }
}

extension PoolOffer {
    /// A release offered to a group, with its quantity, `distanceKm` from the group's centre.
    init(_ flow: IndexedFlow, distanceKm: Double) {
        self.init(
            reference: flow.reference, quantity: flow.amount.map { Amount(value: $0, dimension: flow.dimension) },
            distanceToCentreKm: distanceKm)
    }
}

extension [PoolOffer] {
    /// Nearest first; ties by company, then flow, whatever order they were found in.
    func nearestFirst() -> [PoolOffer] {
        sorted {
            ($0.distanceToCentreKm, $0.reference.company, $0.reference.flow)
                < ($1.distanceToCentreKm, $1.reference.company, $1.reference.flow)
        }
    }
}
