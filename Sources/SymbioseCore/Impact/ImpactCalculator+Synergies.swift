extension ImpactCalculator {
    /// The impacts of the substitutions among `synergies`, by synergy id.
    ///
    /// - Complexity: O(*s*) for *s* synergies, split over up to `threads` threads; the result
    ///   does not depend on the number of threads.
    public static func impacts(
        of synergies: [Synergy], calculator: ImpactCalculator, threads: Int = Parallel.processors
    ) -> [String: SynergyImpact] {
        let pairs = Parallel.map(synergies.count, threads: threads) { range in
            range.compactMap { position -> (String, SynergyImpact)? in
                guard case .substitution(let s) = synergies[position] else { return nil }
                return (s.id, calculator.impact(of: s))
            }
        }
        return Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    }
}
