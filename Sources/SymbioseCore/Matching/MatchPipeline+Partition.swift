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
    /// - Complexity: O(*p* · *e*) for *p* profiles and *e* errors, plus their fields.
    public static func partition(
        _ profiles: [LoadedProfile], validation: [Diagnostic]
    ) -> (usable: [LoadedProfile], excluded: [ExcludedProfile]) {
        var profilesPerFile: [String: Int] = [:]
        for loaded in profiles { profilesPerFile[loaded.source.file, default: 0] += 1 }
        let errors = validation.filter { $0.severity == .error }
        var usable: [LoadedProfile] = []
        var excluded: [ExcludedProfile] = []
        for loaded in profiles {
            let alone = profilesPerFile[loaded.source.file] == 1
            let reasons = errors.filter { diagnostic in
                guard let location = diagnostic.location, location.file == loaded.source.file else { return false }
                return alone || Self.path(location.path, isWithin: loaded.source.whole.path)
                    || loaded.records(location)
            }
            guard !reasons.isEmpty else {
                usable.append(loaded)
                continue
            }
            let keys = reasons.map { loaded.flowKey(containing: $0.location) }
            guard keys.allSatisfy({ $0 != nil }) else {
                excluded.append(ExcludedProfile(profile: loaded, reasons: reasons))
                continue
            }
            let bad = Set(keys.compactMap { $0 })
            usable.append(loaded.without(flowKeys: bad))
            excluded.append(
                ExcludedProfile(profile: loaded, reasons: reasons, flowKeys: Self.ordered(bad, in: loaded.profile)))
        }
        return (usable, excluded)
    }

    /// Flow keys in the profile's order: outputs, then inputs.
    static func ordered(_ keys: Set<String>, in profile: Profile) -> [String] {
        (profile.outputs.indices.map { ProfileSource.flowKey(.output, $0) }
            + profile.inputs.indices.map { ProfileSource.flowKey(.input, $0) }).filter(keys.contains)
    }
}

extension LoadedProfile {
    /// The flow (`outputs[2]`, `inputs[0]`) a location lies in: one of the flow's recorded
    /// fields (a field outside flows, such as the company's name, says no flow), a path under
    /// the flow's own, or a cell on the flow's spreadsheet row.
    func flowKey(containing location: SourceLocation?) -> String? {
        guard let location else { return nil }
        let fields = source.fields.sorted { $0.key < $1.key }
        if let exact = fields.first(where: { $0.value == location }) { return Self.flowPart(of: exact.key) }
        for direction in [FlowDirection.output, .input] {
            let count = direction == .output ? profile.outputs.count : profile.inputs.count
            for index in 0..<count {
                let key = ProfileSource.flowKey(direction, index)
                let flowPath = source.fields[key]?.path
                if let flowPath, flowPath != source.whole.path, MatchPipeline.path(location.path, isWithin: flowPath) {
                    return key
                }
            }
        }
        return fields.lazy.filter { Self.same($0.value, location) }.compactMap { Self.flowPart(of: $0.key) }.first
    }

    /// Whether `location` is where one of this profile's fields was read: its whole, a field,
    /// or (in a spreadsheet) a cell of one of its rows.
    func records(_ location: SourceLocation) -> Bool {
        source.whole == location || source.fields.values.contains { Self.same($0, location) }
    }

    /// The same place: equal, or in a spreadsheet the same row of the same file.
    static func same(_ recorded: SourceLocation, _ location: SourceLocation) -> Bool {
        if recorded == location { return true }
        return recorded.cell != nil && location.cell != nil && recorded.file == location.file
            && recorded.line != nil && recorded.line == location.line
    }

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
        var fields: [String: SourceLocation] = [:]
        for (key, location) in source.fields {
            guard let flow = Self.flowPart(of: key) else {
                fields[key] = location
                continue
            }
            if let new = renamed[flow] { fields[new + key.dropFirst(flow.count)] = location }
        }
        copy.source.fields = fields
        return copy
    }
}
