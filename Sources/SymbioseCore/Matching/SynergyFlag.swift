/// The notable facts about a synergy, each shown to users and lowering or qualifying its score.
public enum SynergyFlag: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case seasonal
    case oneOff = "one-off"
    case heatPump = "heat-pump"
    /// The source is hotter than the need, but not by the exchangers' approach: it preheats the
    /// need's stream and covers part of it.
    case preheat
    case temperatureUnknown = "temperature-unknown"
    /// A flow gave no temperature: its code's typical range was assumed.
    case temperatureAssumed = "temperature-assumed"
    case needsTreatment = "needs-treatment"
    case hazardous
    case stateMismatch = "state-mismatch"
    case purityBelowNeed = "purity-below-need"
    case contaminants
    case quantityUnknown = "quantity-unknown"
    case distanceUnknown = "distance-unknown"
    case estimatedData = "estimated-data"
    /// A flow of the synergy was inferred from a firm's activity code, not declared.
    case inferred
    case substitute
    case lessSpecificRelease = "less-specific-release"
    case belowThreshold = "below-threshold"
    case offerAvailable = "offer-available"
    case noOffer = "no-offer"
    case confidential
    /// Both firms belong to the same group: left out of the list unless asked for.
    case sameGroup = "same-group"
    /// The exchange exists already (a flow names the other firm as its current partner).
    case existing
    /// A flow of the synergy is a project, not yet running.
    case planned
    /// A site of the synergy gave no coordinates and was placed at its postcode's centre.
    case approximateLocation = "approximate-location"

    /// The flag's place in the order of declaration, which is the order flags are listed in.
    package var ordinal: Int {
        switch self {
        case .seasonal: 0
        case .oneOff: 1
        case .heatPump: 2
        case .preheat: 3
        case .temperatureUnknown: 4
        case .temperatureAssumed: 5
        case .needsTreatment: 6
        case .hazardous: 7
        case .stateMismatch: 8
        case .purityBelowNeed: 9
        case .contaminants: 10
        case .quantityUnknown: 11
        case .distanceUnknown: 12
        case .estimatedData: 13
        case .inferred: 14
        case .substitute: 15
        case .lessSpecificRelease: 16
        case .belowThreshold: 17
        case .offerAvailable: 18
        case .noOffer: 19
        case .confidential: 20
        case .sameGroup: 21
        case .existing: 22
        case .planned: 23
        case .approximateLocation: 24
        }
    }

    public static func < (lhs: SynergyFlag, rhs: SynergyFlag) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// The flags of a pair while it is weighed, in one word rather than an array allocated for each
/// of the many pairs never kept.
package struct FlagSet {
    private var bits: UInt64 = 0

    package init() {}

    package mutating func insert(_ flag: SynergyFlag) { bits |= 1 << UInt64(flag.ordinal) }

    /// The flags in their listing order.
    package var listed: [SynergyFlag] {
        SynergyFlag.allCases.enumerated().compactMap { bits & (1 << UInt64($0.offset)) != 0 ? $0.element : nil }
    }
}
