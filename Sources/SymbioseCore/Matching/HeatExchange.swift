import Foundation

/// Whether heat (or cold) can flow from a source to a sink at their temperatures.
public enum HeatExchange: Sendable, Hashable {
    /// The source is hot enough: heat flows through exchangers.
    case direct
    /// The source is hotter than the sink but not by the exchangers' approach: it can heat the
    /// sink's stream from its return temperature up to the source's temperature less the
    /// approach, which covers `share` of the need (0…1).
    case preheat(share: Double)
    /// The source is too cold to serve the sink, even as preheating, but a heat pump can lift
    /// it, with this estimated COP.
    case heatPump(cop: Double)
    /// A temperature is unknown: the match stands, flagged.
    case temperatureUnknown
    /// Not possible.
    case impossible

    /// Decides how heat can pass from `source` to `sink`.
    ///
    /// Between two sites heat travels through a water loop: one exchanger from the source to the
    /// loop and one from the loop to the sink, so the approach is ΔTmin(source medium, liquid) +
    /// ΔTmin(liquid, sink medium). A source at *T*ₛ serves a sink needing *T*ₖ directly when
    /// *T*ₛ ≥ *T*ₖ + approach. A source hotter than the sink by less preheats it: the sink's
    /// stream returns at *T*ₖ − spread and can be brought to *T*ₛ − approach, which covers
    /// (*T*ₛ − approach − *T*return) ÷ spread of the need, kept when at least
    /// `preheatMinimumShare`. Only a source that cannot preheat that much needs a heat pump:
    /// when the sink is at most `heatPumpMaximumSinkC`, a pump condensing at *T*ₖ + approach/2
    /// and evaporating at *T*ₛ − approach/2 reaches COP = η · *T*cond / (*T*cond − *T*evap)
    /// (kelvin, η the Carnot fraction), kept when at least `heatPumpMinimumCOP` and capped at
    /// `heatPumpMaximumCOP`. For cold the roles reverse: the source must be colder than the sink
    /// by the approach, and no heat pump is considered.
    public static func evaluate(
        sourceC: Double?, sinkC: Double?, sourceMedium: MediumClass, sinkMedium: MediumClass, cold: Bool,
        settings: MatchSettings
    ) -> HeatExchange {
        guard let sourceC, let sinkC else { return .temperatureUnknown }
        let approach = Self.approach(sourceMedium, sinkMedium, settings: settings)
        if cold {
            return sourceC <= sinkC - approach ? .direct : .impossible
        }
        if sourceC >= sinkC + approach { return .direct }
        if sourceC > sinkC {
            let spread = settings.sinkTemperatureSpread
            let share = min(1, (sourceC - approach - (sinkC - spread)) / spread)
            if share >= settings.preheatMinimumShare { return .preheat(share: share) }
        }
        guard sinkC <= settings.heatPumpMaximumSinkC else { return .impossible }
        let condensing = sinkC + approach / 2 + 273.15
        let evaporating = sourceC - approach / 2 + 273.15
        guard evaporating > 0, condensing > evaporating else { return .impossible }
        let cop = min(
            settings.heatPumpMaximumCOP, settings.heatPumpCarnotFraction * condensing / (condensing - evaporating))
        return cop >= settings.heatPumpMinimumCOP ? .heatPump(cop: cop) : .impossible
    }

    /// Decides over temperature ranges (a declared temperature is a range of one point, a
    /// code's typical range stands in for a missing one): the least favourable ends decide
    /// (the coolest source, the hottest sink; for cold the reverse); when only the most
    /// favourable ends allow an exchange, it may or may not work: `temperatureUnknown`.
    public static func evaluate(
        sourceRange: ClosedRange<Double>?, sinkRange: ClosedRange<Double>?, sourceMedium: MediumClass,
        sinkMedium: MediumClass, cold: Bool, settings: MatchSettings
    ) -> HeatExchange {
        guard let sourceRange, let sinkRange else { return .temperatureUnknown }
        func at(_ source: Double, _ sink: Double) -> HeatExchange {
            evaluate(
                sourceC: source, sinkC: sink, sourceMedium: sourceMedium, sinkMedium: sinkMedium, cold: cold,
                settings: settings)
        }
        let worst =
            cold
            ? at(sourceRange.upperBound, sinkRange.lowerBound) : at(sourceRange.lowerBound, sinkRange.upperBound)
        guard worst == .impossible else { return worst }
        let best =
            cold
            ? at(sourceRange.lowerBound, sinkRange.upperBound) : at(sourceRange.upperBound, sinkRange.lowerBound)
        return best == .impossible ? .impossible : .temperatureUnknown
    }

    /// The approach of an exchange between two sites, in kelvin: through a water loop, so
    /// ΔTmin(source medium, liquid) + ΔTmin(liquid, sink medium).
    public static func approach(_ source: MediumClass, _ sink: MediumClass, settings: MatchSettings) -> Double {
        settings.deltaTMin.value(source, .liquid) + settings.deltaTMin.value(.liquid, sink)
    }

    /// The share of a sensible-heat source's declared heat that a sink can take: a source
    /// declared down to `floorC` gives a sink at *T*ₖ only what lies above *T*ₖ + approach,
    /// (*T*ₛ − max(*T*ₖ + approach, floor)) ÷ (*T*ₛ − floor), within 0…1. What lies below stays
    /// for a cooler sink (a cascade). 1 when the sink is cool enough to take it all.
    public static func usableShare(sourceC: Double, sinkC: Double, floorC: Double, approach: Double) -> Double {
        guard sourceC > floorC else { return 1 }
        let lowest = max(sinkC + approach, floorC)
        return min(1, max(0, (sourceC - lowest) / (sourceC - floorC)))
    }

    /// Whether a code is a combustion flue gas, whose cooling stops at the acid dew point.
    static func isFlueGas(_ code: ResourceCode) -> Bool { code.rawValue.hasPrefix("heat.flue-gas") }

    /// The medium class of a heat flow: its declared medium, else the one its code implies
    /// (flue gas and exhaust air are gases; everything else is treated as a liquid).
    public static func mediumClass(of flow: IndexedFlow.Declared) -> MediumClass {
        if let medium = flow.quality.medium { return MediumClass(medium) }
        let code = flow.resource.rawValue
        if code.hasPrefix("heat.flue-gas") || code.hasPrefix("heat.exhaust-air") || code.hasPrefix("heat.drying") {
            return .gas
        }
        return .liquid
    }
}
