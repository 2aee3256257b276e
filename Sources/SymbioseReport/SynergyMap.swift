import SymbioseCore

/// The report's map on its own, for a page that lists some of a run's synergies.
public enum SynergyMap {
    /// The map section (map, legend and notes) of the synergies of `report` whose id is in
    /// `ids`, each numbered by its rank in `report.synergies`, as in the report's tables.
    public static func section(_ report: RunReport, keeping ids: Set<String>) -> String {
        let drawn = report.synergies.enumerated().filter { ids.contains($0.element.id) }.map {
            (rank: $0.offset + 1, synergy: $0.element)
        }
        return HTMLReport(report).mapSection(drawn)
    }
}
