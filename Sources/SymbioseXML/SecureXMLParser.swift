import CLibXML2
import SymbioseCore

/// The one blessed way Symbiose parses XML.
///
/// No network (`XML_PARSE_NONET`), big line numbers, and none of `NOENT`, `DTDLOAD`,
/// `DTDVALID`, `XINCLUDE`, `HUGE` or `RECOVER`. A document with a DOCTYPE is rejected as soon as
/// the parser meets it, before any entity declaration is read, so that entity expansion attacks
/// (billion laughs, external entities) never start. libxml2's own depth limit (256) bounds
/// nesting.
package enum SecureXMLParser {
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
    /// A document of more elements than `limits.values` is refused before libxml2 reads it.
    package static func parse(
        _ bytes: [UInt8], file: String, limits: ReaderLimits = .standard
    ) -> (document: xmlDocPtr?, diagnostics: [Diagnostic]) {
        if let finding = XMLScreen.firstProblem(in: bytes, maximumElements: limits.values) {
            return (nil, [XMLScreen.diagnostic(finding, file: file, limits: limits)])
        }
        let (document, errors, doctypeLine) = run(bytes, file: file, tree: true)
        if let line = doctypeLine {
            if let document { xmlFreeDoc(document) }
            return (nil, [XMLScreen.diagnostic(.doctype(line: line), file: file, limits: limits)])
        }
        if errors.contains(where: { !$0.isWarning }) || document == nil {
            if let document { xmlFreeDoc(document) }
            return (nil, [failure(errors, file: file)])
        }
        return (document, [])
    }

    /// The first error of a document that is not well-formed, as a parse of the whole document
    /// places it, without building its tree; nil when there is none.
    package static func firstMalformation(_ bytes: [UInt8], file: String) -> Diagnostic? {
        let (document, errors, _) = run(bytes, file: file, tree: false)
        if let document { xmlFreeDoc(document) }
        return errors.contains { !$0.isWarning } ? failure(errors, file: file) : nil
    }

    /// Parses `bytes`, building the tree or not; stops at a DOCTYPE and gives its line.
    private static func run(
        _ bytes: [UInt8], file: String, tree: Bool
    ) -> (document: xmlDocPtr?, errors: [LibXML2Error], doctypeLine: Int?) {
        let probe = DoctypeProbe()
        let (document, errors) = LibXML2ErrorSink.collecting { _ -> xmlDocPtr? in
            guard let context = xmlNewParserCtxt() else { return nil }
            defer { xmlFreeParserCtxt(context) }
            context.pointee._private = Unmanaged.passUnretained(probe).toOpaque()
            if !tree { withoutTree(context.pointee.sax) }
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
        return (document, errors, probe.line)
    }

    /// Leaves out the callbacks that build the tree: the parser still checks every rule of
    /// well-formedness.
    private static func withoutTree(_ handler: UnsafeMutablePointer<xmlSAXHandler>) {
        handler.pointee.startElementNs = nil
        handler.pointee.endElementNs = nil
        handler.pointee.characters = nil
        handler.pointee.ignorableWhitespace = nil
        handler.pointee.cdataBlock = nil
        handler.pointee.comment = nil
        handler.pointee.processingInstruction = nil
        handler.pointee.reference = nil
    }

    /// The error that stopped a parse: the first of libxml2's errors, or a general one when
    /// libxml2 gave none.
    static func failure(_ errors: [LibXML2Error], file: String) -> Diagnostic {
        guard let error = errors.first(where: { !$0.isWarning }) else {
            return .error(
                .xmlMalformed,
                LocalizedText(en: "the document could not be parsed", fr: "le document n'a pas pu être lu"),
                at: SourceLocation(file: file))
        }
        let (code, message, notes) = describe(error)
        return .error(
            code, message, at: SourceLocation(file: file, line: error.line, column: error.column), notes: notes)
    }

    /// The diagnostic code, message and notes for one of libxml2's parse errors.
    private static func describe(_ error: LibXML2Error) -> (DiagnosticCode, LocalizedText, [LocalizedText]) {
        let raw = error.message.split(separator: "\n").joined(separator: "; ")
        // libxml2 speaks English only: the French message says what kind of error it is.
        let message = LocalizedText(en: raw, fr: "XML mal formé : " + raw)
        if raw.contains("Excessive depth") {
            return (
                .xmlTooDeep,
                LocalizedText(
                    en: "elements are nested more than 256 levels deep",
                    fr: "des éléments sont imbriqués sur plus de 256 niveaux"),
                [LocalizedText(en: "profiles need five levels at most", fr: "un profil n'a besoin que de cinq niveaux")]
            )
        }
        switch xmlParserErrors(UInt32(error.code)) {
        case XML_ERR_INVALID_CHAR where raw.contains("not proper UTF-8"),
            XML_ERR_INVALID_ENCODING:
            return (
                .inputEncoding,
                LocalizedText(en: "the text is not valid UTF-8", fr: "le texte n'est pas en UTF-8 valide"),
                [
                    LocalizedText(
                        en:
                            "save the file as UTF-8, or declare its encoding: <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
                        fr:
                            "enregistrez le fichier en UTF-8, ou déclarez son encodage : <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"
                    )
                ]
            )
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING:
            return (
                .inputEncoding, message,
                [LocalizedText(en: "save the file as UTF-8", fr: "enregistrez le fichier en UTF-8")]
            )
        case XML_ERR_DOCUMENT_EMPTY:
            return (.inputEmpty, LocalizedText(en: "the document is empty", fr: "le document est vide"), [])
        default:
            return (.xmlMalformed, message, [])
        }
    }
}
