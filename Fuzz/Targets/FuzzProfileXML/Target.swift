import FuzzDriver
import SymbioseXML

/// XML profiles, through libxml2 and the schema: profiles or located diagnostics, never a trap.
@_cdecl("FuzzProfileXML_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in _ = ProfileXML.decode(bytes, file: "fuzz.xml") }
}
