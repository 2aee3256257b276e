/// Tonnes of a release weighed against tonnes of a need on a common basis: the energy they
/// hold (lower heating value as delivered) when the need is a fuel, their neutralising value
/// when both are liming materials (sugar factory lime at 0.24 t CaO/t against ground limestone
/// at 0.50), their nitrogen when both are fertilisers (cattle manure at 7 kg N/t against the
/// reference organic fertiliser at 5), or their dry matter (wet beet pulp at 24 % against feed
/// grain at 89 %). See `Docs/matching.md`.
public struct MassEquivalence: Sendable, Hashable {
    public enum Basis: String, Sendable, Hashable {
        case heatingValue = "heating-value"
        case dryMatter = "dry-matter"
        case neutralisingValue = "neutralising-value"
        case nitrogen
    }

    /// What a resource declares on each basis, from the taxonomy.
    public struct Values: Sendable, Hashable {
        public var dryMatter: Double?
        public var heatingValue: Double?
        public var neutralisingValue: Double?
        /// Total nitrogen as delivered, in tonnes of N per tonne.
        public var nitrogen: Double?

        public init(
            dryMatter: Double? = nil, heatingValue: Double? = nil, neutralisingValue: Double? = nil,
            nitrogen: Double? = nil
        ) {
            self.dryMatter = dryMatter
            self.heatingValue = heatingValue
            self.neutralisingValue = neutralisingValue
            self.nitrogen = nitrogen
        }
    }

    public var basis: Basis
    /// The release's value on that basis: a dry-matter share, MWh, t CaO or t N per tonne.
    public var release: Double
    /// The need's value on that basis.
    public var need: Double

    public init(basis: Basis, release: Double, need: Double) {
        self.basis = basis
        self.release = release
        self.need = need
    }

    /// Tonnes of need served by one tonne of release.
    public var ratio: Double { release / need }

    /// The basis both sides declare, heating value first for a fuel need, then neutralising
    /// value, then nitrogen, then dry matter; `nil` when none, or when both sides hold the same.
    init?(release: Values, need: Values, needIsFuel: Bool) {
        if needIsFuel, let value = release.heatingValue, let wanted = need.heatingValue {
            self.init(basis: .heatingValue, release: value, need: wanted)
        } else if let value = release.neutralisingValue, let wanted = need.neutralisingValue {
            self.init(basis: .neutralisingValue, release: value, need: wanted)
        } else if let value = release.nitrogen, let wanted = need.nitrogen {
            self.init(basis: .nitrogen, release: value, need: wanted)
        } else if let share = release.dryMatter, let wanted = need.dryMatter {
            self.init(basis: .dryMatter, release: share, need: wanted)
        } else {
            return nil
        }
        if self.release == self.need { return nil }
    }
}
