/// One flow prepared for matching: its quantity brought to its resource's dimension and base
/// unit, its months as a set, and its site's position.
///
/// A class, so that the matcher's inner loops pass references instead of copying a flow's
/// strings and arrays (and their reference counts) for every candidate pair.
public final class IndexedFlow: Sendable {
    public let reference: FlowReference
    /// What matching reads of the flow as declared: a few of its fields, not a copy of it all.
    public let flow: Declared
    public let point: GeoPoint?
    public let months: MonthSet
    public let oneOff: YearMonth?
    /// Per year, or in total for a one-off flow, in the base unit of `dimension`.
    public let amount: Double?
    /// The dimension of the flow's resource.
    public let dimension: PhysicalDimension
    /// The water grade: declared, or the taxonomy's default for the resource.
    public let grade: WaterGrade?
    public let hazardous: Bool
    /// The group of the flow's company, when it declares one.
    public let group: String?
    /// The category of the flow's resource.
    public let category: ResourceCategory
    /// The share of the amount in each month (index 0 = January) when the flow does not run
    /// evenly over its months; `nil` when it does.
    public let shares: [Double]?
    /// What the flow's resource holds per tonne (dry matter, heating value, neutralising value,
    /// nitrogen), from the taxonomy: the bases on which tonnes are weighed.
    public var contents: MassEquivalence.Values { code.contents }
    /// What the taxonomy says of the flow's code, shared by every flow of that code.
    private let code: CodeFacts
    /// The activity code (NAF) of the flow's company, when declared.
    public let activity: String?
    /// Whether the site was placed at its postcode's centre rather than located by its own
    /// coordinates.
    public let placedByPostcode: Bool
    /// The temperatures of a heat or cold flow: the declared one, else its code's typical range
    /// (`temperatureAssumed`); `nil` when neither is known.
    public let temperatures: ClosedRange<Double>?
    public let temperatureAssumed: Bool

    init(
        reference: FlowReference, flow: Flow, point: GeoPoint?, months: MonthSet, oneOff: YearMonth?, amount: Double?,
        code: CodeFacts, grade: WaterGrade?, hazardous: Bool, group: String? = nil,
        activity: String? = nil, placedByPostcode: Bool = false
    ) {
        let typicalTemperature = code.temperature
        if let declared = flow.quality.temperature {
            temperatures = declared...declared
            temperatureAssumed = false
        } else {
            temperatures = typicalTemperature
            temperatureAssumed = typicalTemperature != nil
        }
        self.activity = activity
        self.placedByPostcode = placedByPostcode
        self.group = group
        self.code = code
        self.reference = reference
        self.flow = Declared(flow)
        self.point = point
        self.months = months
        self.oneOff = oneOff
        self.amount = amount
        self.dimension = code.dimension
        self.grade = grade
        self.hazardous = hazardous
        self.category = ResourceCategory(code: flow.resource) ?? .material
        self.shares = oneOff == nil ? LoadShape.of(flow)?.shares(over: months) : nil
    }

    /// The share of the amount in each month (index 0 = January), even when no shape is set.
    public var monthlyShares: [Double] { shares ?? LoadShape.even(over: months) }
}

extension IndexedFlow {
    /// The fields of a declared flow that matching reads once the flow is indexed. The rest (its
    /// words, price, note, outlet, quantity as written) stays with the profile: at a million
    /// sites a full copy per indexed flow held about a gigabyte more.
    public struct Declared: Sendable {
        public let direction: FlowDirection
        public let resource: ResourceCode
        public let quality: FlowQuality
        public let existingPartner: CompanyID?
        public let maxDistanceKm: Double?
        public let confidence: DataConfidence
        public let confidential: Bool
        public let planned: Bool
        public let inferred: Bool

        public init(_ flow: Flow) {
            (direction, resource, quality) = (flow.direction, flow.resource, flow.quality)
            (existingPartner, maxDistanceKm, confidence) = (flow.existingPartner, flow.maxDistanceKm, flow.confidence)
            (confidential, planned, inferred) = (flow.confidential, flow.planned, flow.inferred)
        }
    }
}
