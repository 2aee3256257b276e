/// Estimates CO2e avoided and € saved for substitutions, from the factors and the flows'
/// declared prices and disposal costs. The formulas are in `Docs/impacts.md`.
public struct ImpactCalculator: Sendable {
    public var factors: ImpactFactors
    public var taxonomy: Taxonomy
    /// How material goes between sites.
    public var mode: TransportMode
    /// The profiles, and the position among them of each firm whose flows may be priced: the
    /// last profile given for an id. Flows are found in their profile, not copied out.
    private let profiles: [Profile]
    private var firms: [CompanyID: Int] = [:]

    /// A calculator over `profiles`; over the firms in `only` among them when given.
    public init(
        profiles: [Profile], taxonomy: Taxonomy, factors: ImpactFactors, mode: TransportMode = .road,
        only: Set<CompanyID>? = nil
    ) {
        self.factors = factors
        self.taxonomy = taxonomy
        self.mode = mode
        self.profiles = profiles
        firms.reserveCapacity(only?.count ?? profiles.count)
        for position in profiles.indices {
            let id = profiles[position].company.id
            if only?.contains(id) ?? true { firms[id] = position }
        }
    }

    /// What the priced sides of a synergy declare: the supplier's outlet, status and disposal
    /// cost, the receiver's price, read from the first flow of each firm with the flow's id.
    private func declared(_ synergy: SubstitutionSynergy) -> (supplier: SupplierTerms?, price: Cost?) {
        var supplier: SupplierTerms?
        var price: Cost?
        if let firm = firms[synergy.supplier.company] {
            let outputs = profiles[firm].outputs
            if let flow = outputs.firstIndex(where: { $0.id == synergy.supplier.flow }) {
                supplier = SupplierTerms(
                    outlet: outputs[flow].outlet, status: outputs[flow].status,
                    disposalCost: outputs[flow].disposalCost)
            }
        }
        if let firm = firms[synergy.receiver.company] {
            let inputs = profiles[firm].inputs
            if let flow = inputs.firstIndex(where: { $0.id == synergy.receiver.flow }) { price = inputs[flow].price }
        }
        return (supplier, price)
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
        let (supplier, price) = declared(synergy)
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
        if let price, !taxonomy.isSecondary(synergy.needResource) {
            if let perUnit = euros(price, code: synergy.needResource, dimension: dimension) {
                rates.purchaseSavedEUR = perUnit * delivered
            } else {
                ledger.gaps.append(.costNotComparable)
            }
        }
        rates.factors = ledger.factorIDs()
        rates.gaps = ledger.gapsMet()
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
        guard let haul = factors.position(.marketHaul),
            let tonnes = tonnes(perUnitOf: synergy.needResource, dimension: dimension)
        else {
            ledger.gaps.append(.noProductionFactor)
            return
        }
        let km = ledger.value(at: haul)
        rates.avoidedHaulKg = tonnes * km * ledger.value(.transportEmissions, .road)
        rates.avoidedHaulEUR = tonnes * km * ledger.value(.transportCost, .road)
    }

    /// The production the need no longer calls for and, for a waste, the disposal avoided
    /// with its cost.
    private func avoided(
        _ synergy: SubstitutionSynergy, supplier: SupplierTerms?, dimension: PhysicalDimension, delivered: Double,
        into rates: inout ImpactRates, ledger: inout RateLedger
    ) {
        if taxonomy.isSecondary(synergy.needResource) {
            avoidedHaul(synergy, dimension: dimension, into: &rates, ledger: &ledger)
        } else if let factor = factors.productionPosition(for: synergy.needResource),
            unitFits(factor, dimension: dimension)
        {
            rates.avoidedProductionKg = ledger.value(at: factor) * delivered
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
        _ synergy: SubstitutionSynergy, supplier: SupplierTerms?, dimension: PhysicalDimension,
        into rates: inout ImpactRates, ledger: inout RateLedger
    ) {
        let outlet = supplier?.outlet
        if outlet == nil && supplier?.status != .waste { return }
        let releaseDimension = taxonomy[synergy.resource]?.dimension ?? dimension
        let perNeedUnit = releaseUnits(perNeedUnit: synergy, from: dimension, to: releaseDimension)
        if let outlet, outlet.recovers {
            rates.avoidedDisposalKg = 0
            rates.recovered = outlet
        } else if let factor = factors.disposalPosition(for: synergy.resource, outlet: outlet),
            unitFits(factor, dimension: releaseDimension), let perNeedUnit
        {
            rates.avoidedDisposalKg = ledger.value(at: factor) * perNeedUnit
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

    /// Whether the factor at `position` in the factors is per base unit of `dimension`.
    private func unitFits(_ position: Int, dimension: PhysicalDimension) -> Bool {
        factors.all[position].unit == "kgCO2e/" + dimension.baseUnit.rawValue
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
    /// Positions in `factors.all`, which is sorted by id.
    var used: [Int] = []
    var gaps: [ImpactGap] = []

    init(factors: ImpactFactors) { self.factors = factors }

    /// The factor's value, noted as used; 0 when there is no such factor.
    mutating func value(_ role: FactorRole, _ mode: TransportMode? = nil) -> Double {
        guard let position = factors.position(role, mode: mode) else { return 0 }
        return value(at: position)
    }

    /// The value of the factor at `position`, noted as used.
    mutating func value(at position: Int) -> Double {
        used.append(position)
        return factors.all[position].value
    }

    /// The ids of the factors used, sorted, each once.
    func factorIDs() -> [String] {
        var ids: [String] = []
        for position in used.sorted() where ids.last != factors.all[position].id {
            ids.append(factors.all[position].id)
        }
        return ids
    }

    /// The gaps met, sorted, each once.
    func gapsMet() -> [ImpactGap] {
        var met: [ImpactGap] = []
        for gap in gaps.sorted() where met.last != gap { met.append(gap) }
        return met
    }
}

/// What the supplier of a substitution declares about its release that prices it.
private struct SupplierTerms {
    var outlet: ReleaseOutlet?
    var status: OutputStatus?
    var disposalCost: Cost?
}
