/// How an exchange is carried between the two sites.
public enum Carrier: String, Sendable, Hashable {
    case road, barge, rail
    /// A dedicated pipe: heat, cold, water.
    case pipe
    /// The existing gas or electricity grid: no transport counted.
    case grid
    /// Services and assets: nothing is carried.
    case none

    init(_ mode: TransportMode) {
        switch mode {
        case .road: self = .road
        case .barge: self = .barge
        case .rail: self = .rail
        }
    }
}

/// A part of an impact that could not be estimated, and why.
public enum ImpactGap: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The exchanged quantity is unknown: nothing can be totalled.
    case quantityUnknown = "quantity-unknown"
    /// A site has no coordinates: transport is not counted.
    case distanceUnknown = "distance-unknown"
    /// No factor gives the emissions of producing what the need buys.
    case noProductionFactor = "no-production-factor"
    /// The release is a waste but no factor gives the emissions of disposing of it.
    case noDisposalFactor = "no-disposal-factor"
    /// The need is in a volume or energy unit with no declared density: the tonnes carried are unknown.
    case massUnknown = "mass-unknown"
    /// A service or an asset: no CO2e or transport model.
    case service
    /// A declared price or disposal cost is not in euros, or its unit cannot be brought to the flow's.
    case costNotComparable = "cost-not-comparable"

    public static func < (lhs: ImpactGap, rhs: ImpactGap) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The impact of one unit exchanged (a tonne, m³ or MWh in the need's base unit): every term is
/// proportional to the quantity, which is what lets the plan optimise it as a flow.
public struct ImpactRates: Sendable, Hashable {
    public var carrier: Carrier
    /// Kilometres travelled: great-circle distance × the detour factor.
    public var networkKm: Double?
    /// Tonnes carried per unit exchanged.
    public var tonnesPerUnit: Double?
    /// Share of the heat lost along the pipe.
    public var lossShare: Double?
    /// kg CO2e avoided per unit: production the need no longer buys.
    public var avoidedProductionKg: Double?
    /// kg CO2e avoided per unit: disposal the waste no longer needs.
    public var avoidedDisposalKg: Double?
    /// kg CO2e avoided per unit, for a need of a secondary material: the haul from the
    /// material's usual market source, which the receiver would otherwise buy from.
    public var avoidedHaulKg: Double? = nil
    /// kg CO2e emitted per unit by trucks, barges, trains or pumps.
    public var transportKg: Double
    /// kg CO2e emitted per unit by a heat pump's electricity.
    public var heatPumpKg: Double
    /// € per unit the receiver no longer pays for its purchase (declared price).
    public var purchaseSavedEUR: Double?
    /// € per unit the supplier no longer pays to dispose of its waste (declared cost).
    public var disposalSavedEUR: Double?
    /// € per unit of transport or pumping, and of a heat pump's electricity.
    public var operatingCostEUR: Double
    /// € per unit of that usual haul, counted only beside a declared price or disposal cost.
    public var avoidedHaulEUR: Double? = nil
    /// The supplier's declared outlet when it already recovers the release (recycling, reuse,
    /// sale): the synergy avoids no disposal on its side.
    public var recovered: ReleaseOutlet? = nil
    /// The ids of the factors used.
    public var factors: [String]
    public var gaps: [ImpactGap]

    /// Net kg CO2e avoided per unit; `nil` when neither avoided term is known.
    public var netKg: Double? {
        guard avoidedProductionKg != nil || avoidedDisposalKg != nil || avoidedHaulKg != nil else { return nil }
        return (avoidedProductionKg ?? 0) + (avoidedDisposalKg ?? 0) + (avoidedHaulKg ?? 0) - transportKg - heatPumpKg
    }

    /// Net € saved per unit; `nil` when no price or disposal cost was declared.
    public var netEUR: Double? {
        guard purchaseSavedEUR != nil || disposalSavedEUR != nil else { return nil }
        return (purchaseSavedEUR ?? 0) + (disposalSavedEUR ?? 0) + (avoidedHaulEUR ?? 0) - operatingCostEUR
    }

    /// Every member, for values built by hand (tests, fixtures).
    package init(
        carrier: Carrier, networkKm: Double?, tonnesPerUnit: Double?, lossShare: Double?, avoidedProductionKg: Double?,
        avoidedDisposalKg: Double?, transportKg: Double, heatPumpKg: Double, purchaseSavedEUR: Double?,
        disposalSavedEUR: Double?, operatingCostEUR: Double, factors: [String], gaps: [ImpactGap]
    ) {
        self.carrier = carrier
        self.networkKm = networkKm
        self.tonnesPerUnit = tonnesPerUnit
        self.lossShare = lossShare
        self.avoidedProductionKg = avoidedProductionKg
        self.avoidedDisposalKg = avoidedDisposalKg
        self.transportKg = transportKg
        self.heatPumpKg = heatPumpKg
        self.purchaseSavedEUR = purchaseSavedEUR
        self.disposalSavedEUR = disposalSavedEUR
        self.operatingCostEUR = operatingCostEUR
        self.factors = factors
        self.gaps = gaps
    }
}

/// The impact of an exchange of a given quantity, per year (or once, for a one-off flow).
public struct SynergyImpact: Sendable, Hashable {
    public var quantity: Amount?
    public var rates: ImpactRates

    public init(quantity: Amount?, rates: ImpactRates) {
        self.quantity = quantity
        self.rates = rates
    }

    /// Tonne-kilometres carried.
    public var tonneKm: Double? { scaled(rates.tonnesPerUnit.flatMap { t in rates.networkKm.map { t * $0 } }) }
    public var avoidedProductionKg: Double? { scaled(rates.avoidedProductionKg) }
    public var avoidedDisposalKg: Double? { scaled(rates.avoidedDisposalKg) }
    public var avoidedHaulKg: Double? { scaled(rates.avoidedHaulKg) }
    public var avoidedHaulEUR: Double? { scaled(rates.avoidedHaulEUR) }
    public var transportKg: Double? { scaled(rates.transportKg) }
    public var heatPumpKg: Double? { scaled(rates.heatPumpKg) }
    public var netKg: Double? { scaled(rates.netKg) }
    public var purchaseSavedEUR: Double? { scaled(rates.purchaseSavedEUR) }
    public var disposalSavedEUR: Double? { scaled(rates.disposalSavedEUR) }
    public var operatingCostEUR: Double? { scaled(rates.operatingCostEUR) }
    public var netEUR: Double? { scaled(rates.netEUR) }

    private func scaled(_ rate: Double?) -> Double? {
        guard let rate, let quantity else { return nil }
        return rate * quantity.value
    }
}

/// Sums of impacts, with how many synergies had each part.
public struct ImpactTotals: Sendable, Hashable {
    public var netKg = 0.0
    public var avoidedKg = 0.0
    public var emittedKg = 0.0
    public var netEUR = 0.0
    /// Quantities exchanged by base unit (`t`, `m3`, `MWh`…).
    public var quantities: [QuantityUnit: Double] = [:]
    /// Synergies with a CO2e estimate, and with a € estimate.
    public var withCO2e = 0
    public var withEUR = 0
    public var count = 0

    public init() {}

    public mutating func add(_ impact: SynergyImpact) {
        count += 1
        if let quantity = impact.quantity, !quantity.isOneOff {
            quantities[quantity.unit, default: 0] += quantity.value
        }
        if let net = impact.netKg {
            withCO2e += 1
            netKg += net
            avoidedKg +=
                (impact.avoidedProductionKg ?? 0) + (impact.avoidedDisposalKg ?? 0) + (impact.avoidedHaulKg ?? 0)
            emittedKg += (impact.transportKg ?? 0) + (impact.heatPumpKg ?? 0)
        }
        if let net = impact.netEUR {
            withEUR += 1
            netEUR += net
        }
    }
}
