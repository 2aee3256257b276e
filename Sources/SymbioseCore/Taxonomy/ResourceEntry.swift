/// One resource code of the taxonomy.
public struct ResourceEntry: Sendable, Hashable {
    /// The dotted code, such as `material.glass.cullet`; its root is the category.
    public var code: ResourceCode
    public var label: LocalizedText
    public var synonymsFR: [String]
    public var synonymsEN: [String]
    /// The dimension quantities of this resource are measured in.
    public var dimension: PhysicalDimension
    /// The List of Waste codes (`NN NN NN`, `*` when hazardous) that describe this resource.
    public var ewc: [String]
    /// Other resources this one can replace.
    public var substitutes: [SubstitutionLink]
    /// Declared conversions to other dimensions (density of water, heat content of steam).
    public var equivalents: [DimensionEquivalent]
    /// The default water grade of a water resource, when a flow does not give one.
    public var grade: WaterGrade?
    /// The pooled quantity above which sharing this resource is usually worthwhile.
    public var pooling: PoolingThreshold?
    /// A secondary material (recovered paper, cullet, scrap, recycled plastic…): bought on a
    /// market of its own, so a need for it, when served locally, saves the haul from the usual
    /// source rather than the production of a virgin material. Inherited by the codes below.
    public var secondary = false
    /// The dry-matter share of the resource as delivered (0…1), for feeds and wet biomass:
    /// tonnes of one are worth tonnes of another in proportion. Inherited by the codes below.
    public var dryMatter: Double?
    /// The lower heating value as delivered, in MWh per tonne, for solid and liquid fuels:
    /// a need for a fuel is served in proportion. Inherited by the codes below.
    public var heatingValue: Double?
    /// The neutralising value as delivered, in tonnes of CaO equivalent per tonne (0…1), for
    /// liming materials: a need for a liming agent is served in proportion (sugar factory lime
    /// at 0.24 against ground limestone at 0.50). Inherited by the codes below.
    public var neutralisingValue: Double?
    /// The total nitrogen as delivered, in tonnes of N per tonne, for fertilisers: a need for a
    /// fertiliser is served in proportion (cattle manure at 0.007 against the reference organic
    /// fertiliser at 0.005). Inherited by the codes below.
    public var nitrogen: Double?
    /// Needs this resource never serves, whatever its parents' links say (sugar factory lime is
    /// filed under agri-food by-products, but is mineral: no methanisation feedstock).
    public var excludes: [ResourceCode] = []
    /// A gas: a volume of it is in normal cubic metres (0 °C, 1 atm), whether written `Nm3` or
    /// `m3`. Inherited by the codes below.
    public var gas = false
    /// The temperatures a heat or cold flow of this code usually has, in °C: what matching
    /// assumes for a flow that gives none. Inherited by the codes below.
    public var temperature: ClosedRange<Double>?

    public init(
        code: ResourceCode, label: LocalizedText, synonymsFR: [String] = [], synonymsEN: [String] = [],
        dimension: PhysicalDimension, ewc: [String] = [], substitutes: [SubstitutionLink] = [],
        equivalents: [DimensionEquivalent] = [], grade: WaterGrade? = nil, pooling: PoolingThreshold? = nil
    ) {
        self.code = code
        self.label = label
        self.synonymsFR = synonymsFR
        self.synonymsEN = synonymsEN
        self.dimension = dimension
        self.ewc = ewc
        self.substitutes = substitutes
        self.equivalents = equivalents
        self.grade = grade
        self.pooling = pooling
    }

    /// The code one level up (`heat.steam` → `heat`), or `nil` for a root.
    public var parent: ResourceCode? { code.parent }

    /// The category, from the code's root.
    public var category: ResourceCategory? { code.category }

    /// The synonyms in one language.
    public func synonyms(in language: Language) -> [String] {
        language == .fr ? synonymsFR : synonymsEN
    }

}

/// "This resource can replace `target`", with how well and why.
public struct SubstitutionLink: Sendable, Hashable {
    public var target: ResourceCode
    /// 1 for a perfect substitute, lower for a partial or demanding one.
    public var factor: Double
    public var rationale: LocalizedText

    public init(target: ResourceCode, factor: Double, rationale: LocalizedText) {
        self.target = target
        self.factor = factor
        self.rationale = rationale
    }
}

/// A declared conversion: one unit of `from` (in its base unit) is `factor` base units of the
/// resource's own dimension. For water, 1 t = 1 m³; for steam, 1 t ≈ 0.7 MWh of useful heat.
public struct DimensionEquivalent: Sendable, Hashable {
    public var from: PhysicalDimension
    public var factor: Double
    public var rationale: String
    /// A default for a property that varies from flow to flow (the methane share of biogas): a
    /// flow converted through it is told so.
    public var assumed = false
    /// The methane share, in volume percent, that `factor` assumes: a flow declaring its own
    /// share (`methane`) is converted in proportion, and nothing is assumed.
    public var methaneShare: Double?

    public init(from: PhysicalDimension, factor: Double, rationale: String) {
        self.from = from
        self.factor = factor
        self.rationale = rationale
    }
}

/// A viability threshold for pooling: the yearly quantity a shared collection, treatment unit or
/// purchase needs to be worth organising, with its basis.
public struct PoolingThreshold: Sendable, Hashable {
    /// In the resource's base unit, per year.
    public var value: Double
    public var rationale: LocalizedText
    /// Where the figure comes from, or "estimate".
    public var source: String

    public init(value: Double, rationale: LocalizedText, source: String) {
        self.value = value
        self.rationale = rationale
        self.source = source
    }
}
