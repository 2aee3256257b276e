import FuzzDriver
import SymbioseCore

/// The user's reference files: taxonomy, impact factors and activity base, each read from the
/// same bytes.
@_cdecl("FuzzReferenceFiles_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    let taxonomy = TaxonomyFile.builtIn
    return FuzzDriver.run(argc, argv) { bytes in
        _ = TaxonomyFile.decode(bytes, file: "fuzz-taxonomy.json")
        _ = FactorsFile.decode(bytes, file: "fuzz-factors.json", taxonomy: taxonomy)
        _ = ActivityBase.decode(bytes, file: "fuzz-activities.json", taxonomy: taxonomy)
    }
}
