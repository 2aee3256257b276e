/// The units a profile may use, with their dimension and their factor to the base unit.
///
/// Power units (`kW`, `MW`) are rates: a quantity in power must give its operating hours, and
/// normalises to energy (power × hours).
public enum QuantityUnit: String, Sendable, Hashable, CaseIterable {
    case tonne = "t"
    case kilogram = "kg"
    case cubicMetre = "m3"
    /// A normal cubic metre of gas (0 °C, 101.325 kPa): the volume gases are sold and metered in.
    case normalCubicMetre = "Nm3"
    case litre = "L"
    case megawattHour = "MWh"
    case kilowattHour = "kWh"
    case gigawattHour = "GWh"
    case gigajoule = "GJ"
    /// Tonne of oil equivalent: 11.63 MWh by definition.
    case toe = "tep"
    /// The French thermie: 1 Mcal = 4.1868 MJ.
    case thermie = "th"
    case kilowatt = "kW"
    case megawatt = "MW"
    case squareMetre = "m2"
    case hour = "h"
    case day = "day"
    case item = "unit"

    /// Spellings people often write for a unit, to suggest the canonical symbol in errors.
    /// They are never accepted silently: a profile says `t`, not `tonnes`.
    static let commonMisspellings: [String: QuantityUnit] = [
        "tonne": .tonne, "tonnes": .tonne, "ton": .tonne, "tons": .tonne, "T": .tonne,
        "KG": .kilogram, "kgs": .kilogram,
        "m³": .cubicMetre, "M3": .cubicMetre, "m^3": .cubicMetre,
        "Nm³": .normalCubicMetre, "nm3": .normalCubicMetre, "NM3": .normalCubicMetre, "Nm^3": .normalCubicMetre,
        "m3(n)": .normalCubicMetre, "m³(n)": .normalCubicMetre, "m3N": .normalCubicMetre, "Nmc": .normalCubicMetre,
        "l": .litre, "litre": .litre, "liter": .litre, "litres": .litre,
        "mwh": .megawattHour, "Mwh": .megawattHour, "kwh": .kilowattHour, "KWh": .kilowattHour,
        "gwh": .gigawattHour, "Gwh": .gigawattHour, "gj": .gigajoule, "toe": .toe, "TEP": .toe,
        "thermie": .thermie, "thermies": .thermie, "kw": .kilowatt, "KW": .kilowatt, "mw": .megawatt, "Mw": .megawatt,
        "m²": .squareMetre, "M2": .squareMetre, "m^2": .squareMetre,
        "hour": .hour, "hours": .hour, "heure": .hour, "heures": .hour,
        "days": .day, "jour": .day, "jours": .day,
        "units": .item, "item": .item, "items": .item, "unité": .item, "unités": .item, "pcs": .item,
    ]

    /// The canonical unit someone probably meant by `symbol`, for a "did you mean" note.
    public static func suggestion(for symbol: String) -> QuantityUnit? {
        if let unit = commonMisspellings[symbol] { return unit }
        return allCases.first { $0.rawValue.lowercased() == symbol.lowercased() }
    }

    /// Whether this unit is a power, which needs operating hours to become an amount.
    public var isPower: Bool { self == .kilowatt || self == .megawatt }

    /// The dimension of an amount in this unit (power units give energy once multiplied by hours).
    public var dimension: PhysicalDimension {
        switch self {
        case .tonne, .kilogram: .mass
        case .cubicMetre, .normalCubicMetre, .litre: .volume
        case .megawattHour, .kilowattHour, .gigawattHour, .gigajoule, .toe, .thermie, .kilowatt, .megawatt:
            .energy
        case .squareMetre: .area
        case .hour, .day: .duration
        case .item: .count
        }
    }

    /// How many base units one of this unit is (for power: MWh per operating hour).
    public var factorToBase: Double {
        switch self {
        case .tonne: 1
        case .kilogram: 0.001
        case .cubicMetre, .normalCubicMetre: 1
        case .litre: 0.001
        case .megawattHour: 1
        case .kilowattHour: 0.001
        case .gigawattHour: 1000
        case .gigajoule: 1 / 3.6
        case .toe: 11.63
        case .thermie: 4.1868 / 3600
        case .kilowatt: 0.001
        case .megawatt: 1
        case .squareMetre: 1
        case .hour: 1
        case .day: 24
        case .item: 1
        }
    }
}

extension QuantityUnit {
    /// The notes of an unknown-unit diagnostic: a suggestion when one fits, and the known symbols.
    public static func unknownUnitNotes(_ symbol: String) -> [LocalizedText] {
        var notes: [LocalizedText] = []
        if let suggestion = suggestion(for: symbol) {
            notes.append(
                LocalizedText(
                    en: "did you mean \"\(suggestion.rawValue)\"?", fr: "vouliez-vous dire « \(suggestion.rawValue) » ?"
                ))
        }
        let list = allCases.map(\.rawValue).joined(separator: ", ")
        notes.append(LocalizedText(en: "known units: " + list, fr: "unités connues : " + list))
        return notes
    }
}
