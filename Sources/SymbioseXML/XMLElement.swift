import CLibXML2
import SymbioseCore

/// A read-only view of one element of a parsed document, valid while its document lives.
package struct XMLElementView {
    package let node: xmlNodePtr
    /// An XML path for diagnostics, as `/profile/output[2]`.
    package let path: String

    package init(node: xmlNodePtr, path: String) {
        self.node = node
        self.path = path
    }

    package var name: String { String(cString: node.pointee.name) }

    var namespace: String? {
        node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
    }

    package var line: Int? {
        let line = xmlGetLineNo(node)
        return line > 0 ? Int(line) : nil
    }

    /// The value of an attribute without namespace, or `nil` when absent.
    package func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(node, name) else { return nil }
        defer { symbiose_xml_free(value) }
        return String(cString: value)
    }

    /// The value of an attribute in the given namespace, or `nil` when absent.
    package func attribute(_ name: String, namespace: String) -> String? {
        guard let value = xmlGetNsProp(node, name, namespace) else { return nil }
        defer { symbiose_xml_free(value) }
        return String(cString: value)
    }

    /// The element's text content.
    package var text: String {
        guard let content = xmlNodeGetContent(node) else { return "" }
        defer { symbiose_xml_free(content) }
        return String(cString: content)
    }

    /// The child elements without paths: for formats read in bulk, such as a worksheet's
    /// cells, where building a path for every element would cost more than reading it.
    package var elements: [XMLElementView] {
        var result: [XMLElementView] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElementView(node: current, path: "")) }
            child = current.pointee.next
        }
        return result
    }

    /// The child elements, each with its path: indexed among its namesakes (`output[2]` counts
    /// outputs only) when it has any.
    package var children: [XMLElementView] {
        var found: [(node: xmlNodePtr, name: String, ordinal: Int)] = []
        var counts: [(name: String, count: Int)] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: current.pointee.name)
                if let known = counts.firstIndex(where: { $0.name == name }) {
                    counts[known].count += 1
                    found.append((current, name, counts[known].count))
                } else {
                    counts.append((name, 1))
                    found.append((current, name, 1))
                }
            }
            child = current.pointee.next
        }
        return found.map { element in
            let alone = counts.first { $0.name == element.name }?.count == 1
            return XMLElementView(
                node: element.node,
                path: alone ? path + "/" + element.name : path + "/" + element.name + "[\(element.ordinal)]")
        }
    }

    /// The element's attributes, read in one pass.
    package var attributes: XMLAttributes { XMLAttributes(node) }
}

/// An element's attributes, listed in one pass: every name in document order, and the values of
/// those without a namespace (what `xmlGetNoNsProp` gives, without a search and a copy per
/// name). Valid while its document lives.
package struct XMLAttributes {
    /// Every attribute's local name, in document order.
    package private(set) var names: [UnsafePointer<CChar>] = []
    /// The attributes without namespace, with their names as strings: short names compare as
    /// two words, where a C string would be made for each comparison.
    private var plain: [(name: String, attribute: xmlAttrPtr)] = []

    init(_ node: xmlNodePtr) {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name {
                names.append(UnsafeRawPointer(name).assumingMemoryBound(to: CChar.self))
                if current.pointee.ns == nil { plain.append((String(cString: name), current)) }
            }
            attribute = current.pointee.next
        }
    }

    /// The value of the first attribute called `name` without namespace, or nil.
    package subscript(name: String) -> String? {
        plain.first { $0.name == name }.map { Self.value(of: $0.attribute) }
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        if let text = attribute.pointee.children, text.pointee.next == nil,
            text.pointee.type == XML_TEXT_NODE || text.pointee.type == XML_CDATA_SECTION_NODE
        {
            return text.pointee.content.map { String(cString: $0) } ?? ""
        }
        guard let joined = xmlNodeListGetString(attribute.pointee.doc, attribute.pointee.children, 1) else { return "" }
        defer { symbiose_xml_free(joined) }
        return String(cString: joined)
    }
}

/// A document parsed by ``SecureXMLParser`` that frees itself: how readers of other XML formats
/// (the parts of a workbook) use the one hardened parser.
package final class ParsedXMLDocument {
    /// Why a document could not be parsed.
    package struct DiagnosticList: Error {
        package var diagnostics: [Diagnostic]
    }

    package let root: XMLElementView
    private let document: xmlDocPtr

    /// Parses `bytes`; when they are not a well-formed document with a root, throws the
    /// diagnostics that say why (possibly none, for a document without a root).
    package init(_ bytes: [UInt8], file: String, limits: ReaderLimits = .standard) throws(DiagnosticList) {
        let (parsed, diagnostics) = SecureXMLParser.parse(bytes, file: file, limits: limits)
        guard let parsed else { throw DiagnosticList(diagnostics: diagnostics) }
        guard diagnostics.isEmpty, let rootNode = xmlDocGetRootElement(parsed) else {
            xmlFreeDoc(parsed)
            throw DiagnosticList(diagnostics: diagnostics)
        }
        document = parsed
        root = XMLElementView(node: rootNode, path: "/" + String(cString: rootNode.pointee.name))
    }

    deinit { xmlFreeDoc(document) }
}
