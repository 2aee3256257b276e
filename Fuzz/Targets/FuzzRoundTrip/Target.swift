import FuzzDriver
import SymbioseCore
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseXML

/// Writers: a profile read, resolved (resources given in words) and checked without error from
/// JSON is written as JSON, XML, CSV and a workbook, and each must read back to the same profile.
/// (A profile with errors, such as an id with trailing spaces, is refused before any writer sees
/// it.)
@_cdecl("FuzzRoundTrip_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in
        let (read, diagnostics) = ProfileJSON.decode(bytes, file: "fuzz.json")
        let loaded = ResourceResolver(taxonomy: TaxonomyFile.builtIn).resolve(read).profiles
        guard !diagnostics.containsErrors, !loaded.isEmpty,
            !ProfileValidator(taxonomy: TaxonomyFile.builtIn).validate(loaded).containsErrors
        else { return }
        let profiles = loaded.map(\.profile)
        let json = ProfileJSON.decode(Array(ProfileJSON.encode(profiles, asCollection: true).utf8), file: "j")
        check(json.profiles.map(\.profile) == profiles, "JSON")
        let xml = ProfileXML.decode(Array(ProfileXML.encode(profiles, asCollection: true).utf8), file: "x")
        check(xml.profiles.map(\.profile) == profiles, "XML")
        // Spreadsheets give free text back without surrounding white space.
        let fromSheets = profiles.map(ProfileSheet.asReadBack)
        for language in [Language.en, .fr] {
            let csv = ProfileSheet.decodeCSV(Array(ProfileSheet.csv(profiles, language: language).utf8), file: "c")
            check(csv.profiles.map(\.profile) == fromSheets, "CSV \(language)")
        }
        if let workbook = try? ProfileSheet.xlsx(profiles, language: .fr) {
            let read = ProfileSheet.decodeXLSX(workbook, file: "w")
            check(read.profiles.map(\.profile) == fromSheets, "xlsx")
        }
    }
}

/// A failed round trip is a finding: crash so that libFuzzer keeps the input.
func check(_ condition: Bool, _ format: String) {
    if !condition { fatalError("\(format) did not read back the profile it wrote") }
}
