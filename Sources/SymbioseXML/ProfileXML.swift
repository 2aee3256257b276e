import CLibXML2
import SymbioseCore

/// The XML profile format, namespace `urn:symbiose:profile:1` (`Docs/profile-format.md`).
public enum ProfileXML {
    public static let namespace = ProfileSchema.namespace

    /// Reads one profile file or a collection: parses it securely, validates it against the
    /// embedded XSD, then builds the profiles with the line of every field.
    ///
    /// A file with schema errors yields no profiles: its structural errors are reported first,
    /// and semantic checks run once they are fixed.
    ///
    /// A document of more elements than `limits.values` is refused before it is parsed.
    ///
    /// - Complexity: O(*n*) in the size of the file.
    public static func decode(
        _ bytes: [UInt8], file: String, limits: ReaderLimits = .standard
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        let (parsed, parseDiagnostics) = SecureXMLParser.parse(bytes, file: file, limits: limits)
        guard let document = parsed else { return ([], parseDiagnostics) }
        defer { xmlFreeDoc(document) }
        guard let rootNode = xmlDocGetRootElement(document) else {
            return (
                [],
                [
                    .error(
                        .inputEmpty,
                        LocalizedText(
                            en: "the document has no root element", fr: "le document n'a pas d'élément racine"),
                        at: SourceLocation(file: file))
                ]
            )
        }
        let root = XMLElementView(node: rootNode, path: "/" + String(cString: rootNode.pointee.name))
        guard root.namespace == namespace, root.name == "profile" || root.name == "profiles" else {
            return (
                [],
                [
                    .error(
                        .xmlNamespace,
                        LocalizedText(
                            en:
                                "the root element is <\(root.name)> in namespace \(root.namespace.map { "\"\($0)\"" } ?? "none")",
                            fr:
                                "l'élément racine est <\(root.name)> dans l'espace de noms \(root.namespace.map { "« \($0) »" } ?? "vide")"
                        ),
                        at: SourceLocation(file: file, line: root.line, path: root.path),
                        notes: [
                            LocalizedText(
                                en: "expected <profile> or <profiles> with xmlns=\"\(namespace)\"",
                                fr: "<profile> ou <profiles> attendu, avec xmlns=\"\(namespace)\"")
                        ])
                ]
            )
        }
        let schemaDiagnostics = ProfileSchema.shared.validate(document, file: file)
        guard schemaDiagnostics.isEmpty else { return ([], schemaDiagnostics) }
        let elements = root.name == "profile" ? [root] : root.children.filter { $0.name == "profile" }
        return (elements.map { decodeProfile($0, file: file) }, [])
    }

    /// Builds one profile from a schema-valid element.
    private static func decodeProfile(_ element: XMLElementView, file: String) -> LoadedProfile {
        var recorder = LocationRecorder(file: file)
        recorder.record("", element)
        var company = Company(id: "", name: "")
        var site = Site()
        var contact: Contact?
        var outputs: [Flow] = []
        var inputs: [Flow] = []
        for child in element.children {
            switch child.name {
            case "company":
                recorder.record("company", child, attributes: true)
                company = Company(
                    id: CompanyID(child.attribute("id") ?? ""), name: child.attribute("name") ?? "",
                    naf: child.attribute("naf"),
                    siret: child.attribute("siret"), employees: child.attribute("employees").flatMap { Int($0) },
                    group: child.attribute("group"))
            case "site":
                recorder.record("site", child, attributes: true)
                site = Site(
                    latitude: child.attribute("lat").flatMap(double), longitude: child.attribute("lon").flatMap(double),
                    approximate: child.attribute("approximate").flatMap(bool) ?? false,
                    commune: child.attribute("commune"), postcode: child.attribute("postcode"),
                    zone: child.attribute("zone"), address: child.attribute("address"))
            case "contact":
                recorder.record("contact", child, attributes: true)
                contact = Contact(
                    name: child.attribute("name"), email: child.attribute("email"), phone: child.attribute("phone"))
            case "output":
                let key = ProfileSource.flowKey(.output, outputs.count)
                outputs.append(decodeFlow(child, direction: .output, key: key, recorder: &recorder))
            case "input":
                let key = ProfileSource.flowKey(.input, inputs.count)
                inputs.append(decodeFlow(child, direction: .input, key: key, recorder: &recorder))
            default:
                break
            }
        }
        let whole = SourceLocation(file: file, line: element.line, path: element.path)
        recorder.fields.finish()
        return LoadedProfile(
            profile: Profile(company: company, site: site, contact: contact, outputs: outputs, inputs: inputs),
            source: ProfileSource(file: file, whole: whole, fields: recorder.fields))
    }

    private static func decodeFlow(
        _ element: XMLElementView, direction: FlowDirection, key: String, recorder: inout LocationRecorder
    ) -> Flow {
        recorder.record(key, element, attributes: true)
        var flow = Flow(
            id: FlowID(element.attribute("id") ?? ""), direction: direction,
            resource: ResourceCode(element.attribute("resource") ?? ""))
        flow.resourceText = element.attribute("resourceText")
        flow.quality = FlowQuality(
            temperature: element.attribute("temperature").flatMap(double),
            medium: element.attribute("medium").flatMap(HeatMedium.init(rawValue:)),
            waterGrade: element.attribute("grade").flatMap(WaterGrade.init(rawValue:)),
            purity: element.attribute("purity").flatMap(double),
            state: element.attribute("state").flatMap(PhysicalState.init(rawValue:)),
            hazardous: element.attribute("hazardous").flatMap(bool), ewc: element.attribute("ewc"),
            methane: element.attribute("methane").flatMap(double))
        flow.maxDistanceKm = element.attribute("maxDistanceKm").flatMap(double)
        flow.status = element.attribute("status").flatMap(OutputStatus.init(rawValue:))
        flow.outlet = element.attribute("outlet").flatMap(ReleaseOutlet.init(rawValue:))
        flow.confidence = element.attribute("confidence").flatMap(DataConfidence.init(rawValue:)) ?? .declared
        flow.confidential = element.attribute("confidential").flatMap(bool) ?? false
        flow.existingPartner = element.attribute("existingPartner").map { CompanyID($0) }
        flow.planned = element.attribute("planned").flatMap(bool) ?? false
        for child in element.children { decodeFlowChild(child, into: &flow, key: key, recorder: &recorder) }
        return flow
    }

    /// One child element of a flow: quantity, months, shape, one-off date, costs, contaminants, note.
    private static func decodeFlowChild(
        _ child: XMLElementView, into flow: inout Flow, key: String, recorder: inout LocationRecorder
    ) {
        func list(_ text: String) -> [Substring] {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" })
        }
        switch child.name {
        case "quantity":
            recorder.record(key + ".quantity", child, attributes: true)
            if let value = child.attribute("value").flatMap(double),
                let unit = child.attribute("unit").flatMap(QuantityUnit.init(rawValue:))
            {
                let period = child.attribute("per").flatMap(Period.init(rawValue:))
                flow.quantity = Quantity(
                    value: value, unit: unit, per: unit.isPower ? period : (period ?? .year),
                    hours: child.attribute("hours").flatMap(double))
            }
        case "months":
            recorder.record(key + ".months", child)
            flow.availability = .seasonal(months: list(child.text).compactMap { Int($0) })
        case "monthShares":
            recorder.record(key + ".monthShares", child)
            flow.monthShares = list(child.text).compactMap { double(String($0)) }
        case "oneOff":
            recorder.record(key + ".oneOff", child)
            if let (year, month) = child.attribute("month").flatMap(ProfileText.yearMonth) {
                flow.availability = .oneOff(year: year, month: month)
            }
        case "price", "disposalCost":
            recorder.record(key + "." + child.name, child, attributes: true)
            if let value = child.attribute("value").flatMap(double),
                let unit = child.attribute("unit").flatMap(QuantityUnit.init(rawValue:))
            {
                let cost = Cost(value: value, currency: child.attribute("currency") ?? "EUR", per: unit)
                if child.name == "price" { flow.price = cost } else { flow.disposalCost = cost }
            }
        case "contaminant":
            flow.quality.contaminants.append(child.text)
        case "note":
            recorder.record(key + ".note", child)
            flow.note = child.text
        default:
            break
        }
    }

    /// Reads an `xs:double`, including `NaN` and `INF`, which the validator then reports.
    static func double(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        switch trimmed {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        default: return Double(trimmed)
        }
    }

    /// Reads an `xs:boolean`.
    static func bool(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }
}

/// Records the line and XML path of every element and attribute under the profile's field keys.
private struct LocationRecorder {
    let file: String
    var fields: FieldLocations

    init(file: String) {
        self.file = file
        fields = FieldLocations(file: file)
    }

    mutating func record(_ key: String, _ element: XMLElementView, attributes: Bool = false) {
        let location = SourceLocation(file: file, line: element.line, path: element.path)
        if !key.isEmpty { fields.append(Array(key.utf8), location) }
        guard attributes else { return }
        for name in element.attributeNames {
            fields.append(
                Array((key.isEmpty ? name : key + "." + name).utf8),
                SourceLocation(file: file, line: element.line, path: element.path + "/@" + name))
        }
    }
}
