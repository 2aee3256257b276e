import CLibXML2
import SymbioseCore

/// One libxml2 error, copied out of the library's memory.
struct LibXML2Error {
    var message: String
    var line: Int?
    var column: Int?
    var code: Int32
    var domain: Int32
    var isWarning: Bool
}

/// Collects libxml2's errors for the duration of one synchronous call.
///
/// libxml2 reports through a per-thread handler; ``collecting(_:)`` installs ours, runs the
/// body, and restores the previous handler before returning, so nothing leaks to stderr or to
/// another call.
final class LibXML2ErrorSink {
    /// libxml2 must initialise its global state once before threads use it; Swift runs a
    /// static initialiser exactly once, whichever thread gets there first.
    private static let libraryInitialized: Void = xmlInitParser()

    private(set) var errors: [LibXML2Error] = []
    /// Whether an error other than a warning has come.
    private(set) var failed = false

    func append(_ error: LibXML2Error) {
        errors.append(error)
        if !error.isWarning { failed = true }
    }

    static func collecting<Result>(_ body: (LibXML2ErrorSink) throws -> Result) rethrows -> (Result, [LibXML2Error]) {
        _ = libraryInitialized
        let sink = LibXML2ErrorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlSetStructuredErrorFunc(context, structuredHandler)
        xmlSetGenericErrorFunc(nil, nil)
        defer {
            xmlSetStructuredErrorFunc(nil, nil)
        }
        let result = try withExtendedLifetime(sink) { try body(sink) }
        return (result, sink.errors)
    }

    /// Makes `reader` report to this sink, its schema validation included: libxml2's reader
    /// does not hand every validation error to the per-thread handler.
    func collect(from reader: xmlTextReaderPtr) {
        xmlTextReaderSetStructuredErrorHandler(reader, structuredHandler, Unmanaged.passUnretained(self).toOpaque())
    }

    static func copy(_ error: xmlErrorPtr) -> LibXML2Error {
        let raw = error.pointee
        var message = raw.message.map { String(cString: $0) } ?? "unknown XML error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        message = message.replacingOccurrences(of: "{urn:symbiose:profile:1}", with: "")
        return LibXML2Error(
            message: message, line: raw.line > 0 ? Int(raw.line) : nil, column: raw.int2 > 0 ? Int(raw.int2) : nil,
            code: Int32(raw.code), domain: Int32(raw.domain), isWarning: raw.level == XML_ERR_WARNING)
    }
}

private let structuredHandler: xmlStructuredErrorFunc = { context, error in
    guard let context, let error else { return }
    let sink = Unmanaged<LibXML2ErrorSink>.fromOpaque(context).takeUnretainedValue()
    sink.append(LibXML2ErrorSink.copy(error))
}
