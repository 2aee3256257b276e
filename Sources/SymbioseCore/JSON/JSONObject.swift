/// Collects the diagnostics of one decoding pass over one file.
public final class DiagnosticCollector {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) {
        self.file = file
    }

    public func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public func location(_ path: JSONPath, _ position: TextPosition?) -> SourceLocation {
        SourceLocation(file: file, line: position?.line, column: position?.column, path: path.description)
    }

    public func error(
        _ code: DiagnosticCode, _ message: LocalizedText, path: JSONPath, at position: TextPosition?,
        notes: [LocalizedText] = []
    ) {
        append(.error(code, message, at: location(path, position), notes: notes))
    }

    public var hasErrors: Bool { diagnostics.containsErrors }
}

/// A JSON object being decoded: typed accessors that report a located diagnostic for every
/// missing member, wrong type, unknown member or out-of-range value, and return `nil` then.
public struct JSONObject {
    public let members: [JSONMember]
    public let path: JSONPath
    public let position: TextPosition
    public let collector: DiagnosticCollector

    /// Views `node` as an object, or reports that it is not one.
    public init?(_ node: JSONNode, path: JSONPath, collector: DiagnosticCollector) {
        guard case .object(let members) = node.value else {
            collector.error(
                .jsonType,
                LocalizedText(
                    en: "expected an object, found \(node.value.typeName)",
                    fr: "un objet était attendu, trouvé \(node.value.typeNameFR)"), path: path, at: node.position)
            return nil
        }
        self.members = members
        self.path = path
        self.position = node.position
        self.collector = collector
    }

    public func member(_ key: String) -> JSONMember? {
        for position in members.indices where members[position].key == key { return members[position] }
        return nil
    }

    /// Reports every member whose name is not in `allowed`, suggesting the closest allowed name.
    public func rejectUnknownMembers(allowed: [String]) {
        for member in members where !allowed.contains(member.key) {
            let key = member.key.lowercased()
            let closest = allowed.compactMap { name in
                TextFolding.editDistance(name.lowercased(), key, atMost: 3).map { (name, $0) }
            }.min { $0.1 < $1.1 }?.0
            var notes: [LocalizedText] = []
            if let closest {
                notes.append(
                    LocalizedText(en: "did you mean \"\(closest)\"?", fr: "vouliez-vous dire « \(closest) » ?"))
            }
            let list = allowed.joined(separator: ", ")
            notes.append(LocalizedText(en: "expected one of: " + list, fr: "membres possibles : " + list))
            collector.error(
                .jsonUnknownField,
                LocalizedText(en: "unknown member \"\(member.key)\"", fr: "membre inconnu « \(member.key) »"),
                path: path.appending(member.key), at: member.keyPosition, notes: notes)
        }
    }

    private func node(_ key: String, required: Bool) -> JSONNode? {
        guard let member = member(key) else {
            if required {
                collector.error(
                    .jsonMissingField,
                    LocalizedText(en: "missing required member \"\(key)\"", fr: "membre obligatoire « \(key) » absent"),
                    path: path, at: position)
            }
            return nil
        }
        if case .null = member.value.value, !required { return nil }
        return member.value
    }

    private func typeError(_ key: String, _ node: JSONNode, expected: LocalizedText) {
        collector.error(
            .jsonType,
            LocalizedText(
                en: "\"\(key)\" must be \(expected.en), found \(node.value.typeName)",
                fr: "« \(key) » doit être \(expected.fr), trouvé \(node.value.typeNameFR)"),
            path: path.appending(key), at: node.position)
    }

