/// An amount of a resource as declared: a value, a unit and a period, or a power and its
/// operating hours.
public struct Quantity: Sendable, Hashable {
    public var value: Double
    public var unit: QuantityUnit
    /// The period the value counts over. Absent for power units, which use `hours`.
    public var period: Period?
    /// Operating hours per year, for power units (`kW`, `MW`).
    public var hours: Double?

    public init(value: Double, unit: QuantityUnit, per period: Period? = .year, hours: Double? = nil) {
        self.value = value
        self.unit = unit
        self.period = period
        self.hours = hours
    }
}

/// A quantity brought to its dimension's base unit (t, m³, MWh, m², h, item) per year, or for a
/// one-off flow, in total.
public struct NormalizedQuantity: Sendable, Hashable {
    public var amount: Double
    public var dimension: PhysicalDimension
    /// True when the amount is a one-off total rather than a yearly amount.
    public var isOneOff: Bool

    public init(amount: Double, dimension: PhysicalDimension, isOneOff: Bool) {
        self.amount = amount
        self.dimension = dimension
        self.isOneOff = isOneOff
    }
}

extension Quantity {
    /// The quantity in base units per year.
    ///
    /// A yearly value is taken as it is. A rate per month, week, day or hour applies during the
    /// flow's active months only: 200 t/day over five campaign months is 200 × 365 × 5/12 t.
    /// Power is multiplied by its operating hours. A one-off amount is kept as a total.
    ///
    /// - Parameter activeMonths: how many months of the year the flow runs (12 when continuous).
    /// - Returns: `nil` when a power has no operating hours.
    public func normalized(activeMonths: Int = 12) -> NormalizedQuantity? {
        let base = value * unit.factorToBase
        if unit.isPower {
            guard let hours else { return nil }
            return NormalizedQuantity(amount: base * hours, dimension: .energy, isOneOff: false)
        }
        switch period {
        case .once:
            return NormalizedQuantity(amount: base, dimension: unit.dimension, isOneOff: true)
        case .year, nil:
            return NormalizedQuantity(amount: base, dimension: unit.dimension, isOneOff: false)
        case let period?:
            let share = Double(min(max(activeMonths, 0), 12)) / 12
            return NormalizedQuantity(
                amount: base * (period.perYear ?? 1) * share, dimension: unit.dimension, isOneOff: false)
        }
    }
}
