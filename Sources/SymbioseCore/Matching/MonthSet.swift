/// A set of months of the year (1 = January … 12 = December), as a bit mask.
public struct MonthSet: Sendable, Hashable, Comparable {
    public var rawValue: UInt16

    public init(rawValue: UInt16) {
        self.rawValue = rawValue & 0x0FFF
    }

    public init<S: Sequence>(_ months: S) where S.Element == Int {
        var mask: UInt16 = 0
        for month in months where (1...12).contains(month) { mask |= 1 << (month - 1) }
        self.init(rawValue: mask)
    }

    public static let all = MonthSet(rawValue: 0x0FFF)

    /// The months a flow runs: all for a continuous flow, the listed ones for a seasonal flow,
    /// the month of a one-off flow.
    public init(_ availability: Availability) {
        switch availability {
        case .continuous: self = .all
        case .seasonal(let months): self.init(months)
        case .oneOff(_, let month): self.init([month])
        }
    }

    public var count: Int { rawValue.nonzeroBitCount }
    public var isEmpty: Bool { rawValue == 0 }
    public func contains(_ month: Int) -> Bool { (1...12).contains(month) && rawValue & (1 << (month - 1)) != 0 }
    public func intersection(_ other: MonthSet) -> MonthSet { MonthSet(rawValue: rawValue & other.rawValue) }

    /// The months in calendar order.
    public var months: [Int] { (1...12).filter(contains) }

    /// The months as runs that may wrap over the new year, longest campaign first: `[9…1]` for
    /// September to January, `[6…8, 11…11]` for two separate runs.
    public var runs: [ClosedRange<Int>] {
        guard !isEmpty else { return [] }
        if self == .all { return [1...12] }
        // Start each run at a month whose predecessor (cyclically) is absent.
        var result: [ClosedRange<Int>] = []
        for start in 1...12 where contains(start) && !contains(start == 1 ? 12 : start - 1) {
            var length = 1
            while length < 12 && contains((start - 1 + length) % 12 + 1) { length += 1 }
            result.append(start...(start + length - 1))
        }
        return result
    }

    public static func < (lhs: MonthSet, rhs: MonthSet) -> Bool { lhs.rawValue < rhs.rawValue }
}
