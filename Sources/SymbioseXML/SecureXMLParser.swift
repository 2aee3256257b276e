import CLibXML2
import SymbioseCore

/// The one blessed way Symbiose parses XML.
///
/// No network (`XML_PARSE_NONET`), big line numbers, and none of `NOENT`, `DTDLOAD`,
/// `DTDVALID`, `XINCLUDE`, `HUGE` or `RECOVER`. A document with a DOCTYPE is rejected as soon as
/// the parser meets it, before any entity declaration is read, so that entity expansion attacks
/// (billion laughs, external entities) never start. libxml2's own depth limit (256) bounds
/// nesting.
enum SecureXMLParser {
    static let options: Int32 =
        Int32(XML_PARSE_NONET.rawValue) | Int32(XML_PARSE_BIG_LINES.rawValue)
        | Int32(XML_PARSE_NOCDATA.rawValue)

    /// What the parser saw of a DOCTYPE, shared with the SAX callback through `_private`.
    private final class DoctypeProbe {
        var line: Int?
    }

    /// Parses `bytes` into a document, or returns the located errors that prevented it.
    ///
    /// The caller owns the returned document and must free it with `xmlFreeDoc`.
    static func parse(_ bytes: [UInt8], file: String) -> (document: xmlDocPtr?, diagnostics: [Diagnostic]) {
        let probe = DoctypeProbe()
        let (document, errors) = LibXML2ErrorSink.collecting { _ -> xmlDocPtr? in
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            context.pointee._private = Unmanaged.passUnretained(probe).toOpaque()
            context.pointee.sax.pointee.internalSubset = { rawContext, _, _, _ in
                guard let rawContext else { return }
                let parser = rawContext.assumingMemoryBound(to: xmlParserCtxt.self)
                if let box = parser.pointee._private {
                    let probe = Unmanaged<DoctypeProbe>.fromOpaque(box).takeUnretainedValue()
                    probe.line = Int(xmlSAX2GetLineNumber(rawContext))
                }
                xmlStopParser(parser)
            }
            return withExtendedLifetime(probe) {
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                        xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file, nil, options)
                    }
                }
            }
        }
        if let line = probe.line {
            if let document { xmlFreeDoc(document) }
            return (
                nil,
                [
                    .error(
                        .xmlDoctype, "DOCTYPE declarations are not allowed in profiles",
                        at: SourceLocation(file: file, line: line),
                        notes: ["remove the <!DOCTYPE …> line: profiles are checked against Symbiose's own schema"])
                ]
            )
        }
        let diagnostics = errors.filter { !$0.isWarning }.map { error -> Diagnostic in
            let (code, message, notes) = describe(error)
            return .error(
                code, message, at: SourceLocation(file: file, line: error.line, column: error.column), notes: notes)
        }
        if !diagnostics.isEmpty || document == nil {
            if let document { xmlFreeDoc(document) }
            return (
                nil,
                diagnostics.isEmpty
                    ? [.error(.xmlMalformed, "the document could not be parsed", at: SourceLocation(file: file))]
                    : Array(diagnostics.prefix(1))
            )
        }
        return (document, [])
    }

    /// The diagnostic code, message and notes for one of libxml2's parse errors.
    private static func describe(_ error: LibXML2Error) -> (DiagnosticCode, String, [String]) {
        let message = error.message.split(separator: "\n").joined(separator: "; ")
        if message.contains("Excessive depth") {
            return (.xmlTooDeep, "elements are nested more than 256 levels deep", ["profiles need five levels at most"])
        }
        switch xmlParserErrors(UInt32(error.code)) {
        case XML_ERR_INVALID_CHAR where message.contains("not proper UTF-8"),
            XML_ERR_INVALID_ENCODING:
            return (
                .inputEncoding, "the text is not valid UTF-8",
                ["save the file as UTF-8, or declare its encoding: <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"]
            )
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING:
            return (.inputEncoding, message, ["save the file as UTF-8"])
        case XML_ERR_DOCUMENT_EMPTY:
            return (.inputEmpty, "the document is empty", [])
        default:
            return (.xmlMalformed, message, [])
        }
    }
}
