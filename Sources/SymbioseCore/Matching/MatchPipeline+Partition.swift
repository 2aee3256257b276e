/// What matching leaves out of a profile because of its errors: the whole profile, when an
/// error lies outside its flows (its company, its site), or only the flows holding errors.
public struct ExcludedProfile: Sendable {
    /// The profile as read.
    public var profile: LoadedProfile
    /// The validation errors located in the profile.
    public var reasons: [Diagnostic]
    /// The keys of the flows left out (`outputs[2]`), in the profile as read; empty when the
    /// whole profile is.
    public var flowKeys: [String]

    public init(profile: LoadedProfile, reasons: [Diagnostic], flowKeys: [String] = []) {
        self.profile = profile
        self.reasons = reasons
        self.flowKeys = flowKeys
    }

    /// Whether the whole profile is left out.
    public var isWhole: Bool { flowKeys.isEmpty }

    /// The flows left out.
    public var flows: [Flow] {
        let all =
            profile.profile.outputs.enumerated().map { (ProfileSource.flowKey(.output, $0), $1) }
            + profile.profile.inputs.enumerated().map { (ProfileSource.flowKey(.input, $0), $1) }
        return all.filter { flowKeys.contains($0.0) }.map(\.1)
    }

    /// The warnings saying what is left out: one for a whole profile, one per flow otherwise.
    public var diagnostics: [Diagnostic] {
        let company = profile.profile.company.id
        guard !isWhole else {
            return [
                .warning(
                    .matchExcludedProfile,
                    LocalizedText(
                        en: "\(company) is left out of matching: its profile has errors",
                        fr: "\(company) est écarté de l'appariement : son profil contient des erreurs"),
                    at: profile.source.whole)
            ]
        }
        return zip(flowKeys, flows).map { key, flow in
            .warning(
                .matchExcludedFlow,
                LocalizedText(
                    en:
                        "flow \(flow.id) of \(company) is left out of matching: it has errors; the firm's other flows are matched",
                    fr:
                        "le flux \(flow.id) de \(company) est écarté de l'appariement : il contient des erreurs ; les autres flux de l'entreprise sont appariés"
                ),
                at: profile.source.locate(key))
        }
    }
}

extension MatchPipeline {
    /// Splits profiles into what matching can use and what it leaves out, in input order.
    ///
    /// An error belongs to a profile when it lies in its file and, where the file holds several
    /// profiles, under the profile's path or at one of its fields (a spreadsheet's rows); it
    /// belongs to a flow when it is located at one of the flow's fields, on the flow's row, or
    /// under the flow's path. A profile whose errors all lie in flows is matched
    /// without those flows; one with an error elsewhere is left out whole.
    /// - Complexity: O(*f* + *e* · *d*) for *f* fields read, *e* errors and paths *d* deep.
    public static func partition(
        _ profiles: [LoadedProfile], validation: [Diagnostic]
    ) -> (usable: [LoadedProfile], excluded: [ExcludedProfile]) {
        let errors = validation.filter { $0.severity == .error }
        // Without an error every profile is usable as it is: the list is handed on, not rebuilt.
        guard !errors.isEmpty else { return (profiles, []) }
        var reasons = [[Diagnostic]](repeating: [], count: profiles.count)
        let owners = ProfileOwners(profiles)
        for error in errors {
            if let owner = error.location.flatMap(owners.owner) { reasons[owner].append(error) }
        }
        var usable: [LoadedProfile] = []
        var excluded: [ExcludedProfile] = []
        for (position, loaded) in profiles.enumerated() {
            guard !reasons[position].isEmpty else {
                usable.append(loaded)
                continue
            }
            let locator = FlowLocator(loaded)
            let keys = reasons[position].map { $0.location.flatMap(locator.flowKey) }
            guard keys.allSatisfy({ $0 != nil }) else {
                excluded.append(ExcludedProfile(profile: loaded, reasons: reasons[position]))
                continue
            }
            let bad = Set(keys.compactMap { $0 })
            usable.append(loaded.without(flowKeys: bad))
            excluded.append(
                ExcludedProfile(
                    profile: loaded, reasons: reasons[position], flowKeys: Self.ordered(bad, in: loaded.profile)))
        }
        return (usable, excluded)
    }

    /// Flow keys in the profile's order: outputs, then inputs.
    static func ordered(_ keys: Set<String>, in profile: Profile) -> [String] {
        (profile.outputs.indices.map { ProfileSource.flowKey(.output, $0) }
            + profile.inputs.indices.map { ProfileSource.flowKey(.input, $0) }).filter(keys.contains)
    }
}

/// A file and line, for a spreadsheet's rows.
private struct Row: Hashable {
    var file: String
    var line: Int
}

