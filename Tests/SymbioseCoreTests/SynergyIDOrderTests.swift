import SymbioseTestSupport
import Testing

@testable import SymbioseCore

/// Ties of score and distance are broken by synergy identifier, compared part by part without
/// writing the identifiers out: the order must be the text order of the identifiers.
@Suite struct SynergyIDOrderTests {
    typealias F = MatchFixture

    /// Companies and flows whose ids start one another, differ right where a separator would
    /// stand ('-' sorts before '.', '0' after it), hold the separators themselves, or go beyond
    /// ASCII, with a composed and a decomposed "é" that are one text written two ways.
    static let companies = ["a", "a-b", "a.b", "a0", "ab", "b", "site-1", "site-10", "site-1.x", "é", "e\u{301}", "ez"]
    static let flows = ["x", "x-1", "x.1", "x>y", "x0", "y", "é"]

    @Test func comparingInPlaceGivesTheOrderOfTheWrittenIdentifiers() {
        let profiles = Self.companies.map { company in
            F.profile(
                CompanyID(company), at: F.origin,
                outputs: Self.flows.map { F.output(FlowID($0), "material.paper.cardboard") },
                inputs: Self.flows.prefix(3).map { F.input(FlowID($0), "material.paper.fibre") })
        }
        let index = MatchIndex(profiles, taxonomy: TaxonomyFile.builtIn)
        let pairs = index.outputs.flatMap { release in index.inputs.map { (supplier: release, receiver: $0) } }
        #expect(pairs.count == 84 * 36)
        var disagreements: [String] = []
        // Every pair of releases for a few needs, and every need for a few releases.
        for a in pairs where a.receiver === index.inputs[0] || a.receiver === index.inputs[35] {
            for b in pairs where b.receiver === a.receiver || b.supplier === a.supplier {
                let (first, second) = (
                    SubstitutionMatcher.synergyID(a.supplier, a.receiver),
                    SubstitutionMatcher.synergyID(b.supplier, b.receiver)
                )
                if SubstitutionMatcher.synergyIDPrecedes(a, b) != (first < second) {
                    disagreements.append("\(first) vs \(second)")
                }
            }
        }
        #expect(disagreements == [])
    }
}
