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

    /// Makes `reader` validate the document against the schema as it reads it; false when
    /// libxml2 refuses (the reader has already started).
    func validate(as reader: xmlTextReaderPtr) -> Bool {
        xmlTextReaderSetSchema(reader, schema) == 0
    }

    /// Whether libxml2 raised `error` while validating against a schema.
    static func isViolation(_ error: LibXML2Error) -> Bool {
        error.domain == Int32(XML_FROM_SCHEMASV.rawValue)
    }

    /// The diagnostics of schema violations, located by line.
    static func diagnostics(_ violations: [LibXML2Error], file: String) -> [Diagnostic] {
        violations.filter { !$0.isWarning }.map {
            .error(
                .xmlSchema, LocalizedText(en: $0.message, fr: "non conforme au schéma : " + $0.message),
                at: SourceLocation(file: file, line: $0.line))
        }
    }
}
