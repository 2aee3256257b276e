import FuzzDriver
import SymbioseFormats

/// JSON profiles: any bytes give profiles or located diagnostics, never a trap.
@_cdecl("FuzzProfileJSON_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv) { bytes in _ = ProfileJSON.decode(bytes, file: "fuzz.json") }
}
