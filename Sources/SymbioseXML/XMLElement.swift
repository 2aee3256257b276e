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

    /// The names of the element's attributes, in document order.
    var attributeNames: [String] {
        var names: [String] = []
        var attribute = node.pointee.properties
        while let current = attribute {
            names.append(String(cString: current.pointee.name))
            attribute = current.pointee.next
        }
        return names
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

    /// The child elements, each with its indexed path (`output[2]` counts outputs only).
    package var children: [XMLElementView] {
        var result: [XMLElementView] = []
        var counts: [String: Int] = [:]
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                let name = String(cString: current.pointee.name)
                counts[name, default: 0] += 1
                result.append(XMLElementView(node: current, path: path + "/\(name)[\(counts[name]!)]"))
            }
            child = current.pointee.next
        }
        return result.map { element in
            counts[element.name] == 1
                ? XMLElementView(node: element.node, path: path + "/" + element.name) : element
        }
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
