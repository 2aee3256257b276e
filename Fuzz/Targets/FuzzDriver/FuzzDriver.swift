/// Runs libFuzzer with a Swift body. SwiftPM names an executable's entry `<Target>_main`; each
/// target defines it and hands its body here, and libFuzzer's own driver (`LLVMFuzzerRunDriver`)
/// takes over: corpus, mutations, crash files, `-max_total_time`.
public enum FuzzDriver {
    nonisolated(unsafe) static var body: ([UInt8]) -> Void = { _ in }

    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ body: @escaping ([UInt8]) -> Void
    ) -> CInt {
        Self.body = body
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
    }
}

/// The entry libFuzzer calls for each input (its library refers to it by this name).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafeRawPointer?, _ size: Int) -> CInt {
    FuzzDriver.body(Array(UnsafeRawBufferPointer(start: data, count: size)))
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer?, Int) -> CInt
) -> CInt
