/// The two kinds of synergy.
public enum SynergyKind: String, Sendable, Hashable, CaseIterable {
    /// One firm's release replaces another firm's purchase.
    case substitution
    /// Several nearby firms share a supply, a collection, equipment or a service.
    case pooling
}

/// What a pooling group shares.
public enum PoolingMode: String, Sendable, Hashable, CaseIterable {
    /// The same material or energy need: buy together.
    case purchasing
    /// The same heat, cold or water need: one shared installation.
    case sharedUtility = "shared-utility"
    /// The same material release: one collection round.
    case collection
    /// The same organic or water release: one treatment unit (a methaniser, a treatment plant).
    case sharedTreatment = "shared-treatment"
    /// The same request for a service or asset (premises, equipment, skills, transport).
    case sharedService = "shared-service"
}

/// The terms a score is made of.
public enum ScoreTermName: String, Sendable, Hashable, CaseIterable {
    case distance
    case volume
    case quality
    case time
    case confidence
}

/// One term of a score: its value in 0…1 and the weight it carries.
public struct ScoreTerm: Sendable, Hashable {
    public var term: ScoreTermName
    public var value: Double
    public var weight: Double

    public init(term: ScoreTermName, value: Double, weight: Double) {
        self.term = term
        self.value = value
        self.weight = weight
    }
}

/// An amount in its dimension's base unit (t, m³, MWh, m², h, item), per year or once.
public struct Amount: Sendable, Hashable {
    public var value: Double
    public var dimension: PhysicalDimension
    public var isOneOff: Bool

    public init(value: Double, dimension: PhysicalDimension, isOneOff: Bool = false) {
        self.value = value
        self.dimension = dimension
        self.isOneOff = isOneOff
    }

    public var unit: QuantityUnit { dimension.baseUnit }
    public var period: Period { isOneOff ? .once : .year }
}

/// A month of a given year.
public struct YearMonth: Sendable, Hashable {
    public var year: Int
    public var month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }
}

/// A company's flow, named for people and programs.
public struct FlowReference: Sendable, Hashable {
    public var company: CompanyID
    public var companyName: String
    public var flow: FlowID
    /// True when the flow was inferred from the company's activity code, not declared.
    public var inferred: Bool

    public init(company: CompanyID, companyName: String, flow: FlowID, inferred: Bool = false) {
        self.company = company
        self.companyName = companyName
        self.flow = flow
        self.inferred = inferred
    }

    /// Hashes the ids only: a firm's name goes with its id, and hashing it too was most of the
    /// cost of counting a national run's needs. Equality still compares every member.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(company)
        hasher.combine(flow)
    }
}

/// One firm's release replacing another firm's need.
public struct SubstitutionSynergy: Sendable, Hashable {
    public var id: String
    public var supplier: FlowReference
    public var receiver: FlowReference
    /// The code of the release.
    public var resource: ResourceCode
    /// The code of the need it serves.
    public var needResource: ResourceCode
    public var category: ResourceCategory
    public var compatibility: Compatibility
    /// Great-circle distance; `nil` when a site has no coordinates.
    public var distanceKm: Double?
    /// The largest distance allowed for this link.
    public var limitKm: Double
    /// The amount exchanged over the overlapping months, in the need's dimension.
    public var quantity: Amount?
    /// The share of the need covered, 0…1.
    public var coverage: Double?
    /// The months both flows run.
    public var months: MonthSet
    /// For a one-off exchange, when it happens.
    public var oneOff: YearMonth?
    public var supplierTemperature: Double?
    public var receiverTemperature: Double?
    /// The estimated coefficient of performance, for a heat-pump candidate.
    public var heatPumpCOP: Double?
    /// The share of a flue gas's declared heat hot enough for the need (the part above the
    /// need's temperature plus the approach), when not all of it: the quantity counts only that.
    public var sourceHeatShare: Double?
    /// How tonnes of the release count against tonnes of the need, when not one for one.
    public var equivalence: MassEquivalence?
    public var flags: [SynergyFlag]
    public var terms: [ScoreTerm]
    public var score: Double
    /// How many other candidates for the same need the per-need limit (`--per-need`) left out:
    /// those scored below the ones kept (at least this many; the search stops once no
    /// farther release could enter the list).
    public var needCandidatesLeftOut = 0

