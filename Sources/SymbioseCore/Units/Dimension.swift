/// The physical dimension of a resource or a unit. Quantities of different dimensions are never
/// converted into one another unless the taxonomy declares an equivalence (the density of water,
/// the heat content of a tonne of steam).
public enum PhysicalDimension: String, Sendable, Hashable, CaseIterable, Codable {
    /// Base unit: tonne.
    case mass
    /// Base unit: cubic metre.
    case volume
    /// Base unit: megawatt-hour.
    case energy
    /// Floor or storage area, for premises and storage space. Base unit: square metre.
    case area
    /// Time of use of equipment or people. Base unit: hour.
    case duration
    /// Counted items (pallets, vehicles, places). Base unit: one item.
    case count

    /// The dimension's name for people: "mass" / "masse".
    public func name(in language: Language) -> String {
        switch (self, language) {
        case (.mass, .fr): "masse"
        case (.energy, .fr): "énergie"
        case (.area, .fr): "surface"
        case (.duration, .fr): "durée"
        case (.count, .fr): "nombre"
        default: rawValue
        }
    }

    /// The symbol of the base unit every quantity of this dimension is normalised to.
    public var baseUnit: QuantityUnit {
        switch self {
        case .mass: .tonne
        case .volume: .cubicMetre
        case .energy: .megawattHour
        case .area: .squareMetre
        case .duration: .hour
        case .count: .item
        }
    }
}
