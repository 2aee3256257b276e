/// The period a quantity is counted over.
public enum Period: String, Sendable, Hashable, CaseIterable {
    case year
    case month
    case week
    case day
    case hour
    /// A one-off amount, released or needed once.
    case once

    /// The period in words: `year` in English, `an` in French.
    public func word(_ language: Language) -> String {
        guard language == .fr else { return rawValue }
        switch self {
        case .year: return "an"
        case .month: return "mois"
        case .week: return "semaine"
        case .day: return "jour"
        case .hour: return "heure"
        case .once: return "une fois"
        }
    }

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
