/// Every tunable of the matching engine, with documented defaults (`Docs/matching.md`).
public struct MatchSettings: Sendable, Hashable {
    // MARK: Scoring

    /// The weights of the score terms; they are normalised to sum to 1.
    public var weights: ScoreWeights = .default

    // MARK: Heat

    /// The minimum temperature difference of one heat exchanger, in kelvin, by the classes of the
    /// two media. An exchange between two sites passes through a water loop, so the approach is
    /// ΔTmin(source, liquid) + ΔTmin(liquid, sink).
    public var deltaTMin: DeltaTMinTable = .default
    /// How far below its supply temperature a heat need's stream returns, in kelvin, when it
    /// declares no return temperature: the low end of the spreads of current heat networks
    /// (20–35 K for low-temperature networks, 40–60 K for conventional ones).
    public var sinkTemperatureSpread: Double = 20
    /// How far a combustion flue gas is cooled at most, in °C: below it acid condenses, and
    /// commercial plants stop at 120–180 °C depending on the fuel's sulphur. A flue gas's declared
    /// heat is taken as what it gives down to this temperature, so a sink hotter than it less the
    /// approach gets only the part above (`HeatExchange.usableShare`).
    public var flueGasFloorC: Double = 120
    /// A source that only preheats the need is proposed when it covers at least this share of it.
    public var preheatMinimumShare: Double = 0.25
    /// The Carnot fraction of a real heat pump (about 0.5 for a first estimate).
    public var heatPumpCarnotFraction: Double = 0.5
    /// The hottest sink an industrial heat pump serves, in °C.
    public var heatPumpMaximumSinkC: Double = 150
    /// Below this estimated COP a heat-pump candidate is not proposed.
    public var heatPumpMinimumCOP: Double = 2.5
    /// Estimates are capped here: real machines rarely exceed it even for small lifts.
    public var heatPumpMaximumCOP: Double = 6

    // MARK: Distance

    /// Replaces every category's distance envelope when set (`--max-distance`).
    public var maximumDistanceKm: Double?
    public var envelopes: DistanceEnvelopes = .default

    // MARK: Shortlist size

    /// The most releases proposed for one need (0: no limit). A facilitator wants the few best
    /// suppliers of each need, not every firm within 100 km; this also keeps national runs linear.
    public var maximumPerNeed: Int = 5
    /// The most needs one release is proposed to (0: no limit).
    public var maximumPerRelease: Int = 10
    /// Substitutions between two sites of one group (`same-group`) and exchanges that exist
    /// already (`existing`) are left out unless their flag is here (`--include`).
    public var include: Set<SynergyFlag> = []
    /// For each need and each compatible release code, at most this many releases are scored,
    /// ring of the spatial grid by ring and the nearest of each ring first (0: all within the
    /// envelope). In a dense national file the nearest few dozen suppliers are the relevant ones,
    /// and this keeps the cost per need constant.
    public var candidatesPerNeed: Int = 60

    // MARK: Pooling

    public var minimumMembers: Int = 2
    /// A group gathers at most this many firms, the nearest to its seed (0: no limit): enough for
    /// a workshop table or a joint tender, and it keeps national runs linear.
    public var maximumGroupSize: Int = 50
    /// The most threads matching uses; results do not depend on it.
    public var threads: Int = Parallel.processors
    /// Replaces every pooling radius when set (`--pool-radius`).
    public var poolingRadiusKm: Double?
    public var poolingRadii: PoolingRadii = .default

    public init() {}

    public static let `default` = MatchSettings()
}

/// The weights of the score terms.
public struct ScoreWeights: Sendable, Hashable {
    public var distance: Double
    public var volume: Double
    public var quality: Double
    public var time: Double
    public var confidence: Double

    public init(distance: Double, volume: Double, quality: Double, time: Double, confidence: Double) {
        self.distance = distance
        self.volume = volume
        self.quality = quality
        self.time = time
        self.confidence = confidence
    }

    /// Distance and volume first, as users ask: 0.3 each; quality 0.2; time and confidence 0.1.
    public static let `default` = ScoreWeights(distance: 0.3, volume: 0.3, quality: 0.2, time: 0.1, confidence: 0.1)

    /// The weights scaled to sum to 1 (the default when all are zero).
    public var normalized: ScoreWeights {
        let sum = distance + volume + quality + time + confidence
        guard sum > 0 else { return .default }
        return ScoreWeights(
            distance: distance / sum, volume: volume / sum, quality: quality / sum, time: time / sum,
            confidence: confidence / sum)
    }

