import CLibXML2
import SymbioseCore

/// The profile XSD, compiled once from the bytes embedded in the binary (never from a URL).
final class ProfileSchema: @unchecked Sendable {
    /// The namespace of every profile element.
    static let namespace = "urn:symbiose:profile:1"

    // A compiled schema is read-only once built; libxml2 allows validating against it from
    // several threads, each with its own validation context.
    private let schema: xmlSchemaPtr

    static let shared: ProfileSchema = {
        let bytes = PackageResources.profile_xsd
        let (schema, errors) = LibXML2ErrorSink.collecting { _ -> xmlSchemaPtr? in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    guard let context = xmlSchemaNewMemParserCtxt(pointer, Int32(buffer.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(context) }
                    return xmlSchemaParse(context)
                }
            }
        }
        guard let schema else {
            preconditionFailure("the embedded profile schema does not compile: \(errors.map(\.message))")
        }
        return ProfileSchema(schema: schema)
    }()

    private init(schema: xmlSchemaPtr) {
        self.schema = schema
    }

    /// Every schema violation of `document`, located by line.
    func validate(_ document: xmlDocPtr, file: String) -> [Diagnostic] {
        let (_, errors) = LibXML2ErrorSink.collecting { _ in
            guard let context = xmlSchemaNewValidCtxt(schema) else { return }
            defer { xmlSchemaFreeValidCtxt(context) }
            xmlSchemaSetValidStructuredErrors(context, nil, nil)
            _ = xmlSchemaValidateDoc(context, document)
        }
        return errors.filter { !$0.isWarning }.map {
            .error(
                .xmlSchema, LocalizedText(en: $0.message, fr: "non conforme au schéma : " + $0.message),
                at: SourceLocation(file: file, line: $0.line))
        }
    }
}