/// Which profile a located error belongs to, looked up rather than searched: the only profile of
/// its file, the profile whose path is a prefix of its path, or the profile that recorded its
/// location or (in a spreadsheet) its row.
private struct ProfileOwners {
    var onlyOfFile: [String: Int] = [:]
    var byPath: [String: [String: Int]] = [:]
    var byLocation: [SourceLocation: Int] = [:]
    var byRow: [Row: Int] = [:]

    init(_ profiles: [LoadedProfile]) {
        var perFile: [String: [Int]] = [:]
        for (position, loaded) in profiles.enumerated() { perFile[loaded.source.file, default: []].append(position) }
        for (file, positions) in perFile {
            if positions.count == 1 {
                onlyOfFile[file] = positions[0]
                continue
            }
            for position in positions {
                let source = profiles[position].source
                if let path = source.whole.path { byPath[file, default: [:]][path] = position }
                // Each field's path then leads to the profile by `byPath`: its text is not read
                // again for locations that would never be looked up.
                if source.fieldPathsExtendWhole { continue }
                for location in [source.whole] + source.fields.all.map(\.location) {
                    if byLocation[location] == nil { byLocation[location] = position }
                    if location.cell != nil, let line = location.line, byRow[Row(file: file, line: line)] == nil {
                        byRow[Row(file: file, line: line)] = position
                    }
                }
            }
        }
    }

    func owner(of location: SourceLocation) -> Int? {
        if let only = onlyOfFile[location.file] { return only }
        if let paths = byPath[location.file], let path = location.path {
            for prefix in PathPrefixes(path) { if let owner = paths[prefix] { return owner } }
        }
        if let owner = byLocation[location] { return owner }
        guard location.cell != nil, let line = location.line else { return nil }
        return byRow[Row(file: location.file, line: line)]
    }
}

/// The prefixes of a path at its segment boundaries, longest first: `$.profiles[2].outputs[0]`,
/// `$.profiles[2].outputs`, `$.profiles[2]`, `$.profiles`, `$`.
private struct PathPrefixes: Sequence, IteratorProtocol {
    var rest: Substring?

    init(_ path: String) { rest = Substring(path) }

    mutating func next() -> String? {
        guard let current = rest else { return nil }
        if let cut = current.lastIndex(where: { $0 == "." || $0 == "[" || $0 == "/" }), cut > current.startIndex {
            rest = current[..<cut]
        } else {
            rest = nil
        }
        return String(current)
    }
}

/// Which flow of a profile a location lies in, from indexes built once: one of the flow's
/// recorded fields (a field outside flows, such as the company's name, says no flow), a path
/// under the flow's own, or a cell on the flow's spreadsheet row.
private struct FlowLocator {
    var byLocation: [SourceLocation: String?] = [:]
    var byPath: [String: String] = [:]
    var byRow: [Row: String] = [:]

    init(_ loaded: LoadedProfile) {
        let source = loaded.source
        for (key, location) in source.fields.all.sorted(by: { $0.key < $1.key }) {
            let flow = LoadedProfile.flowPart(of: key)
            if byLocation[location] == nil { byLocation[location] = .some(flow) }
            if let flow, location.cell != nil, let line = location.line,
                byRow[Row(file: location.file, line: line)] == nil
            {
                byRow[Row(file: location.file, line: line)] = flow
            }
            if let flow, key == flow, let path = location.path, path != source.whole.path { byPath[path] = flow }
        }
    }

    func flowKey(_ location: SourceLocation) -> String? {
        if let exact = byLocation[location] { return exact }
        if let path = location.path {
            for prefix in PathPrefixes(path) { if let flow = byPath[prefix] { return flow } }
        }
        guard location.cell != nil, let line = location.line else { return nil }
        return byRow[Row(file: location.file, line: line)]
    }
}

extension LoadedProfile {
    /// `outputs[2]` from `outputs[2].quantity.unit`; nil outside flows.
    static func flowPart(of key: String) -> String? {
        guard key.hasPrefix("outputs[") || key.hasPrefix("inputs["), let end = key.firstIndex(of: "]") else {
            return nil
        }
        return String(key[...end])
    }

    /// This profile without the flows of `flowKeys`, its recorded fields renumbered.
    func without(flowKeys: Set<String>) -> LoadedProfile {
        var copy = self
        var renamed: [String: String] = [:]
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? profile.outputs : profile.inputs
            var kept: [Flow] = []
            for (index, flow) in flows.enumerated() {
                let key = ProfileSource.flowKey(direction, index)
                guard !flowKeys.contains(key) else { continue }
                renamed[key] = ProfileSource.flowKey(direction, kept.count)
                kept.append(flow)
            }
            if direction == .output { copy.profile.outputs = kept } else { copy.profile.inputs = kept }
        }
        copy.source.fields = source.fields.rekeyed { key in
            guard let flow = Self.flowPart(of: key) else { return key }
            return renamed[flow].map { $0 + key.dropFirst(flow.count) }
        }
        return copy
    }
}
