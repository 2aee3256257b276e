import CLibXML2

/// Reads a document as a stream of events without building its tree: for large parts, such as
/// a worksheet of thousands of rows, where the tree would take several times the text's size.
///
/// It is libxml2's reader with the options of ``SecureXMLParser`` (no network, no entity
/// substitution, no DTD loading), and it stops at a DOCTYPE, which the formats read this way
/// never have.
package enum XMLStream {
    package enum Event {
        /// An element opens, with its attributes in document order; an empty element is followed
        /// by its `end` at once.
        case start(name: String, attributes: [(name: String, value: String)])
        case end(name: String)
        /// Character data, or CDATA, inside the current element.
        case text(String)
    }

    /// Why the stream stopped: the document is not well-formed, or has a DOCTYPE.
    package struct Failure: Error {
        package var message: String
        package var line: Int?
    }

    /// Hands every event of the document to `handle`, in order.
    package static func read(_ bytes: [UInt8], file: String, _ handle: (Event) throws -> Void) throws {
        var failure: Failure?
        let (_, errors) = try LibXML2ErrorSink.collecting { _ in
            let reader = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                    xmlReaderForMemory(pointer, Int32(buffer.count), file, nil, SecureXMLParser.options)
                }
            }
            guard let reader else {
                failure = Failure(message: "the document cannot be read", line: nil)
                return
            }
            defer { xmlFreeTextReader(reader) }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { return }
                if status < 0 {
                    failure = Failure(message: "the document is not well-formed XML", line: nil)
                    return
                }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let name = String(cString: xmlTextReaderConstLocalName(reader))
                    let empty = xmlTextReaderIsEmptyElement(reader) == 1
                    var attributes: [(name: String, value: String)] = []
                    while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                        attributes.append(
                            (
                                String(cString: xmlTextReaderConstLocalName(reader)),
                                xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                            ))
                    }
                    try handle(.start(name: name, attributes: attributes))
                    if empty { try handle(.end(name: name)) }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    try handle(.end(name: String(cString: xmlTextReaderConstLocalName(reader))))
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                    Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    try handle(.text(xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""))
                case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                    failure = Failure(
                        message: "the document has a DOCTYPE", line: Int(xmlTextReaderGetParserLineNumber(reader)))
                    return
                default:
                    continue
                }
            }
        }
        if let failure { throw failure }
        if let error = errors.first(where: { !$0.isWarning }) {
            throw Failure(message: error.message, line: error.line)
        }
    }
}
