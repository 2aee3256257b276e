/// One flow prepared for matching: its quantity brought to its resource's dimension and base
/// unit, its months as a set, and its site's position.
///
/// A class, so that the matcher's inner loops pass references instead of copying a flow's
/// strings and arrays (and their reference counts) for every candidate pair.
public final class IndexedFlow: Sendable {
    public let reference: FlowReference
    public let flow: Flow
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
    public let contents: MassEquivalence.Values
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
        dimension: PhysicalDimension, grade: WaterGrade?, hazardous: Bool, group: String? = nil,
        contents: MassEquivalence.Values = .init(),
        activity: String? = nil, placedByPostcode: Bool = false,
        typicalTemperature: ClosedRange<Double>? = nil
    ) {
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
        self.contents = contents
        self.reference = reference
        self.flow = flow
        self.point = point
        self.months = months
        self.oneOff = oneOff
        self.amount = amount
        self.dimension = dimension
        self.grade = grade
        self.hazardous = hazardous
        self.category = ResourceCategory(code: flow.resource) ?? .material
        self.shares = oneOff == nil ? LoadShape.of(flow)?.shares(over: months) : nil
    }

    /// The share of the amount in each month (index 0 = January), even when no shape is set.
    public var monthlyShares: [Double] { shares ?? LoadShape.even(over: months) }
}

/// The index stage: every flow of every valid profile, grouped by direction and resource code,
/// with a spatial grid per code for neighbour queries.
///
/// - Complexity: O(*f*) to build for *f* flows.
public struct MatchIndex: Sendable {
    public let taxonomy: Taxonomy
    public private(set) var outputs: [IndexedFlow] = []
    public private(set) var inputs: [IndexedFlow] = []
    /// Positions in `outputs` / `inputs` by resource code, in input order.
    public private(set) var outputsByCode: [ResourceCode: [Int]] = [:]
    public private(set) var inputsByCode: [ResourceCode: [Int]] = [:]
    /// Outputs with coordinates, by code, for spatial queries.
    public private(set) var outputGrids: [ResourceCode: SpatialGrid<Int>] = [:]
    /// Company ids of sites without coordinates, sorted.
    public private(set) var companiesWithoutCoordinates: [CompanyID] = []
    /// Problems found while indexing (quantities whose unit cannot be brought to the resource's dimension).
    public private(set) var diagnostics: [Diagnostic] = []
    /// What the search weighs of each release and need before reading it, in the order of
    /// `outputs` and `inputs`.
    private(set) var releaseGates: [FlowGate] = []
    private(set) var needGates: [FlowGate] = []
    /// Whether a company id or a release's flow id within a profile repeats, so that a company
    /// and flow id may name several releases (never in a valid territory).
    private(set) var releaseNamesRepeat = false

    /// The grid cell size, in kilometres.
    public static let cellKm = 10.0

    /// Indexes the profiles' flows.
    ///
    /// - Parameter profiles: validated profiles; flows with unknown resource codes are skipped.
    public init(_ profiles: [LoadedProfile], taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
        var withoutPoint: Set<CompanyID> = []
        // What the taxonomy says of each code, looked up once per code rather than once per flow.
        var facts: [ResourceCode: CodeFacts] = [:]
        var numbers = FlowGate.Numbers()
        var partners: [(output: Bool, position: Int, partner: CompanyID)] = []
        for loaded in profiles {
            let profile = loaded.profile
            let point = profile.site.point
            if point == nil { withoutPoint.insert(profile.company.id) }
            let company = numbers.company(profile.company.id)
            let group = profile.company.group.map { numbers.group($0) } ?? -1
            if Self.repeatsAnId(profile.outputs) { releaseNamesRepeat = true }
            for (direction, flows) in [(FlowDirection.output, profile.outputs), (.input, profile.inputs)] {
                for (index, flow) in flows.enumerated() {
                    guard let code = facts[flow.resource] ?? CodeFacts(flow.resource, taxonomy) else { continue }
                    facts[flow.resource] = code
                    let amount = taxonomy.annualAmount(of: flow, dimension: code.dimension)
                    if amount == nil, let warning = Self.unitMismatch(flow, code.dimension, loaded, direction, index) {
                        diagnostics.append(warning)
                    }
                    var oneOff: YearMonth?
                    if case .oneOff(let year, let month) = flow.availability {
                        oneOff = YearMonth(year: year, month: month)
                    }
                    let hazardous = flow.quality.hazardous ?? flow.quality.ewc.map(EWCCode.isHazardous) ?? false
                    let indexed = IndexedFlow(
                        reference: FlowReference(
                            company: profile.company.id, companyName: profile.company.name, flow: flow.id,
                            inferred: flow.inferred),
                        flow: flow, point: point, months: MonthSet(flow.availability), oneOff: oneOff, amount: amount,
                        dimension: code.dimension, grade: flow.quality.waterGrade ?? code.grade,
                        hazardous: hazardous, group: profile.company.group, contents: code.contents,
                        activity: profile.company.naf, placedByPostcode: profile.site.placedByPostcode,
                        typicalTemperature: code.temperature)
                    if let partner = flow.existingPartner {
                        partners.append(
                            (direction == .output, direction == .output ? outputs.count : inputs.count, partner))
                    }
                    add(indexed, FlowGate(indexed, company: company, group: group), direction)
                }
            }
        }
        if numbers.companyRepeated { releaseNamesRepeat = true }
        // A partner may be a company met later: partners are numbered once every company is.
        for (output, position, partner) in partners {
            let number = numbers.companies[partner] ?? -2
            if output { releaseGates[position].partner = number } else { needGates[position].partner = number }
        }
        companiesWithoutCoordinates = withoutPoint.sorted()
        for (code, positions) in outputsByCode {
            let located = positions.compactMap { position in outputs[position].point.map { ($0, position) } }
            outputGrids[code] = SpatialGrid(located, cellKm: Self.cellKm)
        }
    }
}

