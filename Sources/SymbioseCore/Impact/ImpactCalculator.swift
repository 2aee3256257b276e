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
        var ledger = RateLedger(factors: factors)
        var rates = ImpactRates(
            carrier: .none, networkKm: nil, tonnesPerUnit: nil, lossShare: nil, avoidedProductionKg: nil,
            avoidedDisposalKg: nil, transportKg: 0, heatPumpKg: 0, purchaseSavedEUR: nil, disposalSavedEUR: nil,
            operatingCostEUR: 0, factors: [], gaps: [])
        if synergy.category == .service {
            rates.gaps = [.service]
            return rates
        }
        if let km = synergy.distanceKm {
            rates.networkKm = km * ledger.value(.detour)
        } else {
            ledger.gaps.append(.distanceUnknown)
        }
        let delivered = carriage(synergy, dimension: dimension, into: &rates, ledger: &ledger)
        avoided(synergy, supplier: supplier, dimension: dimension, delivered: delivered, into: &rates, ledger: &ledger)
        // The purchase the receiver no longer makes; a secondary material is bought on its market
        // either way, so only the haul is saved.
        if let price = receiver?.price, !taxonomy.isSecondary(synergy.needResource) {
            if let perUnit = euros(price, code: synergy.needResource, dimension: dimension) {
                rates.purchaseSavedEUR = perUnit * delivered
            } else {
                ledger.gaps.append(.costNotComparable)
            }
        }
        rates.factors = Array(Set(ledger.used)).sorted()
        rates.gaps = Array(Set(ledger.gaps)).sorted()
        return rates
    }

    /// How the exchange is carried — pipes for heat, cold and water; the grid for gas and
    /// electricity; goods otherwise — with its transport emissions and operating cost. Returns
    /// the share of what leaves the supplier that reaches the receiver.
    private func carriage(
        _ synergy: SubstitutionSynergy, dimension: PhysicalDimension, into rates: inout ImpactRates,
        ledger: inout RateLedger
    ) -> Double {
        let km = rates.networkKm ?? 0
        var delivered = 1.0
        switch synergy.category {
        case .heat, .cold:
            rates.carrier = .pipe
            let loss = min(0.5, ledger.value(.heatLoss) * km)
            rates.lossShare = loss
            delivered = 1 - loss
            let pumping = ledger.value(.heatPumping) * km
            rates.transportKg = pumping * ledger.value(.electricityEmissions)
            rates.operatingCostEUR = pumping * ledger.value(.electricityPrice)
            if let cop = synergy.heatPumpCOP, cop > 0 {
                rates.heatPumpKg = ledger.value(.electricityEmissions) / cop
                rates.operatingCostEUR += ledger.value(.electricityPrice) / cop
            }
        case .water:
            rates.carrier = .pipe
            let pumping = ledger.value(.waterPumping) * km
            rates.transportKg = pumping * ledger.value(.electricityEmissions)
            rates.operatingCostEUR = pumping * ledger.value(.electricityPrice)
        case .energy where dimension == .energy:
            rates.carrier = .grid
        default:
            rates.carrier = Carrier(mode)
            if let tonnes = tonnes(perUnitOf: synergy.needResource, dimension: dimension) {
                // Wet pulp served as feed: more tonnes travel than the feed they replace.
                let tonnes = tonnes / (synergy.equivalence?.ratio ?? 1)
                rates.tonnesPerUnit = tonnes
                rates.transportKg = tonnes * km * ledger.value(.transportEmissions, mode)
                rates.operatingCostEUR = tonnes * km * ledger.value(.transportCost, mode)
            } else {
                ledger.gaps.append(.massUnknown)
            }
        }
        return delivered
    }

    /// A need for a secondary material would otherwise be bought on its market, hauled from
    /// its usual source: the synergy saves that haul (road, at the market-haul distance), not
    /// the production of a virgin material.
    private func avoidedHaul(
        _ synergy: SubstitutionSynergy, dimension: PhysicalDimension, into rates: inout ImpactRates,
        ledger: inout RateLedger
    ) {
        guard let haul = factors.factor(.marketHaul),
            let tonnes = tonnes(perUnitOf: synergy.needResource, dimension: dimension)
        else {
            ledger.gaps.append(.noProductionFactor)
            return
        }
        ledger.used.append(haul.id)
        rates.avoidedHaulKg = tonnes * haul.value * ledger.value(.transportEmissions, .road)
        rates.avoidedHaulEUR = tonnes * haul.value * ledger.value(.transportCost, .road)
    }

    /// The production the need no longer calls for and, for a waste, the disposal avoided
    /// with its cost.
    private func avoided(
        _ synergy: SubstitutionSynergy, supplier: Flow?, dimension: PhysicalDimension, delivered: Double,
        into rates: inout ImpactRates, ledger: inout RateLedger
    ) {
        if taxonomy.isSecondary(synergy.needResource) {
            avoidedHaul(synergy, dimension: dimension, into: &rates, ledger: &ledger)
        } else if let factor = factors.production(for: synergy.needResource), unitFits(factor, dimension: dimension) {
            ledger.used.append(factor.id)
            rates.avoidedProductionKg = factor.value * delivered
        } else {
            ledger.gaps.append(.noProductionFactor)
        }
        supplierSide(synergy, supplier: supplier, dimension: dimension, into: &rates, ledger: &ledger)
    }

    /// What the supplier no longer does with its release: the disposal its declared outlet (or,
    /// for a waste that names none, its resource's usual route) would have caused, and its
    /// declared cost. A release already recovered — recycled, reused, sold, or a by-product or
    /// surplus that names no outlet — avoids no disposal; a sale saves no cost either.
    private func supplierSide(
        _ synergy: SubstitutionSynergy, supplier: Flow?, dimension: PhysicalDimension, into rates: inout ImpactRates,
        ledger: inout RateLedger
    ) {
        let outlet = supplier?.outlet
        if outlet == nil && supplier?.status != .waste { return }
        let releaseDimension = taxonomy[synergy.resource]?.dimension ?? dimension
        let perNeedUnit = releaseUnits(perNeedUnit: synergy, from: dimension, to: releaseDimension)
        if let outlet, outlet.recovers {
            rates.avoidedDisposalKg = 0
            rates.recovered = outlet
        } else if let factor = factors.disposal(for: synergy.resource, outlet: outlet),
            unitFits(factor, dimension: releaseDimension), let perNeedUnit
        {
            ledger.used.append(factor.id)
            rates.avoidedDisposalKg = factor.value * perNeedUnit
        } else {
            ledger.gaps.append(.noDisposalFactor)
        }
        if let cost = supplier?.disposalCost, outlet != .sold {
            if let perUnit = euros(cost, code: synergy.resource, dimension: releaseDimension), let perNeedUnit {
                rates.disposalSavedEUR = perUnit * perNeedUnit
            } else {
                ledger.gaps.append(.costNotComparable)
            }
        }
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
        if need == release { return 1 / (synergy.equivalence?.ratio ?? 1) }
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

/// The factors used and the gaps met while working out one synergy's rates.
private struct RateLedger {
    let factors: ImpactFactors
    var used: [String] = []
    var gaps: [ImpactGap] = []

    init(factors: ImpactFactors) { self.factors = factors }

    /// The factor's value, noted as used; 0 when there is no such factor.
    mutating func value(_ role: FactorRole, _ mode: TransportMode? = nil) -> Double {
        guard let factor = factors.factor(role, mode: mode) else { return 0 }
        used.append(factor.id)
        return factor.value
    }
}
