extension FieldLocations {
    /// The location of every value under `node`, a JSON profile, keyed by its path relative to
    /// the profile; `pathBase` is the profile's JSON path.
    ///
    /// The JSON path of a value is the profile's followed by the key, so it is not stored,
    /// except under a member whose name a JSON path escapes (from there down).
    public static func recording(_ node: JSONNode, file: String, pathBase: String?) -> FieldLocations {
        var fields = FieldLocations(file: file, pathBase: pathBase)
        var key: [UInt8] = []
        // Left unsorted: a JSON profile has no key twice, and its locations are looked up only
        // for its diagnostics; sorting each cost more.
        fields.record(node, key: &key, escapedPath: nil)
        fields.trim()
        return fields
    }

    /// Records `node` and every value under it at `key`, extended while descending and restored
    /// on the way back.
    private mutating func record(_ node: JSONNode, key: inout [UInt8], escapedPath: String?) {
        if !key.isEmpty {
            if let escapedPath {
                append(
                    key,
                    SourceLocation(
                        file: file, line: node.position.line, column: node.position.column, path: escapedPath))
            } else {
                append(derived: key, line: node.position.line, column: node.position.column)
            }
        }
        let length = key.count
        switch node.value {
        case .object(let members):
            for member in members {
                var path = escapedPath
                let simple = Self.isSimple(member.key)
                if !simple || path != nil, let here = path ?? self.path(derivedFrom: key) {
                    path = here + (simple ? "." + member.key : JSONPath([.key(member.key)]).description.dropFirst())
                }
                if !key.isEmpty { key.append(0x2E) }
                key.append(contentsOf: member.key.utf8)
                record(member.value, key: &key, escapedPath: path)
                key.removeSubrange(length...)
            }
        case .array(let elements):
            for (offset, element) in elements.enumerated() {
                key.append(contentsOf: "[\(offset)]".utf8)
                record(element, key: &key, escapedPath: escapedPath.map { $0 + "[\(offset)]" })
                key.removeSubrange(length...)
            }
        default:
            break
        }
    }

    /// Whether a JSON path writes the member name `key` after a dot, unescaped.
    private static func isSimple(_ key: String) -> Bool {
        !key.isEmpty
            && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x5F
            }
    }
}

/// A profile of a JSON collection as it stands in its file, whose field locations are recorded
/// only when asked for, by reading its text again.
///
/// Recording every value's location as a collection was read took an eighth of the time of
/// reading and checking it, for the few profiles a diagnostic points into. The file's text is
/// kept instead, shared by its profiles (``CollectionText``), or read again from the file.
public struct DeferredJSONFields: Sendable {
    /// The whole file's text.
    let text: CollectionText
    /// Where the profile starts and ends in the text, and the line and column it starts at.
    let span: Range<Int>
    let position: TextPosition

    public init(text: CollectionText, span: Range<Int>, position: TextPosition) {
        self.text = text
        self.span = span
        self.position = position
    }

    /// The profile's field locations, as ``FieldLocations/recording(_:file:pathBase:)`` records
    /// them from the profile's node; none when the text is not there any more.
    func recorded(file: String, pathBase: String?) -> FieldLocations {
        let node = text.withSpan(span) { bytes, offset in
            JSONParser.streamedElement(in: bytes, at: offset, position: position)
        }
        guard let node else { return FieldLocations(file: file, pathBase: pathBase) }
        return .recording(node, file: file, pathBase: pathBase)
    }
}
