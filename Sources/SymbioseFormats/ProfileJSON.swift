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
    /// - Complexity: O(*n*) in the size of the file.
    public static func decode(
        _ bytes: [UInt8], file: String, threads: Int = Parallel.processors
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        let collector = DiagnosticCollector(file: file)
        // A collection's profiles are decoded as the parser reads them, a batch at a time on
        // several threads, each with its own collector: the whole file's tree never exists.
        var pending: [JSONNode] = []
        var read = 0
        var elements: [(profile: LoadedProfile?, diagnostics: [Diagnostic])] = []
        func decodePending() {
            let batch = pending
            let first = read - batch.count
            elements += Parallel.map(batch.count, threads: threads) { range in
                range.map { offset in
                    let local = DiagnosticCollector(file: file)
                    let path = JSONPath.root.appending("profiles").appending(first + offset)
                    guard let element = JSONObject(batch[offset], path: path, collector: local) else {
                        return (nil, local.diagnostics)
                    }
                    return (
                        decodeProfile(element, node: batch[offset], collector: local, topLevel: false),
                        local.diagnostics
                    )
                }
            }
            pending.removeAll(keepingCapacity: true)
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes, streaming: "profiles") { node in
                pending.append(node)
                read += 1
                if pending.count >= 1_024 { decodePending() }
            }
            decodePending()
        } catch {
            let code: DiagnosticCode =
                switch error.kind {
                case .tooDeep: .jsonTooDeep
                case .encoding: .inputEncoding
                case .malformed: .jsonMalformed
                }
            collector.append(
                .error(
                    code, error.text,
                    at: SourceLocation(file: file, line: error.position.line, column: error.position.column)))
            return ([], collector.diagnostics)
        }
        guard let object = JSONObject(root, path: .root, collector: collector) else {
            return ([], collector.diagnostics)
        }
        var profiles: [LoadedProfile] = []
        switch object.string("schema", required: true) {
        case profileSchema?:
            if let profile = decodeProfile(object, node: root, collector: collector, topLevel: true) {
                profiles.append(profile)
            }
        case collectionSchema?:
            object.rejectUnknownMembers(allowed: ["schema", "profiles"])
            _ = object.array("profiles", required: true)
            for (profile, diagnostics) in elements {
                if let profile { profiles.append(profile) }
                for diagnostic in diagnostics { collector.append(diagnostic) }
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
        return (profiles, collector.diagnostics)
    }

    private static func decodeProfile(
        _ object: JSONObject, node: JSONNode, collector: DiagnosticCollector, topLevel: Bool
    ) -> LoadedProfile? {
        let errorsBefore = collector.diagnostics.filter { $0.severity == .error }.count
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
        var outputs: [Flow] = []
        var inputs: [Flow] = []
        for direction in [FlowDirection.output, .input] {
            let key = direction == .output ? "outputs" : "inputs"
            for (flowNode, path) in object.array(key) ?? [] {
                guard let flowObject = JSONObject(flowNode, path: path, collector: collector),
                    let flow = decodeFlow(flowObject, direction: direction)
                else { continue }
                if direction == .output { outputs.append(flow) } else { inputs.append(flow) }
            }
        }
        let errorsAfter = collector.diagnostics.filter { $0.severity == .error }.count
        guard let company, let site, errorsAfter == errorsBefore else { return nil }
        var fields: [String: SourceLocation] = [:]
        record(node, relative: "", absolute: object.path.description, file: collector.file, into: &fields)
        let whole = collector.location(object.path, object.position)
        return LoadedProfile(
            profile: Profile(company: company, site: site, contact: contact, outputs: outputs, inputs: inputs),
            source: ProfileSource(file: collector.file, whole: whole, fields: fields))
    }

    /// Records the position of every value under `node`, keyed by its path relative to the profile.
    ///
    /// Paths are built as strings while descending (no intermediate path values), since this runs
    /// for every value of every file.
    private static func record(
        _ node: JSONNode, relative: String, absolute: String, file: String, into fields: inout [String: SourceLocation]
    ) {
        if !relative.isEmpty {
            fields[relative] = SourceLocation(
                file: file, line: node.position.line, column: node.position.column, path: absolute)
        }
        switch node.value {
        case .object(let members):
            for member in members {
                let simple =
                    !member.key.isEmpty
                    && member.key.utf8.allSatisfy { byte in
                        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A)
                            || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
                    }
                let step = simple ? "." + member.key : JSONPath([.key(member.key)]).description.dropFirst()
                record(
                    member.value, relative: relative.isEmpty ? member.key : relative + "." + member.key,
                    absolute: absolute + step, file: file, into: &fields)
            }
        case .array(let elements):
            for (offset, element) in elements.enumerated() {
                let index = "[\(offset)]"
                record(element, relative: relative + index, absolute: absolute + index, file: file, into: &fields)
            }
        default:
            break
        }
    }

    private static func decodeCompany(_ object: JSONObject) -> Company? {
        object.rejectUnknownMembers(allowed: ["id", "name", "naf", "siret", "employees"])
        let id = object.string("id", required: true)
        let name = object.string("name", required: true)
        let naf = object.string("naf")
        let siret = object.string("siret")
        let employees = object.integer("employees")
        guard let id, let name else { return nil }
        return Company(id: CompanyID(id), name: name, naf: naf, siret: siret, employees: employees)
    }

    private static func decodeSite(_ object: JSONObject) -> Site {
        object.rejectUnknownMembers(allowed: ["lat", "lon", "approximate", "commune", "postcode", "zone"])
        return Site(
            latitude: object.number("lat"), longitude: object.number("lon"),
            approximate: object.bool("approximate") ?? false, commune: object.string("commune"),
            postcode: object.string("postcode"), zone: object.string("zone"))
    }

    private static func decodeContact(_ object: JSONObject) -> Contact {
        object.rejectUnknownMembers(allowed: ["name", "email", "phone"])
        return Contact(name: object.string("name"), email: object.string("email"), phone: object.string("phone"))
    }

    static let flowMembers = [
        "id", "resource", "quantity", "temperature", "medium", "grade", "purity", "state", "hazardous", "ewc",
        "contaminants", "months", "oneOff", "price", "disposalCost", "maxDistanceKm", "status", "confidence",
        "confidential", "note",
    ]

    private static func decodeFlow(_ object: JSONObject, direction: FlowDirection) -> Flow? {
        let collector = object.collector
        object.rejectUnknownMembers(allowed: flowMembers)
        let id = object.string("id", required: true)
        let resource = object.string("resource", required: true)
        let quantity = object.object("quantity").flatMap(decodeQuantity)
        let quality = FlowQuality(
            temperature: object.number("temperature"), medium: object.enumeration("medium", as: HeatMedium.self),
            waterGrade: object.enumeration("grade", as: WaterGrade.self), purity: object.number("purity"),
            state: object.enumeration("state", as: PhysicalState.self), hazardous: object.bool("hazardous"),
            ewc: object.string("ewc"), contaminants: object.strings("contaminants") ?? [])
        var availability = Availability.continuous
        if let months = object.array("months") {
            var values: [Int] = []
            for (node, path) in months {
                guard case .number(let value) = node.value, value == value.rounded(), abs(value) < 1e6 else {
                    collector.error(
                        .jsonType,
                        LocalizedText(
                            en: "a month is a whole number from 1 to 12, found \(node.value.typeName)",
                            fr: "un mois est un nombre entier de 1 à 12, trouvé \(node.value.typeNameFR)"), path: path,
                        at: node.position)
                    continue
                }
                values.append(Int(value))
            }
            availability = .seasonal(months: values)
        }
        if let text = object.string("oneOff") {
            if object.member("months") != nil {
                collector.error(
                    .valueInvalid,
                    LocalizedText(
                        en: "a flow is either seasonal (months) or one-off (oneOff), not both",
                        fr: "un flux est soit saisonnier (months), soit ponctuel (oneOff), pas les deux"),
                    path: object.path.appending("oneOff"), at: object.member("oneOff")?.value.position)
            }
            if let (year, month) = ProfileText.yearMonth(text) {
                availability = .oneOff(year: year, month: month)
            } else {
                collector.error(
                    .valueInvalid,
                    LocalizedText(
                        en: "oneOff must be a year and month, as \"2027-03\", found \"\(text)\"",
                        fr: "oneOff doit être une année et un mois, comme « 2027-03 », trouvé « \(text) »"),
                    path: object.path.appending("oneOff"), at: object.member("oneOff")?.value.position)
            }
        }
        let price = object.object("price").flatMap(decodeCost)
        let disposalCost = object.object("disposalCost").flatMap(decodeCost)
        let maxDistance = object.number("maxDistanceKm")
        let status = object.enumeration("status", as: OutputStatus.self)
        let confidence = object.enumeration("confidence", as: DataConfidence.self) ?? .declared
        let confidential = object.bool("confidential") ?? false
        let note = object.string("note")
        guard let id, let resource else { return nil }
        return Flow(
            id: FlowID(id), direction: direction, resource: ResourceCode(resource), quantity: quantity,
            quality: quality,
            availability: availability, price: price, disposalCost: disposalCost, maxDistanceKm: maxDistance,
            status: status, confidence: confidence, confidential: confidential, note: note)
    }

    private static func decodeUnit(_ object: JSONObject, key: String) -> QuantityUnit? {
        guard let symbol = object.string(key, required: true) else { return nil }
        guard let unit = QuantityUnit(rawValue: symbol) else {
            object.collector.error(
                .quantityUnknownUnit,
                LocalizedText(en: "unknown unit \"\(symbol)\"", fr: "unité inconnue « \(symbol) »"),
                path: object.path.appending(key),
                at: object.member(key)?.value.position, notes: QuantityUnit.unknownUnitNotes(symbol))
            return nil
        }
        return unit
    }

    private static func decodeQuantity(_ object: JSONObject) -> Quantity? {
        object.rejectUnknownMembers(allowed: ["value", "unit", "per", "hours"])
        let value = object.number("value", required: true)
        let unit = decodeUnit(object, key: "unit")
        let period = object.enumeration("per", as: Period.self)
        let hours = object.number("hours")
        guard let value, let unit else { return nil }
        return Quantity(value: value, unit: unit, per: unit.isPower ? period : (period ?? .year), hours: hours)
    }

    private static func decodeCost(_ object: JSONObject) -> Cost? {
        object.rejectUnknownMembers(allowed: ["value", "currency", "unit"])
        let value = object.number("value", required: true)
        let currency = object.string("currency") ?? "EUR"
        let unit = decodeUnit(object, key: "unit")
        guard let value, let unit else { return nil }
        return Cost(value: value, currency: currency, per: unit)
    }
}
