import CLibXML2
import Foundation
import SymbioseCore

extension ProfileXML {
    /// Builds one profile from a schema-valid `<profile>` element whose XML path is `path`, on
    /// a line `lineOffset` before the file's.
    static func decodeProfile(_ node: xmlNodePtr, path: String, file: String, lineOffset: Int) -> LoadedProfile {
        let element = XMLElementView(node: node, path: path)
        var recorder = LocationRecorder(file: file, lineOffset: lineOffset)
        var company = Company(id: "", name: "")
        var site = Site()
        var contact: Contact?
        var outputs: [Flow] = []
        var inputs: [Flow] = []
        for child in element.children {
            switch child.name {
            case "company":
                let given = recorder.record("company", child, attributes: true)
                company = Company(
                    id: CompanyID(given["id"] ?? ""), name: given["name"] ?? "", naf: given["naf"],
                    siret: given["siret"], employees: given["employees"].flatMap { Int($0) }, group: given["group"])
            case "site":
                let given = recorder.record("site", child, attributes: true)
                site = Site(
                    latitude: given["lat"].flatMap(double), longitude: given["lon"].flatMap(double),
                    approximate: given["approximate"].flatMap(bool) ?? false,
                    commune: given["commune"], postcode: given["postcode"], zone: given["zone"],
                    address: given["address"])
            case "contact":
                let given = recorder.record("contact", child, attributes: true)
                contact = Contact(name: given["name"], email: given["email"], phone: given["phone"])
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
        let whole = SourceLocation(file: file, line: element.line.map { $0 + lineOffset }, path: element.path)
        recorder.fields.finish()
        return LoadedProfile(
            profile: Profile(company: company, site: site, contact: contact, outputs: outputs, inputs: inputs),
            source: ProfileSource(file: file, whole: whole, fields: recorder.fields))
    }

    private static func decodeFlow(
        _ element: XMLElementView, direction: FlowDirection, key: String, recorder: inout LocationRecorder
    ) -> Flow {
        let given = recorder.record(key, element, attributes: true)
        var flow = Flow(
            id: FlowID(given["id"] ?? ""), direction: direction, resource: ResourceCode(given["resource"] ?? ""))
        flow.resourceText = given["resourceText"]
        flow.quality = FlowQuality(
            temperature: given["temperature"].flatMap(double),
            medium: given["medium"].flatMap(HeatMedium.init(rawValue:)),
            waterGrade: given["grade"].flatMap(WaterGrade.init(rawValue:)), purity: given["purity"].flatMap(double),
            state: given["state"].flatMap(PhysicalState.init(rawValue:)), hazardous: given["hazardous"].flatMap(bool),
            ewc: given["ewc"], methane: given["methane"].flatMap(double))
        flow.maxDistanceKm = given["maxDistanceKm"].flatMap(double)
        flow.status = given["status"].flatMap(OutputStatus.init(rawValue:))
        flow.outlet = given["outlet"].flatMap(ReleaseOutlet.init(rawValue:))
        flow.confidence = given["confidence"].flatMap(DataConfidence.init(rawValue:)) ?? .declared
        flow.confidential = given["confidential"].flatMap(bool) ?? false
        flow.existingPartner = given["existingPartner"].map { CompanyID($0) }
        flow.planned = given["planned"].flatMap(bool) ?? false
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
            let given = recorder.record(key + ".quantity", child, attributes: true)
            if let value = given["value"].flatMap(double),
                let unit = given["unit"].flatMap(QuantityUnit.init(rawValue:))
            {
                let period = given["per"].flatMap(Period.init(rawValue:))
                flow.quantity = Quantity(
                    value: value, unit: unit, per: unit.isPower ? period : (period ?? .year),
                    hours: given["hours"].flatMap(double))
            }
        case "months":
            recorder.record(key + ".months", child)
            flow.availability = .seasonal(months: list(child.text).compactMap { Int($0) })
        case "monthShares":
            recorder.record(key + ".monthShares", child)
            flow.monthShares = list(child.text).compactMap { double(String($0)) }
        case "oneOff":
            let given = recorder.record(key + ".oneOff", child)
            if let (year, month) = given["month"].flatMap(ProfileText.yearMonth) {
                flow.availability = .oneOff(year: year, month: month)
            }
        case "price", "disposalCost":
            let given = recorder.record(key + "." + child.name, child, attributes: true)
            if let value = given["value"].flatMap(double),
                let unit = given["unit"].flatMap(QuantityUnit.init(rawValue:))
            {
                let cost = Cost(value: value, currency: given["currency"] ?? "EUR", per: unit)
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
        switch trimmed(text) {
        case "INF", "+INF": return .infinity
        case "-INF": return -.infinity
        case "NaN": return .nan
        case let number: return Double(number)
        }
    }

    /// Reads an `xs:boolean`.
    static func bool(_ text: String) -> Bool? {
        switch trimmed(text) {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    /// `text` without the white space at its ends; as given when it starts and ends with a
    /// visible ASCII character, as most values do.
    private static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}

/// Records the line and XML path of every element and attribute under the profile's field keys:
/// one location per element, which its attributes refer to.
private struct LocationRecorder {
    let file: String
    /// What to add to an element's line to give the file's.
    let lineOffset: Int
    var fields: FieldLocations
    /// The key being built, kept to reuse its storage.
    private var scratch: [UInt8] = []

    init(file: String, lineOffset: Int) {
        self.file = file
        self.lineOffset = lineOffset
        fields = FieldLocations(file: file)
    }

    /// Records `element` under `key`, and its attributes under `key.name` when `attributes` is
    /// true; returns the element's attributes.
    @discardableResult
    mutating func record(_ key: String, _ element: XMLElementView, attributes: Bool = false) -> XMLAttributes {
        let given = element.attributes
        let location = SourceLocation(file: file, line: element.line.map { $0 + lineOffset }, path: element.path)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: key.utf8)
        let position = fields.append(element: scratch, location)
        guard attributes else { return given }
        if !key.isEmpty { scratch.append(UInt8(ascii: ".")) }
        let base = scratch.count
        for name in given.names {
            scratch.removeSubrange(base...)
            let bytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
            scratch.append(contentsOf: bytes)
            if bytes.contains(UInt8(ascii: ".")) {
                var whole = location
                whole.path = element.path + "/@" + String(cString: name)
                fields.append(scratch, whole)
            } else {
                fields.append(attribute: scratch, ofElement: position)
            }
        }
        return given
    }
}
