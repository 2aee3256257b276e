/// Whether a flow is consumed or released.
public enum FlowDirection: String, Sendable, Hashable, CaseIterable {
    /// A need (*besoin*), or a request for a service.
    case input
    /// A release (*ressource disponible*), or an offer of a service.
    case output
}

/// What a release is, for the firm that releases it.
public enum OutputStatus: String, Sendable, Hashable, CaseIterable {
    case waste
    case byProduct = "by-product"
    case surplus
}

/// Where a release goes today, without the synergy: the supplier's side of the counterfactual
/// (`Docs/impacts.md`). Disposal routes have avoided-disposal factors; the last three already
/// recover the release, so the synergy avoids no disposal.
public enum ReleaseOutlet: String, Sendable, Hashable, CaseIterable {
    case landfill
    case incineration
    case composting
    case anaerobicDigestion = "anaerobic-digestion"
    case wastewaterTreatment = "wastewater-treatment"
    case recycling
    case reuse
    case sold

    /// True when the release is already recovered (recycled, reused or sold): taking it saves
    /// no disposal emissions.
    public var recovers: Bool {
        switch self {
        case .recycling, .reuse, .sold: true
        default: false
        }
    }
}

/// How the figures of a flow were obtained.
public enum DataConfidence: String, Sendable, Hashable, CaseIterable {
    case measured
    case declared
    case estimated
}

/// One resource a site consumes or releases.
public struct Flow: Sendable, Hashable {
    /// Unique within its company.
    public var id: FlowID
    public var direction: FlowDirection
    /// A code of the taxonomy, such as `heat.steam` or `material.glass.cullet`. Empty when the
    /// firm gave only words (``resourceText``) or a List of Waste code, until the validate stage
    /// resolves it (``ResourceResolver``).
    public var resource: ResourceCode
    /// The resource in the firm's own words ("rebuts de bois de palette"), kept beside the code.
    public var resourceText: String?
    /// The amount, when known. A flow without one is kept and reported as a data gap.
    public var quantity: Quantity?
    public var quality: FlowQuality
    public var availability: Availability
    /// What the site pays per unit, for an input.
    public var price: Cost?
    /// What disposal costs the site per unit, for an output.
    public var disposalCost: Cost?
    /// The furthest the site will send or fetch this resource, in kilometres.
    public var maxDistanceKm: Double?
    /// Outputs only.
    public var status: OutputStatus?
    /// Outputs only: where the release goes today (a waste's disposal route, or a sale).
    public var outlet: ReleaseOutlet?
    public var confidence: DataConfidence
    /// Confidential flows are shown in bands, never as exact figures, in reports.
    public var confidential: Bool
    public var note: String?
    /// How the yearly quantity spreads over the months, January first (`LoadShape`): declared
    /// for needs that peak, such as winter heating; `nil` for an even spread.
    public var monthShares: [Double]?
    /// The firm the flow already goes to (an output) or comes from (an input): an exchange with
    /// it exists already and is not proposed as new.
    public var existingPartner: CompanyID?
    /// A project, not yet running (a planned methaniser, a site under construction): matched,
    /// flagged `planned`, with half the confidence.
    public var planned: Bool
    /// True for a flow Symbiose inferred from the firm's activity code (`match --infer`), not
    /// one the firm declared. Never written to profile files.
    public var inferred: Bool

    public init(
        id: FlowID, direction: FlowDirection, resource: ResourceCode, quantity: Quantity? = nil,
        quality: FlowQuality = FlowQuality(), availability: Availability = .continuous,
        price: Cost? = nil, disposalCost: Cost? = nil, maxDistanceKm: Double? = nil,
        status: OutputStatus? = nil, confidence: DataConfidence = .declared, confidential: Bool = false,
        note: String? = nil, inferred: Bool = false, monthShares: [Double]? = nil,
        existingPartner: CompanyID? = nil, planned: Bool = false, outlet: ReleaseOutlet? = nil,
        resourceText: String? = nil
    ) {
        self.id = id
        self.direction = direction
        self.resource = resource
        self.quantity = quantity
        self.quality = quality
        self.availability = availability
        self.price = price
        self.disposalCost = disposalCost
        self.maxDistanceKm = maxDistanceKm
        self.status = status
        self.confidence = confidence
        self.confidential = confidential
        self.note = note
        self.inferred = inferred
        self.monthShares = monthShares
        self.existingPartner = existingPartner
        self.planned = planned
        self.outlet = outlet
        self.resourceText = resourceText
    }

    /// The category of the flow: the root of its resource code (`heat`, `water`, …), if known.
    public var category: ResourceCategory? {
        resource.category
    }
}

/// A price or a cost per unit of a flow.
public struct Cost: Sendable, Hashable {
    public var value: Double
    /// ISO 4217 currency code.
    public var currency: String
    /// The unit the value is per: `45 EUR per t`.
    public var unit: QuantityUnit

    public init(value: Double, currency: String = "EUR", per unit: QuantityUnit) {
        self.value = value
        self.currency = currency
        self.unit = unit
    }
}

/// When a flow exists during the year.
public enum Availability: Sendable, Hashable {
    /// All year round.
    case continuous
    /// During the listed months (1 = January), in the order given; a campaign may run over
    /// the new year (`9 10 11 12 1`).
    case seasonal(months: [Int])
    /// Once, in the given month of the given year.
    case oneOff(year: Int, month: Int)

    /// How many months of the year the flow runs.
    public var activeMonthCount: Int {
        switch self {
        case .continuous: 12
        case .seasonal(let months): Set(months.filter { (1...12).contains($0) }).count
        case .oneOff: 1
        }
    }
}