    /// Every member, for values built by hand (tests, fixtures).
    package init(
        id: String, supplier: FlowReference, receiver: FlowReference, resource: ResourceCode,
        needResource: ResourceCode, category: ResourceCategory, compatibility: Compatibility, distanceKm: Double?,
        limitKm: Double, quantity: Amount?, coverage: Double?, months: MonthSet, oneOff: YearMonth?,
        supplierTemperature: Double?, receiverTemperature: Double?, heatPumpCOP: Double?,
        sourceHeatShare: Double? = nil, equivalence: MassEquivalence? = nil, flags: [SynergyFlag], terms: [ScoreTerm],
        score: Double
    ) {
        self.equivalence = equivalence
        self.id = id
        self.supplier = supplier
        self.receiver = receiver
        self.resource = resource
        self.needResource = needResource
        self.category = category
        self.compatibility = compatibility
        self.distanceKm = distanceKm
        self.limitKm = limitKm
        self.quantity = quantity
        self.coverage = coverage
        self.months = months
        self.oneOff = oneOff
        self.supplierTemperature = supplierTemperature
        self.receiverTemperature = receiverTemperature
        self.heatPumpCOP = heatPumpCOP
        self.sourceHeatShare = sourceHeatShare
        self.flags = flags
        self.terms = terms
        self.score = score
    }
}

/// How a release relates to the need it serves, from the taxonomy.
public enum Compatibility: Sendable, Hashable {
    /// The same code.
    case exact
    /// The release is a more specific kind of what the need asks for (`heat.steam.low-pressure`
    /// for `heat.steam`).
    case moreSpecific
    /// The release is a more general kind than the need (`heat.steam` for
    /// `heat.steam.low-pressure`): it probably fits, to be checked.
    case lessSpecific
    /// A substitution link of the taxonomy, from the release's code or one of its parents.
    case link(SubstitutionLink)
    /// Two different kinds of heat (or of cold): heat is heat, the temperatures decide.
    case heatTransfer

    /// How well the release serves the need, 0…1.
    public var factor: Double {
        switch self {
        case .exact, .moreSpecific: 1
        case .lessSpecific: 0.8
        case .link(let link): link.factor
        case .heatTransfer: 0.9
        }
    }

    public var name: String {
        switch self {
        case .exact: "exact"
        case .moreSpecific: "more-specific"
        case .lessSpecific: "less-specific"
        case .link: "substitute"
        case .heatTransfer: "heat-transfer"
        }
    }
}

/// A member of a pooling group.
public struct PoolMember: Sendable, Hashable {
    public var reference: FlowReference
    public var quantity: Amount?
    public var distanceToCentreKm: Double
    public var months: MonthSet
    public var confidential: Bool

    /// Every member, for values built by hand (tests, fixtures).
    package init(
        reference: FlowReference, quantity: Amount?, distanceToCentreKm: Double, months: MonthSet, confidential: Bool
    ) {
        self.reference = reference
        self.quantity = quantity
        self.distanceToCentreKm = distanceToCentreKm
        self.months = months
        self.confidential = confidential
    }
}

/// Several nearby firms with the same need or release, or asking for the same service.
public struct PoolingGroup: Sendable, Hashable {
    public var id: String
    public var mode: PoolingMode
    public var resource: ResourceCode
    public var category: ResourceCategory
    public var direction: FlowDirection
    /// Members sorted by company id.
    public var members: [PoolMember]
    public var centre: GeoPoint
    /// The largest distance from a member to the centre.
    public var spreadKm: Double
    public var radiusKm: Double
    /// The sum of the members' known quantities.
    public var total: Amount?
    public var threshold: PoolingThreshold?
    public var reachesThreshold: Bool?
    /// Offers of the service or asset the group asks for, within its radius.
    public var offers: [PoolOffer]
    public var flags: [SynergyFlag]
    public var terms: [ScoreTerm]
    public var score: Double

