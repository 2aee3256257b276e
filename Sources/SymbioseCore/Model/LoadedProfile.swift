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
/// format: `company.naf`, `outputs[0].quantity.unit`, `inputs[2].months`.
public struct ProfileSource: Sendable {
    public var file: String
    /// The location of the profile as a whole.
    public var whole: SourceLocation
    public var fields: FieldLocations

    public init(file: String, whole: SourceLocation, fields: FieldLocations) {
        self.file = file
        self.whole = whole
        self.fields = fields
    }

    public init(file: String, whole: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.init(file: file, whole: whole, fields: FieldLocations(file: file, fields))
    }

    /// The location of `key`, or of its nearest recorded parent field, or of the whole profile.
    public func locate(_ key: String) -> SourceLocation {
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
