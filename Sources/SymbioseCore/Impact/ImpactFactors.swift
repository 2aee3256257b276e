/// How goods travel between two firms, for the transport part of an impact.
public enum TransportMode: String, Sendable, Hashable, CaseIterable, Codable {
    case road
    case barge
    case rail
}

/// What a factor is used for; each role has one unit, checked when a file is read.
public enum FactorRole: String, Sendable, Hashable, CaseIterable {
    /// Emissions avoided per unit of a need's resource that no longer has to be produced.
    case avoidedProduction = "avoided-production"
    /// Emissions avoided per unit of a waste release that no longer has to be disposed of.
    case avoidedDisposal = "avoided-disposal"
    /// Emissions of carrying a tonne over a kilometre, by mode.
    case transportEmissions = "transport-emissions"
    /// Cost of carrying a tonne over a kilometre, by mode.
    case transportCost = "transport-cost"
    /// Network distance over great-circle distance.
    case detour
    /// Share of the heat lost per km of a dedicated pipe.
    case heatLoss = "heat-loss"
    /// Pumping electricity per MWh of heat and km of pipe.
    case heatPumping = "heat-pumping"
    /// Pumping electricity per m³ of water and km of pipe.
    case waterPumping = "water-pumping"
    /// Emissions of grid electricity.
    case electricityEmissions = "electricity-emissions"
    /// Price of grid electricity.
    case electricityPrice = "electricity-price"
    /// How far a secondary material usually travels from its market source to a buyer, by road.
    case marketHaul = "market-haul"
    /// What a metre of heat or cold pipe costs to build, for links up to a capacity (`capacityMW`).
    case pipeCost = "pipe-cost"
    /// The rate that annualises an investment.
    case discountRate = "discount-rate"
    /// The years over which a pipe is annualised.
    case pipeLifetime = "pipe-lifetime"
    /// What a MWh of heat or of cold is worth to the receiver when it declares no price: only to
    /// judge whether a pipe pays, never shown as euros saved.
    case heatReferencePrice = "heat-reference-price"
    case coldReferencePrice = "cold-reference-price"

    /// The unit every factor of this role is written in. Per-resource roles depend on the
    /// resource's dimension and return `nil`.
    public var fixedUnit: String? {
        switch self {
        case .avoidedProduction, .avoidedDisposal: nil
        case .transportEmissions: "kgCO2e/t.km"
        case .transportCost: "EUR/t.km"
        case .detour: "1"
        case .heatLoss: "1/km"
        case .heatPumping: "MWh/MWh.km"
        case .waterPumping: "MWh/m3.km"
        case .electricityEmissions: "kgCO2e/MWh"
        case .electricityPrice: "EUR/MWh"
        case .marketHaul: "km"
        case .pipeCost: "EUR/m"
        case .discountRate: "1"
        case .pipeLifetime: "yr"
        case .heatReferencePrice, .coldReferencePrice: "EUR/MWh"
        }
    }

    /// The roles a complete factor set must have, with the mode for per-mode roles.
    static var required: [(FactorRole, TransportMode?)] {
        TransportMode.allCases.flatMap { [(FactorRole.transportEmissions, $0), (.transportCost, $0)] }
            + [
                (.detour, nil), (.heatLoss, nil), (.heatPumping, nil), (.waterPumping, nil),
                (.electricityEmissions, nil), (.electricityPrice, nil),
            ]
    }
}

/// One figure of the impact model, with where it comes from.
public struct ImpactFactor: Sendable, Hashable {
    public var id: String
    public var role: FactorRole
    /// For transport roles, the mode it prices.
    public var mode: TransportMode?
    /// For avoided production and disposal, the resource codes it applies to (and the codes below them).
    public var resources: [ResourceCode]
    public var value: Double
    public var unit: String
    public var name: LocalizedText
    /// Where the value comes from, in both languages.
    public var source: LocalizedText
    public var year: Int
    /// Whether the figure is an estimate rather than a published value.
    public var estimate: Bool
    /// For avoided disposal, the route it prices (`landfill`, `composting`…).
    public var outlet: ReleaseOutlet?
    /// For avoided disposal: whether this is the usual route of its resources, used when a
    /// waste does not say where it goes. A factor without an outlet is the usual route.
    public var usual: Bool
    /// For a pipe cost: the largest capacity (MW) of the class it prices; `nil` for any.
    public var capacityMW: Double?

