import SymbioseCore

/// The JSON profile format, `symbiose/profile@1` and `symbiose/profiles@1`
/// (`Docs/profile-format.md`).
public enum ProfileJSON {
    public static let profileSchema = "symbiose/profile@1"
    public static let collectionSchema = "symbiose/profiles@1"
}

extension ProfileJSON {
    /// Reads one profile file or a collection, reporting every structural problem with its JSON
    /// path and line.
    ///
    /// A profile with structural errors is left out of the result, so that semantic checks only
    /// see sound profiles; the diagnostics say what to fix.
    ///
    /// More values than `limits.values` stop the read with one error, and the file gives no
    /// profile. `progress` is told, from any thread, the bytes of a collection's profiles read
    /// since it was last told.
    ///
    /// `origin`, the file the bytes were read from, lets a collection's profiles give their text
    /// back and read it again from the file when a location is asked for (``CollectionText``).
    ///
    /// - Complexity: O(*n*) in the size of the file.
    public static func decode(
        _ bytes: [UInt8], file: String, threads: Int = Parallel.processors, limits: ReaderLimits = .standard,
        origin: FileOrigin? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        decode(bytes, file: file, threads: threads, limits: limits, origin: origin, progress: progress, direct: true)
    }

    /// The same; with `direct`, a collection's profiles are read straight from the text when
    /// they can be (``directProfile(_:)``), otherwise always through the tree.
    static func decode(
        _ bytes: [UInt8], file: String, threads: Int, limits: ReaderLimits, origin: FileOrigin? = nil,
        progress: (@Sendable (Int) -> Void)?, direct: Bool
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        var parsed: (root: JSONNode, parts: [[Element]])
        do {
            parsed = try parse(
                bytes, text: CollectionText(bytes, origin: origin), file: file, threads: threads,
                maximumValues: limits.values, progress: progress ?? { _ in }, direct: direct)
        } catch {
            let location = SourceLocation(file: file, line: error.position.line, column: error.position.column)
            switch error.kind {
            case .tooDeep: collector.append(.error(.jsonTooDeep, error.text, at: location))
            case .encoding: collector.append(.error(.inputEncoding, error.text, at: location))
            case .malformed: collector.append(.error(.jsonMalformed, error.text, at: location))
            case .tooManyValues: collector.append(limits.tooManyValues(at: location))
            }
            return ([], collector.diagnostics)
        }
        guard let object = JSONObject(parsed.root, path: .root, collector: collector) else {
            return ([], collector.diagnostics)
        }
        let profiles = self.profiles(in: object, root: parsed.root, parts: &parsed.parts, collector: collector)
        return (profiles, collector.diagnostics)
    }

    /// A profile of a collection, decoded as it was read, with its own diagnostics.
    private typealias Element = (profile: LoadedProfile?, diagnostics: [Diagnostic])

    /// Parses the document. A collection's profiles are decoded as the parser reads them, on
    /// several threads, each part of the collection parsed and decoded on its own with its own
    /// collectors: the whole file's tree never exists. With `direct`, a sound profile is read
    /// without a tree of its own either. The profiles share `text`, holding `bytes`, for the
    /// field locations asked of them later.
    private static func parse(
        _ bytes: [UInt8], text: CollectionText, file: String, threads: Int, maximumValues: Int,
        progress: @escaping @Sendable (Int) -> Void, direct: Bool
    ) throws(JSONParser.Failure) -> (root: JSONNode, parts: [[Element]]) {
        let profiles = JSONPath.root.appending("profiles")
        return try JSONParser.parse(
            bytes, streaming: "profiles", threads: threads, maximumValues: maximumValues, progress: progress
        ) { (parser, index, offset) throws(JSONParser.Failure) in
            let (mark, position) = (parser.mark, parser.textPosition)
            let path = profiles.appending(index)
            if direct, let profile = try? directProfile(&parser) {
                let whole = SourceLocation(
                    file: file, line: position.line, column: position.column, path: path.description)
                let deferred = DeferredJSONFields(text: text, span: offset..<parser.offset, position: position)
                return (
                    LoadedProfile(
                        profile: profile, source: ProfileSource(file: file, whole: whole, deferred: deferred)),
                    []
                )
            }
            parser.reset(to: mark)
            let node = try parser.parseValue()
            let deferred = DeferredJSONFields(text: text, span: offset..<parser.offset, position: position)
            return decodeElement(node, path: path, file: file, text: deferred)
        }
    }

    /// One profile of a collection, with its own diagnostics; its field locations are recorded
    /// from `text` when asked for.
    private static func decodeElement(
        _ node: JSONNode, path: JSONPath, file: String, text: DeferredJSONFields
    ) -> Element {
        let local = DiagnosticCollector(file: file)
        guard let element = JSONObject(node, path: path, collector: local) else { return (nil, local.diagnostics) }
        return (decodeProfile(element, node: node, collector: local, topLevel: false, text: text), local.diagnostics)
    }