extension MatchIndex {
    private mutating func add(_ indexed: IndexedFlow, _ gate: FlowGate, _ direction: FlowDirection) {
        if direction == .output {
            outputsByCode[indexed.flow.resource, default: []].append(outputs.count)
            outputs.append(indexed)
            releaseGates.append(gate)
        } else {
            inputsByCode[indexed.flow.resource, default: []].append(inputs.count)
            inputs.append(indexed)
            needGates.append(gate)
        }
    }

    /// The warning for a quantity given in a unit that cannot be brought to its resource's
    /// dimension; `nil` when the quantity is missing or its own unit cannot be read.
    private static func unitMismatch(
        _ flow: Flow, _ dimension: PhysicalDimension, _ loaded: LoadedProfile, _ direction: FlowDirection, _ index: Int
    ) -> Diagnostic? {
        guard let quantity = flow.quantity, quantity.normalized(activeMonths: MonthSet(flow.availability).count) != nil
        else { return nil }
        let company = loaded.profile.company.id
        return .warning(
            .quantityUnitMismatch,
            LocalizedText(
                en:
                    "\(company)/\(flow.id): \(quantity.unit.rawValue) cannot be brought to \(dimension.rawValue); the flow is matched as if its quantity were unknown",
                fr:
                    "\(company)/\(flow.id) : \(quantity.unit.rawValue) ne se convertit pas en \(dimension.rawValue) ; le flux est apparié comme si sa quantité était inconnue"
            ),
            at: loaded.source.locate(ProfileSource.flowKey(direction, index) + ".quantity.unit"))
    }

    /// Whether two of `flows` share an id.
    static func repeatsAnId(_ flows: [Flow]) -> Bool {
        guard flows.count > 1 else { return false }
        guard flows.count <= 16 else { return Set(flows.map(\.id)).count < flows.count }
        for later in 1..<flows.count where flows[..<later].contains(where: { $0.id == flows[later].id }) {
            return true
        }
        return false
    }
}

/// What the taxonomy says of one resource code that indexing needs for each of its flows.
private struct CodeFacts {
    let dimension: PhysicalDimension
    let grade: WaterGrade?
    let contents: MassEquivalence.Values
    let temperature: ClosedRange<Double>?

    /// `nil` when the code is unknown.
    init?(_ code: ResourceCode, _ taxonomy: Taxonomy) {
        guard let entry = taxonomy[code] else { return nil }
        dimension = entry.dimension
        grade = taxonomy.defaultGrade(for: code)
        contents = taxonomy.contents(of: code)
        temperature = taxonomy.typicalTemperature(of: code)
    }
}

extension Taxonomy {
    /// A flow's quantity over a year (or once, for a one-off flow) in its resource's dimension,
    /// through a declared equivalent when it is given in another; `nil` when unknown or not convertible.
    public func annualAmount(of flow: Flow) -> Double? {
        guard let entry = self[flow.resource] else { return nil }
        return annualAmount(of: flow, dimension: entry.dimension)
    }

    /// As ``annualAmount(of:)``, for a flow whose resource's dimension is already known.
    func annualAmount(of flow: Flow, dimension: PhysicalDimension) -> Double? {
        guard let quantity = flow.quantity,
            let normalized = quantity.normalized(activeMonths: MonthSet(flow.availability).count)
        else { return nil }
        if normalized.dimension == dimension { return normalized.amount }
        guard let equivalent = equivalent(from: normalized.dimension, for: flow) else { return nil }
        return normalized.amount * equivalent.factor
    }

    /// The equivalent converting `flow`'s quantity in `dimension`: the taxonomy's, scaled to the
    /// methane share the flow declares when the equivalent assumes one (and then not assumed).
    public func equivalent(from dimension: PhysicalDimension, for flow: Flow) -> DimensionEquivalent? {
        guard var equivalent = equivalent(from: dimension, for: flow.resource) else { return nil }
        if let assumedShare = equivalent.methaneShare, assumedShare > 0, let declared = flow.quality.methane,
            declared > 0, declared <= 100
        {
            equivalent.factor *= declared / assumedShare
            equivalent.assumed = false
        }
        return equivalent
    }

    /// The water grade a resource has by default: its own, or its nearest parent's.
    public func defaultGrade(for code: ResourceCode) -> WaterGrade? {
        firstInLineage(of: code) { $0.grade }
    }

    /// The pooling threshold of a resource: its own, or its nearest parent's.
    public func poolingThreshold(for code: ResourceCode) -> PoolingThreshold? {
        firstInLineage(of: code) { $0.pooling }
    }
}