    public init(
        id: String, role: FactorRole, mode: TransportMode? = nil, resources: [ResourceCode] = [], value: Double,
        unit: String, name: LocalizedText, source: LocalizedText, year: Int, estimate: Bool,
        outlet: ReleaseOutlet? = nil, usual: Bool = true, capacityMW: Double? = nil
    ) {
        self.id = id
        self.role = role
        self.mode = mode
        self.resources = resources
        self.value = value
        self.unit = unit
        self.name = name
        self.source = source
        self.year = year
        self.estimate = estimate
        self.outlet = outlet
        self.usual = outlet == nil || usual
        self.capacityMW = capacityMW
    }
}

/// The factors of one run: the built-in file, with the user's `--factors FILE` replacing
/// factors by id and adding new ones.
public struct ImpactFactors: Sendable {
    public private(set) var version: String
    /// All factors, sorted by id.
    public private(set) var all: [ImpactFactor]
    // Factors by what they are for, as positions in `all`: reading a factor's value or id
    // then copies neither the factor nor its texts.
    private var production: [ResourceCode: Int] = [:]
    private var disposal: [ResourceCode: Int] = [:]
    private var disposalByOutlet: [ReleaseOutlet: [ResourceCode: Int]] = [:]
    private var byRole: [RoleKey: Int] = [:]
    /// Pipe costs by capacity class, smallest first; the last has no upper bound.
    public private(set) var pipeCosts: [ImpactFactor] = []

    private struct RoleKey: Hashable {
        var role: FactorRole
        var mode: TransportMode?
    }

    public init(version: String, factors: [ImpactFactor]) {
        self.version = version
        let order = factors.indices.sorted { factors[$0].id < factors[$1].id }
        self.all = order.map { factors[$0] }
        var position = [Int](repeating: 0, count: factors.count)
        for (sorted, given) in order.enumerated() { position[given] = sorted }
        // Where two factors cover the same resource, the later one in `factors` wins: an
        // override file's factors come after the built-in ones.
        for (given, factor) in factors.enumerated() {
            let at = position[given]
            switch factor.role {
            case .avoidedProduction: for code in factor.resources { production[code] = at }
            case .avoidedDisposal:
                for code in factor.resources {
                    if factor.usual { disposal[code] = at }
                    if let outlet = factor.outlet { disposalByOutlet[outlet, default: [:]][code] = at }
                }
            case .pipeCost: pipeCosts.append(factor)
            default: byRole[RoleKey(role: factor.role, mode: factor.mode)] = at
            }
        }
        pipeCosts.sort { ($0.capacityMW ?? .infinity, $0.id) < ($1.capacityMW ?? .infinity, $1.id) }
    }

    /// This set with `overrides` added; a factor with an id already known replaces it.
    public func merging(_ overrides: [ImpactFactor], version overrideVersion: String) -> ImpactFactors {
        let replaced = Set(overrides.map(\.id))
        let kept = all.filter { !replaced.contains($0.id) }
        return ImpactFactors(version: "\(version)+\(overrideVersion)", factors: kept + overrides)
    }

    /// The factor of a role that has no resource, for `mode` where the role is per mode.
    public func factor(_ role: FactorRole, mode: TransportMode? = nil) -> ImpactFactor? {
        position(role, mode: mode).map { all[$0] }
    }

    /// The avoided-production factor of a need's resource: its own, or its nearest parent's.
    public func production(for code: ResourceCode) -> ImpactFactor? {
        productionPosition(for: code).map { all[$0] }
    }

    /// The avoided-disposal factor of a release's resource: its own, or its nearest parent's; for
    /// the route `outlet` when given, for the resource's usual route otherwise.
    public func disposal(for code: ResourceCode, outlet: ReleaseOutlet? = nil) -> ImpactFactor? {
        disposalPosition(for: code, outlet: outlet).map { all[$0] }
    }

    /// Where ``factor(_:mode:)`` stands in `all`.
    func position(_ role: FactorRole, mode: TransportMode? = nil) -> Int? {
        byRole[RoleKey(role: role, mode: mode)]
    }

    /// Where ``production(for:)`` stands in `all`.
    func productionPosition(for code: ResourceCode) -> Int? { Self.nearest(code, in: production) }

    /// Where ``disposal(for:outlet:)`` stands in `all`.
    func disposalPosition(for code: ResourceCode, outlet: ReleaseOutlet? = nil) -> Int? {
        guard let outlet else { return Self.nearest(code, in: disposal) }
        return disposalByOutlet[outlet].flatMap { Self.nearest(code, in: $0) }
    }

    private static func nearest(_ code: ResourceCode, in table: [ResourceCode: Int]) -> Int? {
        var current: ResourceCode? = code
        while let code = current {
            if let factor = table[code] { return factor }
            current = code.parent
        }
        return nil
    }
}
