import FuzzDriver
import SymbioseSpreadsheet

/// CSV profile sheets in any encoding and separator.
@_cdecl("FuzzProfileCSV_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in _ = ProfileSheet.decodeCSV(bytes, file: "fuzz.csv") }
}
