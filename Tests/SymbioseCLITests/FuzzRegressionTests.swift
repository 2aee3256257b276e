import Foundation
import SymbioseCore
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseXML
import Testing

/// Every input a fuzzing run found (`Scripts/fuzz` copies them to `Tests/Fuzz/TARGET/`) is read
/// again by the reader it broke: it must give located errors, never a trap. A crash here stops
/// the whole test run, which is the point.
@Suite struct FuzzRegressionTests {
    static let root = URL(fileURLWithPath: "Tests/Fuzz")

    static func inputs(_ target: String) -> [URL] {
        let folder = root.appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
    }

    @Test func findingsAreKept() {
        // The findings of this project's campaigns, one per reader at least.
        for target in ["FuzzProfileXML", "FuzzProfileCSV", "FuzzProfileXLSX", "FuzzReferenceFiles", "FuzzRoundTrip"] {
            #expect(!Self.inputs(target).isEmpty, "\(target)")
        }
    }

    @Test func everyFindingIsALocatedError() throws {
        let readers: [String: ([UInt8], String) -> [Diagnostic]] = [
            "FuzzProfileJSON": { ProfileJSON.decode($0, file: $1).diagnostics },
            "FuzzProfileXML": { ProfileXML.decode($0, file: $1).diagnostics },
            "FuzzProfileCSV": { ProfileSheet.decodeCSV($0, file: $1).diagnostics },
            "FuzzProfileXLSX": { ProfileSheet.decodeXLSX($0, file: $1).diagnostics },
            "FuzzReferenceFiles": { bytes, file in
                // The target reads the same bytes as each of the three reference files.
                TaxonomyFile.decode(bytes, file: file).diagnostics
                    + FactorsFile.decode(bytes, file: file, taxonomy: TaxonomyFile.builtIn).diagnostics
                    + ActivityBase.decode(bytes, file: file, taxonomy: TaxonomyFile.builtIn).1
            },
        ]
        for (target, read) in readers {
            for url in Self.inputs(target) {
                let bytes = Array(try Data(contentsOf: url))
                let diagnostics = read(bytes, url.lastPathComponent)
                #expect(diagnostics.containsErrors, "\(target)/\(url.lastPathComponent) reads without error")
                #expect(
                    diagnostics.allSatisfy { $0.severity != .error || $0.location?.file == url.lastPathComponent },
                    "\(url.lastPathComponent)")
            }
        }
    }

    /// A profile the round-trip target broke reads back from every format it is written to as
    /// it was written (spreadsheets without white space around text).
    @Test func everyRoundTripFindingReadsBack() throws {
        for url in Self.inputs("FuzzRoundTrip") {
            let read = ProfileJSON.decode(Array(try Data(contentsOf: url)), file: url.lastPathComponent)
            let profiles = read.profiles.map(\.profile)
            #expect(!read.diagnostics.containsErrors && !profiles.isEmpty, "\(url.lastPathComponent)")
            let xml = ProfileXML.decode(Array(ProfileXML.encode(profiles, asCollection: true).utf8), file: "x")
            #expect(xml.profiles.map(\.profile) == profiles)
            let fromSheets = profiles.map(ProfileSheet.asReadBack)
            for language in [Language.en, .fr] {
                let csv = ProfileSheet.decodeCSV(Array(ProfileSheet.csv(profiles, language: language).utf8), file: "c")
                #expect(csv.profiles.map(\.profile) == fromSheets, "\(url.lastPathComponent), CSV \(language)")
            }
            let workbook = ProfileSheet.decodeXLSX(try ProfileSheet.xlsx(profiles, language: .fr), file: "w")
            #expect(workbook.profiles.map(\.profile) == fromSheets, "\(url.lastPathComponent), xlsx")
        }
    }
}
