import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseTestSupport
import SymbioseXML
import Testing

/// Every reader stops at its limits with one located error, in every format, and the limits of
/// an upload still take a whole territory.
@Suite struct ReaderLimitsTests {
    private func loader(_ limits: ReaderLimits) -> ProfileLoader {
        var loader = ProfileLoader(workingDirectory: TestSupport.packageRoot)
        loader.limits = limits
        return loader
    }

    private func read(_ bytes: [UInt8], as format: ProfileLoader.Format, limits: ReaderLimits) -> ProfileLoader.Result {
        var result = ProfileLoader.Result()
        loader(limits).read(bytes, file: "upload.\(format.rawValue)", format: format, into: &result)
        return result
    }

    private func threeProfiles() throws -> [Profile] {
        Array(try TestSupport.demoProfiles().profiles.prefix(3).map(\.profile))
    }

    private func encoded(_ profiles: [Profile], as format: ProfileLoader.Format) throws -> [UInt8] {
        switch format {
        case .json: Array(ProfileJSON.encode(profiles, asCollection: true).utf8)
        case .xml: Array(ProfileXML.encode(profiles, asCollection: true).utf8)
        case .csv: Array(ProfileSheet.csv(profiles, language: .fr).utf8)
        case .xlsx: try ProfileSheet.xlsx(profiles, language: .fr)
        }
    }

    private func limits(values: Int = 1_000_000, profiles: Int = 1_000, flows: Int = 1_000) -> ReaderLimits {
        ReaderLimits(bytes: 1 << 30, inflatedBytes: 1 << 30, values: values, profiles: profiles, flowsPerProfile: flows)
    }

    @Test(arguments: ProfileLoader.Format.allCases)
    func eachFormatStopsAtItsValueLimit(format: ProfileLoader.Format) throws {
        let bytes = try encoded(try threeProfiles(), as: format)
        #expect(read(bytes, as: format, limits: limits()).profiles.count == 3)
        let refused = read(bytes, as: format, limits: limits(values: 40))
        #expect(refused.profiles.isEmpty)
        #expect(refused.diagnostics.map(\.code) == [.inputTooManyValues])
        #expect(refused.diagnostics.first?.text.en.contains("more than 40 values") == true)
    }

    @Test func aFileBeyondTheByteLimitIsRefusedBeforeItIsRead() throws {
        var small = limits()
        small.bytes = 1_024
        let result = loader(small).load(["Fixtures/soissonnais-valois/bipa-belleu.xml"])
        #expect(result.profiles.isEmpty)
        #expect(result.diagnostics.map(\.code) == [.inputTooLarge])
        #expect(result.diagnostics.first?.text.en.hasSuffix("at most 1 KiB are read") == true)
        #expect(result.diagnostics.first?.location?.file == "Fixtures/soissonnais-valois/bipa-belleu.xml")
        let sent = read(Array(repeating: UInt8(ascii: " "), count: 2_000), as: .json, limits: small)
        #expect(sent.diagnostics.map(\.code) == [.inputTooLarge])
    }

    @Test func moreProfilesThanTheLimitKeepNone() throws {
        let bytes = try encoded(try threeProfiles(), as: .json)
        let result = read(bytes, as: .json, limits: limits(profiles: 2))
        #expect(result.profiles.isEmpty)
        #expect(result.diagnostics.map(\.code) == [.inputTooManyProfiles])
        let files = loader(limits(profiles: 2)).load([
            "Fixtures/soissonnais-valois/bipa-belleu.xml", "Fixtures/soissonnais-valois/babynov.xml",
            "Fixtures/soissonnais-valois/grg-groebli.json",
        ])
        #expect(files.profiles.isEmpty)
        #expect(files.diagnostics.map(\.code) == [.inputTooManyProfiles])
    }

    @Test func aProfileWithTooManyFlowsIsRefusedAlone() throws {
        let profiles = try threeProfiles()
        let counts = profiles.map { $0.inputs.count + $0.outputs.count }
        let limit = counts.max()! - 1
        let result = read(try encoded(profiles, as: .json), as: .json, limits: limits(flows: limit))
        let refused = counts.filter { $0 > limit }.count
        #expect(result.profiles.count == 3 - refused)
        #expect(result.diagnostics.map(\.code) == Array(repeating: .profileTooManyFlows, count: refused))
        #expect(result.diagnostics.allSatisfy { $0.location?.line != nil })
    }

    /// The upload limits take the whole demo territory sent as one file, in every format.
    @Test(arguments: ProfileLoader.Format.allCases)
    func aWholeTerritoryFitsTheUploadLimits(format: ProfileLoader.Format) throws {
        let profiles = try TestSupport.demoProfiles().profiles.map(\.profile)
        let result = read(try encoded(profiles, as: format), as: format, limits: .upload)
        #expect(result.profiles.count == profiles.count)
        #expect(!result.diagnostics.contains { $0.code.rawValue.hasPrefix("input.too") })
    }
}