    /// The location of a member's value, or of the object when the member is absent.
    public func location(of key: String) -> SourceLocation {
        if let member = member(key) {
            return collector.location(path.appending(key), member.value.position)
        }
        return collector.location(path, position)
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key, required: required) else { return nil }
        guard case .string(let value) = node.value else {
            typeError(key, node, expected: LocalizedText(en: "a string", fr: "une chaîne"))
            return nil
        }
        return value
    }

    /// A finite number; infinities (from overflowing literals such as `1e999`) are reported.
    public func number(_ key: String, required: Bool = false) -> Double? {
        guard let node = node(key, required: required) else { return nil }
        guard case .number(let value) = node.value else {
            typeError(key, node, expected: LocalizedText(en: "a number", fr: "un nombre"))
            return nil
        }
        guard value.isFinite else {
            collector.error(
                .valueNotFinite,
                LocalizedText(en: "\"\(key)\" is not a finite number", fr: "« \(key) » n'est pas un nombre fini"),
                path: path.appending(key), at: node.position)
            return nil
        }
        return value
    }

    public func integer(_ key: String, required: Bool = false) -> Int? {
        guard let value = number(key, required: required) else { return nil }
        guard value == value.rounded(), abs(value) < 1e15 else {
            collector.error(
                .valueInvalid,
                LocalizedText(
                    en: "\"\(key)\" must be a whole number, found \(JSONOutput.format(value))",
                    fr: "« \(key) » doit être un nombre entier, trouvé \(JSONOutput.format(value))"),
                path: path.appending(key), at: member(key)?.value.position)
            return nil
        }
        return Int(value)
    }

    public func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let node = node(key, required: required) else { return nil }
        guard case .bool(let value) = node.value else {
            typeError(key, node, expected: LocalizedText(en: "true or false", fr: "true ou false"))
            return nil
        }
        return value
    }

    public func object(_ key: String, required: Bool = false) -> JSONObject? {
        guard let node = node(key, required: required) else { return nil }
        return JSONObject(node, path: path.appending(key), collector: collector)
    }

    /// The elements of an array member, each with its path.
    public func array(_ key: String, required: Bool = false) -> [(node: JSONNode, path: JSONPath)]? {
        guard let node = node(key, required: required) else { return nil }
        guard case .array(let elements) = node.value else {
            typeError(key, node, expected: LocalizedText(en: "an array", fr: "un tableau"))
            return nil
        }
        let base = path.appending(key)
        return elements.enumerated().map { ($0.element, base.appending($0.offset)) }
    }

    /// An array of strings.
    public func strings(_ key: String) -> [String]? {
        elements(key, expected: LocalizedText(en: "expected a string", fr: "une chaîne était attendue")) {
            if case .string(let value) = $0 { return value }
            return nil
        }
    }

    /// An array of numbers.
    public func numbers(_ key: String) -> [Double]? {
        elements(key, expected: LocalizedText(en: "expected a number", fr: "un nombre était attendu")) {
            if case .number(let value) = $0 { return value }
            return nil
        }
    }

    /// The elements of an array that `extract` reads; each other element is reported, located.
    private func elements<Element>(
        _ key: String, expected: LocalizedText, _ extract: (JSONValue) -> Element?
    ) -> [Element]? {
        guard let elements = array(key) else { return nil }
        var result: [Element] = []
        for (node, elementPath) in elements {
            guard let value = extract(node.value) else {
                collector.error(
                    .jsonType,
                    LocalizedText(
                        en: "\(expected.en), found \(node.value.typeName)",
                        fr: "\(expected.fr), trouvé \(node.value.typeNameFR)"), path: elementPath,
                    at: node.position)
                continue
            }
            result.append(value)
        }
        return result
    }

    /// A string member that must be one of an enumeration's raw values.
    public func enumeration<Value: RawRepresentable & CaseIterable>(
        _ key: String, as type: Value.Type, required: Bool = false
    ) -> Value? where Value.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let value = Value(rawValue: text) else {
            let list = Value.allCases.map(\.rawValue).joined(separator: ", ")
            collector.error(
                .valueInvalid,
                LocalizedText(en: "\"\(key)\" cannot be \"\(text)\"", fr: "« \(key) » ne peut pas valoir « \(text) »"),
                path: path.appending(key), at: member(key)?.value.position,
                notes: [LocalizedText(en: "expected one of: " + list, fr: "valeurs possibles : " + list)])
            return nil
        }
        return value
    }
}

extension JSONObject {
    /// Opens a data file such as a taxonomy or a factor file: parses it, checks that it is an
    /// object with only `members`, and that its `schema` is `schema`, reporting each problem with
    /// `invalid` for a wrong schema.
    ///
    /// - Returns: the root object, or `nil` when the file is not a JSON object; the collector
    ///   holds the diagnostics either way.
    package static func openDocument(
        _ bytes: [UInt8], file: String, schema: String, members: [String], invalid: DiagnosticCode
    ) -> (root: JSONObject?, collector: DiagnosticCollector) {
        let collector = DiagnosticCollector(file: file)
        let node: JSONNode
        do {
            node = try JSONParser.parse(bytes)
        } catch {
            collector.append(
                .error(
                    error.kind == .tooDeep ? .jsonTooDeep : .jsonMalformed, error.text,
                    at: SourceLocation(file: file, line: error.position.line, column: error.position.column)))
            return (nil, collector)
        }
        guard let object = JSONObject(node, path: .root, collector: collector) else { return (nil, collector) }
        object.rejectUnknownMembers(allowed: members)
        if let found = object.string("schema", required: true), found != schema {
            collector.error(
                invalid,
                LocalizedText(
                    en: "schema must be \"\(schema)\", found \"\(found)\"",
                    fr: "schema doit valoir « \(schema) », trouvé « \(found) »"),
                path: JSONPath.root.appending("schema"), at: object.member("schema")?.value.position)
        }
        return (object, collector)
    }
}
