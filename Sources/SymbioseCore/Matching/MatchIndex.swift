import Foundation

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
    /// - Parameters:
    ///   - profiles: validated profiles; flows with unknown resource codes are skipped.
    ///   - threads: how many threads prepare the flows; the index is the same for any number.
    public init(_ profiles: [LoadedProfile], taxonomy: Taxonomy, threads: Int = 1) {
        self.taxonomy = taxonomy
        var withoutPoint: Set<CompanyID> = []
        var numbers = FlowGate.Numbers()
        // One company a profile, as in most territories: the table is never grown and rehashed.
        numbers.companies.reserveCapacity(profiles.count)
        var partners: [(output: Bool, position: Int, partner: CompanyID)] = []
        var position = 0
        // Each flow prepared on any thread; numbered and placed here, in input order.
        let parts = Self.prepare(profiles, taxonomy: taxonomy, threads: threads)
        reserve(parts)
        for part in parts {
            var start = 0
            for end in part.ends {
                let company = numbers.company(profiles[position].profile.company.id)
                let group = profiles[position].profile.company.group.map { numbers.group($0) } ?? -1
                if profiles[position].profile.site.point == nil {
                    withoutPoint.insert(profiles[position].profile.company.id)
                }
                if Self.repeatsAnId(profiles[position].profile.outputs) { releaseNamesRepeat = true }
                for flow in start..<end {
                    let (indexed, direction) = (part.flows[flow], part.directions[flow])
                    if let partner = indexed.flow.existingPartner {
                        partners.append(
                            (direction == .output, direction == .output ? outputs.count : inputs.count, partner))
                    }
                    add(indexed, FlowGate(indexed, company: company, group: group), direction)
                }
                (start, position) = (end, position + 1)
            }
            diagnostics += part.warnings
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
    /// Room for every prepared flow, so that the lists of flows and gates are held at their count
    /// rather than at a doubling past it.
    private mutating func reserve(_ parts: [PreparedFlows]) {
        let releases = parts.reduce(0) { total, part in total + part.directions.count { $0 == .output } }
        let needs = parts.reduce(0) { $0 + $1.directions.count } - releases
        outputs.reserveCapacity(releases)
        releaseGates.reserveCapacity(releases)
        inputs.reserveCapacity(needs)
        needGates.reserveCapacity(needs)
    }

    /// Lets the gates go once substitution matching is done: pooling never reads them, and at
    /// 100,000 sites they are 16 MiB held while pooling adds its own.
    mutating func letGoOfGates() {
        (releaseGates, needGates) = ([], [])
    }

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
    static func unitMismatch(
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

/// What the taxonomy says of one resource code that indexing needs for each of its flows: one
/// object per code, which the code's flows share.
final class CodeFacts: Sendable {
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

    /// The facts of each code met, made once for all the threads that index.
    final class Table: @unchecked Sendable {
        let taxonomy: Taxonomy
        private let lock = NSLock()
        /// `nil` for a code the taxonomy does not know.
        private var known: [ResourceCode: CodeFacts?] = [:]

        init(_ taxonomy: Taxonomy) { self.taxonomy = taxonomy }

        /// The facts of `code`; `nil` when the taxonomy does not know it.
        func facts(of code: ResourceCode) -> CodeFacts? {
            lock.lock()
            defer { lock.unlock() }
            if let facts = known[code] { return facts }
            let facts = CodeFacts(code, taxonomy)
            known[code] = .some(facts)
            return facts
        }
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
