import FuzzDriver
import SymbioseSpreadsheet

/// Workbooks: the ZIP container, its parts and the worksheet XML.
@_cdecl("FuzzProfileXLSX_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in _ = ProfileSheet.decodeXLSX(bytes, file: "fuzz.xlsx") }
}
