/// How a flow's yearly quantity spreads over the months it runs: twelve weights, January first.
///
/// A flow without a shape runs evenly over its months. A heat need may declare its shape
/// (`monthShares` in profiles); space heating and district heat needs that declare none take
/// `heating`, from degree-days. Matching and planning compare a release and a need month by
/// month, so a flat source never covers a winter peak it cannot reach.
public struct LoadShape: Sendable, Hashable {
    /// Twelve non-negative weights, January first; only their ratios matter.
    public var weights: [Double]

    public init?(_ weights: [Double]) {
        guard weights.count == 12, weights.allSatisfy({ $0.isFinite && $0 >= 0 }),
            weights.contains(where: { $0 > 0 })
        else { return nil }
        self.weights = weights
    }

    /// Heating degree-days (base 18 °C) of each month, from the 1991–2020-style monthly mean
    /// temperatures of Paris (3.4, 4.1, 7.6, 10.7, 14.3, 17.5, 19.1, 18.7, 16.0, 11.4, 7.1 and
    /// 4.3 °C): days × (18 − mean), none when the mean is above 18 °C. They add up to about
    /// 2,530, close to the 2,510 published for Paris-Orly over the heating season; see
    /// `Docs/matching.md`.
    public static let heating = LoadShape([
        452.6, 392.7, 322.4, 219, 114.7, 15, 0, 0, 60, 204.6, 327, 424.7,
    ])!

    /// The codes whose needs take `heating` when they declare no shape.
    public static let heatingCodes: [ResourceCode] = ["heat.space-heating", "heat.network"]

    /// A flow's shape: declared, else `heating` for a space-heating or district-heat need;
    /// `nil` for an even spread.
    public static func of(_ flow: Flow) -> LoadShape? {
        if let declared = flow.monthShares.flatMap(LoadShape.init) { return declared }
        guard flow.direction == .input, heatingCodes.contains(where: { flow.resource.isWithin($0) }) else {
            return nil
        }
        return .heating
    }

    /// The share of the yearly quantity in each month (1…12), over the months in `running`.
    public func shares(over running: MonthSet) -> [Double] {
        let total = running.months.reduce(0) { $0 + weights[$1 - 1] }
        return (1...12).map { month in
            guard running.contains(month), total > 0 else { return 0 }
            return weights[month - 1] / total
        }
    }

    /// Even shares over the months in `running`.
    public static func even(over running: MonthSet) -> [Double] {
        let count = Double(max(running.count, 1))
        return (1...12).map { running.contains($0) ? 1 / count : 0 }
    }
}