    /// Every member, for values built by hand (tests, fixtures).
    package init(
        id: String, mode: PoolingMode, resource: ResourceCode, category: ResourceCategory, direction: FlowDirection,
        members: [PoolMember], centre: GeoPoint, spreadKm: Double, radiusKm: Double, total: Amount?,
        threshold: PoolingThreshold?, reachesThreshold: Bool?, offers: [PoolOffer], flags: [SynergyFlag],
        terms: [ScoreTerm], score: Double
    ) {
        self.id = id
        self.mode = mode
        self.resource = resource
        self.category = category
        self.direction = direction
        self.members = members
        self.centre = centre
        self.spreadKm = spreadKm
        self.radiusKm = radiusKm
        self.total = total
        self.threshold = threshold
        self.reachesThreshold = reachesThreshold
        self.offers = offers
        self.flags = flags
        self.terms = terms
        self.score = score
    }
}

/// A firm offering what a pooling group asks for.
public struct PoolOffer: Sendable, Hashable {
    public var reference: FlowReference
    public var quantity: Amount?
    public var distanceToCentreKm: Double

    /// Every member, for values built by hand (tests, fixtures).
    package init(reference: FlowReference, quantity: Amount?, distanceToCentreKm: Double) {
        self.reference = reference
        self.quantity = quantity
        self.distanceToCentreKm = distanceToCentreKm
    }
}

/// A synergy of either kind, as ranked and rendered.
public enum Synergy: Sendable, Hashable {
    case substitution(SubstitutionSynergy)
    case pooling(PoolingGroup)

    public var id: String {
        switch self {
        case .substitution(let s): s.id
        case .pooling(let p): p.id
        }
    }

    public var kind: SynergyKind {
        switch self {
        case .substitution: .substitution
        case .pooling: .pooling
        }
    }

    public var score: Double {
        switch self {
        case .substitution(let s): s.score
        case .pooling(let p): p.score
        }
    }

    public var category: ResourceCategory {
        switch self {
        case .substitution(let s): s.category
        case .pooling(let p): p.category
        }
    }

    /// For a substitution whose need had candidates left out by the per-need limit, the need
    /// and how many; `nil` otherwise.
    var needLeftOut: (need: FlowReference, count: Int)? {
        guard case .substitution(let s) = self, s.needCandidatesLeftOut > 0 else { return nil }
        return (s.receiver, s.needCandidatesLeftOut)
    }

    /// A substitution of the `service` category: ranked in its own section, after the rest.
    public var isServiceSwap: Bool {
        if case .substitution(let s) = self { return s.category == .service }
        return false
    }

    public var resource: ResourceCode {
        switch self {
        case .substitution(let s): s.resource
        case .pooling(let p): p.resource
        }
    }

    /// The distance that ranks it: the link's length, or the group's spread.
    public var rankingDistanceKm: Double {
        switch self {
        case .substitution(let s): s.distanceKm ?? .infinity
        case .pooling(let p): p.spreadKm
        }
    }

    /// The volume term's value, comparable across dimensions.
    public var volumeTerm: Double {
        switch self {
        case .substitution(let s): s.terms.volumeValue
        case .pooling(let p): p.terms.volumeValue
        }
    }

    /// The companies involved.
    public var companies: [CompanyID] {
        switch self {
        case .substitution(let s): [s.supplier.company, s.receiver.company]
        case .pooling(let p): p.members.map(\.reference.company) + p.offers.map(\.reference.company)
        }
    }

    public var flags: [SynergyFlag] {
        switch self {
        case .substitution(let s): s.flags
        case .pooling(let p): p.flags
        }
    }

    public var terms: [ScoreTerm] {
        switch self {
        case .substitution(let s): s.terms
        case .pooling(let p): p.terms
        }
    }
}

extension [ScoreTerm] {
    /// The volume term's value, 0 when there is none.
    var volumeValue: Double { first { $0.term == .volume }?.value ?? 0 }
}
