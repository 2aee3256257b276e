import Foundation

/// Whether heat (or cold) can flow from a source to a sink at their temperatures.
public enum HeatExchange: Sendable, Hashable {
    /// The source is hot enough: heat flows through exchangers.
    case direct
    /// The source is too cold but a heat pump can lift it, with this estimated COP.
    case heatPump(cop: Double)
    /// A temperature is unknown: the match stands, flagged.
    case temperatureUnknown
    /// Not possible.
    case impossible

    /// Decides how heat can pass from `source` to `sink`.
    ///
    /// A source at *T*ₛ serves a sink needing *T*ₖ directly when *T*ₛ ≥ *T*ₖ + ΔT, where ΔT is
    /// the exchanger ΔTmin for the two media times the number of exchangers between sites (two:
    /// source → loop → sink). Otherwise, when the sink is at most `heatPumpMaximumSinkC`, a heat
    /// pump condensing at *T*ₖ + ΔT/2 and evaporating at *T*ₛ − ΔT/2 reaches
    /// COP = η · *T*cond / (*T*cond − *T*evap) (kelvin, η the Carnot fraction); the candidate is
    /// kept when the COP is at least `heatPumpMinimumCOP`; estimates are capped at
    /// `heatPumpMaximumCOP`. For cold the roles reverse: the source
    /// must be colder than the sink by ΔT, and no heat pump is considered.
    public static func evaluate(
        sourceC: Double?, sinkC: Double?, sourceMedium: MediumClass, sinkMedium: MediumClass, cold: Bool,
        settings: MatchSettings
    ) -> HeatExchange {
        guard let sourceC, let sinkC else { return .temperatureUnknown }
        let margin = settings.deltaTMin.value(sourceMedium, sinkMedium) * settings.exchangersBetweenSites
        if cold {
            return sourceC <= sinkC - margin ? .direct : .impossible
        }
        if sourceC >= sinkC + margin { return .direct }
        guard sinkC <= settings.heatPumpMaximumSinkC else { return .impossible }
        let condensing = sinkC + margin / 2 + 273.15
        let evaporating = sourceC - margin / 2 + 273.15
        guard evaporating > 0, condensing > evaporating else { return .impossible }
        let cop = min(
            settings.heatPumpMaximumCOP, settings.heatPumpCarnotFraction * condensing / (condensing - evaporating))
        return cop >= settings.heatPumpMinimumCOP ? .heatPump(cop: cop) : .impossible
    }

    /// The medium class of a heat flow: its declared medium, else the one its code implies
    /// (flue gas and exhaust air are gases; everything else is treated as a liquid).
    public static func mediumClass(of flow: Flow) -> MediumClass {
        if let medium = flow.quality.medium { return MediumClass(medium) }
        let code = flow.resource.rawValue
        if code.hasPrefix("heat.flue-gas") || code.hasPrefix("heat.exhaust-air") || code.hasPrefix("heat.drying") {
            return .gas
        }
        return .liquid
    }
}
