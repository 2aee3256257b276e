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
    /// The ids of the factors used.
    public var factors: [String]
    public var gaps: [ImpactGap]

    /// Net kg CO2e avoided per unit; `nil` when neither avoided term is known.
    public var netKg: Double? {
        guard avoidedProductionKg != nil || avoidedDisposalKg != nil else { return nil }
        return (avoidedProductionKg ?? 0) + (avoidedDisposalKg ?? 0) - transportKg - heatPumpKg
    }

    /// Net € saved per unit; `nil` when no price or disposal cost was declared.
    public var netEUR: Double? {
        guard purchaseSavedEUR != nil || disposalSavedEUR != nil else { return nil }
        return (purchaseSavedEUR ?? 0) + (disposalSavedEUR ?? 0) - operatingCostEUR
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
            avoidedKg += (impact.avoidedProductionKg ?? 0) + (impact.avoidedDisposalKg ?? 0)
            emittedKg += (impact.transportKg ?? 0) + (impact.heatPumpKg ?? 0)
        }
        if let net = impact.netEUR {
            withEUR += 1
            netEUR += net
        }
    }
}

/// Estimates CO2e avoided and € saved for substitutions, from the factors and the flows'
/// declared prices and disposal costs. The formulas are in `Docs/impacts.md`.
public struct ImpactCalculator: Sendable {
    public var factors: ImpactFactors
    public var taxonomy: Taxonomy
    /// How material goes between sites.
    public var mode: TransportMode
    private var outputs: [CompanyID: [FlowID: Flow]] = [:]
    private var inputs: [CompanyID: [FlowID: Flow]] = [:]

