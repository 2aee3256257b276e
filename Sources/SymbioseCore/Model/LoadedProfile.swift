/// A profile together with where it came from, so that later stages can point at the exact
/// line of a problem.
public struct LoadedProfile: Sendable {
    public var profile: Profile
    public var source: ProfileSource

    public init(profile: Profile, source: ProfileSource) {
        self.profile = profile
        self.source = source
    }
}

/// Where a profile and each of its fields stand in their file.
///
/// Fields are keyed by their path relative to the profile, in JSON-path form whatever the file's
/// format: `company.naf`, `outputs[0].quantity.unit`, `inputs[2].months`. A profile of a JSON
/// collection records them only when asked for (``DeferredJSONFields``).
public struct ProfileSource: Sendable {
    public var file: String
    /// The location of the profile as a whole.
    public var whole: SourceLocation
    private var stored: StoredFields

    private enum StoredFields: Sendable {
        case recorded(FieldLocations)
        case deferred(DeferredJSONFields)
    }

    public init(file: String, whole: SourceLocation, fields: FieldLocations) {
        self.file = file
        self.whole = whole
        self.stored = .recorded(fields)
    }

    public init(file: String, whole: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.init(file: file, whole: whole, fields: FieldLocations(file: file, fields))
    }

    /// A profile of a JSON collection, whose fields' paths are its own (`whole.path`) followed
    /// by their keys.
    public init(file: String, whole: SourceLocation, deferred: DeferredJSONFields) {
        self.file = file
        self.whole = whole
        self.stored = .deferred(deferred)
    }

    /// The fields' locations; a deferred profile's are recorded at each call.
    public var fields: FieldLocations {
        get {
            switch stored {
            case .recorded(let fields): fields
            case .deferred(let deferred): deferred.recorded(file: file, pathBase: whole.path)
            }
        }
        set { stored = .recorded(newValue) }
    }

    /// The text of the JSON collection the profile was read from, when its fields' locations are
    /// read again from it.
    public var text: CollectionText? {
        if case .deferred(let deferred) = stored { return deferred.text }
        return nil
    }

    /// Whether every field's path is the profile's own followed by its key, so that the path of
    /// a location tells the profile it lies in.
    public var fieldPathsExtendWhole: Bool {
        if case .deferred = stored { return whole.path != nil }
        return false
    }

    /// The location of `key`, or of its nearest recorded parent field, or of the whole profile.
    public func locate(_ key: String) -> SourceLocation {
        let fields = self.fields
        var current = Substring(key)
        while !current.isEmpty {
            if let location = fields[current] { return location }
            guard let cut = current.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            current = current[..<cut]
        }
        return whole
    }

    /// The key of a flow: `outputs[3]` or `inputs[0]`.
    public static func flowKey(_ direction: FlowDirection, _ index: Int) -> String {
        (direction == .output ? "outputs" : "inputs") + "[\(index)]"
    }
}
