/// The period a quantity is counted over.
public enum Period: String, Sendable, Hashable, CaseIterable {
    case year
    case month
    case week
    case day
    case hour
    /// A one-off amount, released or needed once.
    case once

    /// How many such periods a full year holds (months average 365/12 days).
    public var perYear: Double? {
        switch self {
        case .year: 1
        case .month: 12
        case .week: 365.0 / 7.0
        case .day: 365
        case .hour: 8760
        case .once: nil
        }
    }
}
