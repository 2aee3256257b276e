import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseTestSupport
import SymbioseXML
import Testing

/// One bad flow does not hide a firm: the flow is left out with a located warning beside its
/// error, and the firm's other flows are still matched, in every input format alike.
@Suite struct FlowExclusionTests {
    /// A firm whose scrap names an unknown resource code and whose hot-water need is sound, and
    /// a neighbour releasing hot water.
    static let territory = """
        {"schema": "symbiose/profiles@1", "profiles": [
          {"company": {"id": "acme", "name": "Acme", "naf": "25.62B", "employees": 20},
           "site": {"lat": 49.38, "lon": 3.32},
           "outputs": [{"id": "scrap", "resource": "material.metal.steel-scarp",
                        "quantity": {"value": 100, "unit": "t", "per": "year"}, "status": "waste"}],
           "inputs": [{"id": "heating", "resource": "heat.hot-water", "temperature": 60,
                       "quantity": {"value": 2, "unit": "GWh", "per": "year"}}]},
          {"company": {"id": "laundry", "name": "Blanchisserie", "naf": "96.01A", "employees": 40},
           "site": {"lat": 49.385, "lon": 3.325},
           "outputs": [{"id": "hot-rinse", "resource": "heat.hot-water", "temperature": 85,
                        "quantity": {"value": 3, "unit": "GWh", "per": "year"}}]}
        ]}
        """

    private func bytes(as format: ProfileLoader.Format) throws -> [UInt8] {
        let json = Array(Self.territory.utf8)
        guard format != .json else { return json }
        let profiles = ProfileJSON.decode(json, file: "t.json").profiles.map(\.profile)
        #expect(profiles.count == 2)
        switch format {
        case .xml: return Array(ProfileXML.encode(profiles, asCollection: true).utf8)
        case .csv: return Array(ProfileSheet.csv(profiles, language: .en).utf8)
        case .xlsx: return try ProfileSheet.xlsx(profiles, language: .en)
        case .json: return json
        }
    }

    @Test(arguments: ProfileLoader.Format.allCases)
    func aBadFlowIsLeftOutAndTheRestOfItsFirmIsMatched(format: ProfileLoader.Format) throws {
        let outcome = Engine().run(.bytes(try bytes(as: format), file: "t.\(format.rawValue)", format: format))
        let codes = outcome.diagnostics.map(\.code)
        #expect(codes.contains(.profileUnknownResource), "\(format)")
        #expect(!codes.contains(.matchExcludedProfile), "\(format)")
        let left = outcome.diagnostics.filter { $0.code == .matchExcludedFlow }
        #expect(left.count == 1 && left.first?.text.en.hasPrefix("flow scrap of acme") == true, "\(format)")
        #expect(left.first?.location?.file == "t.\(format.rawValue)")
        let matched = outcome.result.synergies.compactMap { synergy -> String? in
            guard case .substitution(let substitution) = synergy else { return nil }
            return "\(substitution.supplier.company)→\(substitution.receiver.company)"
        }
        #expect(matched.contains("laundry→acme"), "\(format): \(matched)")
        #expect(outcome.profiles.first { $0.company.id == "acme" }?.outputs.isEmpty == true)
    }

    @Test func anErrorOutsideTheFlowsStillLeavesTheWholeFirmOut() {
        let broken = Self.territory.replacingOccurrences(of: "\"lat\": 49.38,", with: "\"lat\": 149.38,")
        let outcome = Engine().run(.bytes(Array(broken.utf8), file: "t.json", format: .json))
        #expect(outcome.diagnostics.contains { $0.code == .matchExcludedProfile })
        #expect(!outcome.diagnostics.contains { $0.code == .matchExcludedFlow })
        #expect(!outcome.profiles.contains { $0.company.id == "acme" })
    }
}