    /// Reads `distance=0.4,volume=0.4,quality=0.1,time=0.05,confidence=0.05`; terms left out keep
    /// their default weight.
    public init?(parsing text: String) {
        var weights = ScoreWeights.default
        for part in text.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let value = Double(pair[1]), value >= 0, value.isFinite else { return nil }
            switch pair[0] {
            case "distance": weights.distance = value
            case "volume": weights.volume = value
            case "quality": weights.quality = value
            case "time": weights.time = value
            case "confidence": weights.confidence = value
            default: return nil
            }
        }
        self = weights
    }
}

/// The classes of heat media that set an exchanger's minimum temperature difference.
public enum MediumClass: String, Sendable, Hashable, CaseIterable {
    /// Water, thermal oil, condensing steam.
    case liquid
    /// Flue gas, air.
    case gas

    public init(_ medium: HeatMedium) {
        switch medium {
        case .steam, .water, .thermalOil: self = .liquid
        case .flueGas, .air: self = .gas
        }
    }
}

/// ΔTmin of one exchanger by media classes, in kelvin.
public struct DeltaTMinTable: Sendable, Hashable {
    public var liquidLiquid: Double
    public var gasLiquid: Double

    /// Liquid–liquid: 5 K, the top of the 2–5 K plate heat exchangers work at (condensing steam
    /// 3–10 K counts as a liquid); gas–liquid: 15 K, the middle of the usual 10–20 K
    /// (`Docs/matching.md` gives the source).
    public static let `default` = DeltaTMinTable(liquidLiquid: 5, gasLiquid: 15)

    public func value(_ source: MediumClass, _ sink: MediumClass) -> Double {
        source == .liquid && sink == .liquid ? liquidLiquid : gasLiquid
    }
}

/// How far each kind of resource can economically travel.
public struct DistanceEnvelopes: Sendable, Hashable {
    /// Envelopes by code prefix, in kilometres; the longest matching prefix wins.
    public var byPrefix: [String: Double]
    /// Heat and cold: the pipe length a link's annual energy pays for, in MWh per metre of
    /// pipe per year (the French Fonds Chaleur criterion for heat networks is 1.5).
    public var heatMWhPerMetre: Double
    /// Heat and cold links are never shorter than this or longer than that, in kilometres.
    public var heatMinimumKm: Double
    public var heatMaximumKm: Double

    public static let `default` = DistanceEnvelopes(
        byPrefix: [
            "material": 100,
            "water": 10,
            "energy": 50,
            "energy.electricity": 2,
            "energy.natural-gas": 10,
            "energy.biogas": 10,
            "energy.biomethane": 10,
            "energy.off-gas": 5,
            "energy.hydrogen": 10,
            "energy.compressed-air": 1,
            "service": 20,
            "service.transport": 50,
            "service.purchasing": 50,
        ], heatMWhPerMetre: 1.5, heatMinimumKm: 0.5, heatMaximumKm: 30)

    /// The envelope of a resource code, in kilometres, for a link carrying `annualMWh` of heat or
    /// cold (ignored for other categories).
    public func envelopeKm(for code: ResourceCode, annualMWh: Double?) -> Double {
        if let category = ResourceCategory(code: code), category == .heat || category == .cold {
            return heatEnvelopeKm(annualMWh: annualMWh)
        }
        var current = Substring(code.rawValue)
        while true {
            if let value = byPrefix[String(current)] { return value }
            guard let dot = current.lastIndex(of: ".") else { return 50 }
            current = current[..<dot]
        }
    }

    /// The envelope of a heat or cold link carrying `annualMWh` a year.
    public func heatEnvelopeKm(annualMWh: Double?) -> Double {
        guard let annualMWh, annualMWh > 0 else { return heatMinimumKm * 4 }
        let metres = annualMWh / heatMWhPerMetre
        return min(heatMaximumKm, max(heatMinimumKm, metres / 1000))
    }

    /// The least a heat or cold link of `km` must carry a year for its envelope to reach that
    /// far, in MWh: the inverse of `envelopeKm`; `nil` within `heatMinimumKm`, where any quantity
    /// will do.
    public func minimumHeatMWh(overKm km: Double) -> Double? {
        km > heatMinimumKm ? heatMWhPerMetre * km * 1000 : nil
    }
}

/// How far apart the members of a pooling group may be: each lies within this radius of the
/// group's centre.
public struct PoolingRadii: Sendable, Hashable {
    public var byMode: [PoolingMode: Double]

    public static let `default` = PoolingRadii(byMode: [
        .purchasing: 25, .sharedUtility: 3, .collection: 15, .sharedTreatment: 15, .sharedService: 10,
    ])

    public func radiusKm(_ mode: PoolingMode) -> Double { byMode[mode] ?? 10 }
}