    public init(profiles: [Profile], taxonomy: Taxonomy, factors: ImpactFactors, mode: TransportMode = .road) {
        self.factors = factors
        self.taxonomy = taxonomy
        self.mode = mode
        for profile in profiles {
            outputs[profile.company.id] = Dictionary(
                profile.outputs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            inputs[profile.company.id] = Dictionary(profile.inputs.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The impact of a substitution, for its own quantity or for `quantity` of the need's unit
    /// (what a plan allocates).
    public func impact(of synergy: SubstitutionSynergy, quantity: Double? = nil) -> SynergyImpact {
        let amount =
            quantity.map { value in
                Amount(
                    value: value, dimension: synergy.quantity?.dimension ?? needDimension(synergy),
                    isOneOff: synergy.oneOff != nil)
            } ?? synergy.quantity
        var rates = self.rates(of: synergy)
        if amount == nil { rates.gaps = (rates.gaps + [.quantityUnknown]).sorted() }
        return SynergyImpact(quantity: amount, rates: rates)
    }

    private func needDimension(_ synergy: SubstitutionSynergy) -> PhysicalDimension {
        taxonomy[synergy.needResource]?.dimension ?? .mass
    }

    /// The impact of one unit of the need's base unit exchanged.
    public func rates(of synergy: SubstitutionSynergy) -> ImpactRates {
        let supplier = outputs[synergy.supplier.company]?[synergy.supplier.flow]
        let receiver = inputs[synergy.receiver.company]?[synergy.receiver.flow]
        let dimension = needDimension(synergy)
        var used: [String] = []
        var gaps: [ImpactGap] = []
        func value(_ role: FactorRole, _ mode: TransportMode? = nil) -> Double {
            guard let factor = factors.factor(role, mode: mode) else { return 0 }
            used.append(factor.id)
            return factor.value
        }

        var rates = ImpactRates(
            carrier: .none, networkKm: nil, tonnesPerUnit: nil, lossShare: nil, avoidedProductionKg: nil,
            avoidedDisposalKg: nil, transportKg: 0, heatPumpKg: 0, purchaseSavedEUR: nil, disposalSavedEUR: nil,
            operatingCostEUR: 0, factors: [], gaps: [])
        if synergy.category == .service {
            rates.gaps = [.service]
            return rates
        }
        if let km = synergy.distanceKm {
            rates.networkKm = km * value(.detour)
        } else {
            gaps.append(.distanceUnknown)
        }
        let km = rates.networkKm ?? 0

        // Carriage: pipes for heat, cold and water; the grid for gas and electricity; else goods.
        var delivered = 1.0
        switch synergy.category {
        case .heat, .cold:
            rates.carrier = .pipe
            let loss = min(0.5, value(.heatLoss) * km)
            rates.lossShare = loss
            delivered = 1 - loss
            let pumping = value(.heatPumping) * km
            rates.transportKg = pumping * value(.electricityEmissions)
            rates.operatingCostEUR = pumping * value(.electricityPrice)
            if let cop = synergy.heatPumpCOP, cop > 0 {
                rates.heatPumpKg = value(.electricityEmissions) / cop
                rates.operatingCostEUR += value(.electricityPrice) / cop
            }
        case .water:
            rates.carrier = .pipe
            let pumping = value(.waterPumping) * km
            rates.transportKg = pumping * value(.electricityEmissions)
            rates.operatingCostEUR = pumping * value(.electricityPrice)
        case .energy where dimension == .energy:
            rates.carrier = .grid
        default:
            rates.carrier = Carrier(mode)
            if let tonnes = tonnes(perUnitOf: synergy.needResource, dimension: dimension) {
                rates.tonnesPerUnit = tonnes
                rates.transportKg = tonnes * km * value(.transportEmissions, mode)
                rates.operatingCostEUR = tonnes * km * value(.transportCost, mode)
            } else {
                gaps.append(.massUnknown)
            }
        }

        // Avoided production of what the need buys.
        if let factor = factors.production(for: synergy.needResource), unitFits(factor, dimension: dimension) {
            used.append(factor.id)
            rates.avoidedProductionKg = factor.value * delivered
        } else {
            gaps.append(.noProductionFactor)
        }
        // Avoided disposal of a waste.
        if supplier?.status == .waste {
            let releaseDimension = taxonomy[synergy.resource]?.dimension ?? dimension
            let perNeedUnit = releaseUnits(perNeedUnit: synergy, from: dimension, to: releaseDimension)
            if let factor = factors.disposal(for: synergy.resource), unitFits(factor, dimension: releaseDimension),
                let perNeedUnit
            {
                used.append(factor.id)
                rates.avoidedDisposalKg = factor.value * perNeedUnit
            } else {
                gaps.append(.noDisposalFactor)
            }
            if let cost = supplier?.disposalCost {
                if let perUnit = euros(cost, code: synergy.resource, dimension: releaseDimension), let perNeedUnit {
                    rates.disposalSavedEUR = perUnit * perNeedUnit
                } else {
                    gaps.append(.costNotComparable)
                }
            }
        }
        // The purchase the receiver no longer makes.
        if let price = receiver?.price {
            if let perUnit = euros(price, code: synergy.needResource, dimension: dimension) {
                rates.purchaseSavedEUR = perUnit * delivered
            } else {
                gaps.append(.costNotComparable)
            }
        }
        rates.factors = Array(Set(used)).sorted()
        rates.gaps = Array(Set(gaps)).sorted()
        return rates
    }

    /// Tonnes per unit of `code` measured in `dimension`: 1 for a mass, through the declared
    /// density otherwise.
    private func tonnes(perUnitOf code: ResourceCode, dimension: PhysicalDimension) -> Double? {
        if dimension == .mass { return 1 }
        guard let equivalent = taxonomy.equivalent(from: .mass, for: code), equivalent.factor > 0 else { return nil }
        return 1 / equivalent.factor
    }

    /// Units of the release per unit of the need, when their dimensions differ.
    private func releaseUnits(
        perNeedUnit synergy: SubstitutionSynergy, from need: PhysicalDimension, to release: PhysicalDimension
    ) -> Double? {
        if need == release { return 1 }
        if let equivalent = taxonomy.equivalent(from: release, for: synergy.needResource), equivalent.factor > 0 {
            return 1 / equivalent.factor
        }
        return taxonomy.equivalent(from: need, for: synergy.resource)?.factor
    }

    private func unitFits(_ factor: ImpactFactor, dimension: PhysicalDimension) -> Bool {
        factor.unit == "kgCO2e/" + dimension.baseUnit.rawValue
    }

    /// A declared cost in € per base unit of `dimension`, or `nil` when it is in another
    /// currency or a unit that cannot be brought to it.
    private func euros(_ cost: Cost, code: ResourceCode, dimension: PhysicalDimension) -> Double? {
        guard cost.currency == "EUR", cost.unit.factorToBase > 0 else { return nil }
        let perOwnBase = cost.value / cost.unit.factorToBase
        if cost.unit.dimension == dimension { return perOwnBase }
        // € per t of a flow measured in m³: € per m³ = € per t × t per m³.
        guard let equivalent = taxonomy.equivalent(from: cost.unit.dimension, for: code), equivalent.factor > 0 else {
            return nil
        }
        return perOwnBase / equivalent.factor
    }
}