    /// The profiles of a parsed document, by its schema: one profile, or a collection, whose
    /// profiles are moved out of `parts`, not copied.
    private static func profiles(
        in object: JSONObject, root: JSONNode, parts: inout [[Element]], collector: DiagnosticCollector
    ) -> [LoadedProfile] {
        var profiles: [LoadedProfile] = []
        switch object.string("schema", required: true) {
        case profileSchema?:
            if let profile = decodeProfile(object, node: root, collector: collector, topLevel: true) {
                profiles.append(profile)
            }
        case collectionSchema?:
            object.rejectUnknownMembers(allowed: ["schema", "profiles"])
            _ = object.array("profiles", required: true)
            for part in parts.indices {
                for element in parts[part].indices {
                    for diagnostic in parts[part][element].diagnostics { collector.append(diagnostic) }
                }
            }
            // Taken out of each part, not copied: a profile holds a few dozen references.
            profiles = .gathering(&parts) { element in
                let (profile, _) = element
                return profile
            }
        case let other?:
            collector.error(
                .jsonSchema, LocalizedText(en: "unknown schema \"\(other)\"", fr: "schéma inconnu « \(other) »"),
                path: JSONPath.root.appending("schema"),
                at: object.member("schema")?.value.position,
                notes: [
                    LocalizedText(
                        en: "expected \"\(profileSchema)\" or \"\(collectionSchema)\"",
                        fr: "« \(profileSchema) » ou « \(collectionSchema) » attendu")
                ])
        case nil:
            break
        }
        return profiles
    }

    /// A profile; its field locations are recorded now, or from `text` when asked for.
    private static func decodeProfile(
        _ object: JSONObject, node: JSONNode, collector: DiagnosticCollector, topLevel: Bool,
        text: DeferredJSONFields? = nil
    ) -> LoadedProfile? {
        object.rejectUnknownMembers(allowed: ["schema", "company", "site", "contact", "outputs", "inputs"])
        if !topLevel, let schema = object.string("schema"), schema != profileSchema {
            collector.error(
                .jsonSchema,
                LocalizedText(
                    en: "a profile in a collection has schema \"\(profileSchema)\" or none",
                    fr: "un profil dans une collection a le schéma « \(profileSchema) » ou aucun"),
                path: object.path.appending("schema"), at: object.member("schema")?.value.position)
        }
        let company = object.object("company", required: true).flatMap(decodeCompany)
        let site = object.object("site", required: true).map(decodeSite)
        let contact = object.object("contact").map(decodeContact)
        let outputs = decodeFlows(object, .output, collector: collector)
        let inputs = decodeFlows(object, .input, collector: collector)
        // A profile with a field of the wrong type is still read, without that field, so that
        // the checks report every other problem of the file too; its errors keep it out of
        // matching. Without a company or a site there is nothing to check.
        guard let company, let site else { return nil }
        let whole = collector.location(object.path, object.position)
        let source =
            if let text {
                ProfileSource(file: collector.file, whole: whole, deferred: text)
            } else {
                ProfileSource(
                    file: collector.file, whole: whole,
                    fields: .recording(node, file: collector.file, pathBase: whole.path))
            }
        return LoadedProfile(
            profile: Profile(company: company, site: site, contact: contact, outputs: outputs, inputs: inputs),
            source: source)
    }

    /// The flows of one direction that can be read; flows are a profile's largest part, so they
    /// are held at their count rather than at a doubling past it.
    private static func decodeFlows(
        _ object: JSONObject, _ direction: FlowDirection, collector: DiagnosticCollector
    ) -> [Flow] {
        let nodes = object.array(direction == .output ? "outputs" : "inputs") ?? []
        var flows: [Flow] = []
        flows.reserveCapacity(nodes.count)
        for (flowNode, path) in nodes {
            guard let flowObject = JSONObject(flowNode, path: path, collector: collector),
                let flow = decodeFlow(flowObject, direction: direction)
            else { continue }
            flows.append(flow)
        }
        return flows
    }

    private static func decodeCompany(_ object: JSONObject) -> Company? {
        object.rejectUnknownMembers(allowed: ["id", "name", "naf", "siret", "employees", "group"])
        let id = object.string("id", required: true)
        let name = object.string("name", required: true)
        let naf = object.string("naf")
        let siret = object.string("siret")
        let employees = object.integer("employees")
        guard let id, let name else { return nil }
        return Company(
            id: CompanyID(id), name: name, naf: naf, siret: siret, employees: employees, group: object.string("group"))
    }

    private static func decodeSite(_ object: JSONObject) -> Site {
        object.rejectUnknownMembers(allowed: ["lat", "lon", "approximate", "commune", "postcode", "zone", "address"])
        return Site(
            latitude: object.number("lat"), longitude: object.number("lon"),
            approximate: object.bool("approximate") ?? false, commune: object.string("commune"),
            postcode: object.string("postcode"), zone: object.string("zone"), address: object.string("address"))
    }

    private static func decodeContact(_ object: JSONObject) -> Contact {
        object.rejectUnknownMembers(allowed: ["name", "email", "phone"])
        return Contact(name: object.string("name"), email: object.string("email"), phone: object.string("phone"))
    }

    /// The members of a flow.
    static let flowMembers = names(FlowMember.self)
}
