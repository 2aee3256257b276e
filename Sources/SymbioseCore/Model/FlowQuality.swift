/// The carrier of a heat flow; it sets the minimum temperature difference of an exchanger.
public enum HeatMedium: String, Sendable, Hashable, CaseIterable {
    case steam
    case water
    case thermalOil = "thermal-oil"
    case flueGas = "flue-gas"
    case air
}

/// Water grades, cleanest first. A release serves a need of its own grade or a lower one.
public enum WaterGrade: String, Sendable, Hashable, CaseIterable, Comparable {
    case potable
    case process
    /// Cooling or grey water.
    case cooling
    case rain
    /// Treated wastewater, out of a treatment plant.
    case treated
    /// Raw wastewater, before treatment.
    case raw

    /// 0 for the cleanest grade.
    public var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: WaterGrade, rhs: WaterGrade) -> Bool { lhs.rank < rhs.rank }
}

/// The physical state of a material.
public enum PhysicalState: String, Sendable, Hashable, CaseIterable {
    case solid
    case liquid
    case sludge
    case powder
    case gas
}

/// The quality attributes of a flow; each applies to some categories only.
public struct FlowQuality: Sendable, Hashable {
    /// Degrees Celsius: the temperature a heat release is available at, or a heat need requires.
    public var temperature: Double?
    public var medium: HeatMedium?
    public var waterGrade: WaterGrade?
    /// Mass percentage of the main component, 0…100.
    public var purity: Double?
    public var state: PhysicalState?
    public var hazardous: Bool?
    /// The European List of Waste code, `NN NN NN`, with `*` for a hazardous entry.
    public var ewc: String?
    public var contaminants: [String]
    /// Volume percentage of methane in a gas such as biogas, 0…100: replaces the taxonomy's
    /// default share when its quantity is converted to energy.
    public var methane: Double?

    public init(
        temperature: Double? = nil, medium: HeatMedium? = nil, waterGrade: WaterGrade? = nil,
        purity: Double? = nil, state: PhysicalState? = nil, hazardous: Bool? = nil, ewc: String? = nil,
        contaminants: [String] = [], methane: Double? = nil
    ) {
        self.temperature = temperature
        self.medium = medium
        self.waterGrade = waterGrade
        self.purity = purity
        self.state = state
        self.hazardous = hazardous
        self.ewc = ewc
        self.contaminants = contaminants
        self.methane = methane
    }
}
