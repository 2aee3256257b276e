import SymbioseCore

extension ProfileXML {
    /// Writes profiles as XML: one profile as `<profile>`, several (or `collection`) as
    /// `<profiles>`.
    ///
    /// Attributes and elements come in the order of the schema, defaults are left out, and
    /// numbers use the same shortest form as JSON, so the same profiles always give the same bytes.
    public static func encode(_ profiles: [Profile], asCollection: Bool = false) -> String {
        var writer = XMLTextWriter()
        writer.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        if profiles.count == 1 && !asCollection {
            write(profiles[0], into: &writer, namespace: true)
        } else {
            writer.open("profiles", [("xmlns", namespace)])
            for profile in profiles { write(profile, into: &writer, namespace: false) }
            writer.close("profiles")
        }
        return writer.text
    }

    private static func write(_ profile: Profile, into writer: inout XMLTextWriter, namespace withNamespace: Bool) {
        writer.open("profile", withNamespace ? [("xmlns", namespace)] : [])
        let company = profile.company
        writer.empty(
            "company",
            [
                ("id", company.id.rawValue), ("name", company.name), ("naf", company.naf), ("siret", company.siret),
                ("employees", company.employees.map(String.init)), ("group", company.group),
            ])
        let site = profile.site
        writer.empty(
            "site",
            [
                ("lat", site.latitude.map(JSONOutput.format)), ("lon", site.longitude.map(JSONOutput.format)),
                ("approximate", site.approximate ? "true" : nil), ("commune", site.commune),
                ("postcode", site.postcode), ("zone", site.zone), ("address", site.address),
            ])
        if let contact = profile.contact {
            writer.empty("contact", [("name", contact.name), ("email", contact.email), ("phone", contact.phone)])
        }
        for flow in profile.outputs { write(flow, into: &writer) }
        for flow in profile.inputs { write(flow, into: &writer) }
        writer.close("profile")
    }

    private static func write(_ flow: Flow, into writer: inout XMLTextWriter) {
        let name = flow.direction == .output ? "output" : "input"
        let quality = flow.quality
        let attributes: [(String, String?)] = [
            ("id", flow.id.rawValue), ("resource", flow.resource.rawValue.isEmpty ? nil : flow.resource.rawValue),
            ("resourceText", flow.resourceText),
            ("temperature", quality.temperature.map(JSONOutput.format)), ("medium", quality.medium?.rawValue),
            ("grade", quality.waterGrade?.rawValue), ("purity", quality.purity.map(JSONOutput.format)),
            ("methane", quality.methane.map(JSONOutput.format)),
            ("state", quality.state?.rawValue), ("hazardous", quality.hazardous.map { $0 ? "true" : "false" }),
            ("ewc", quality.ewc), ("maxDistanceKm", flow.maxDistanceKm.map(JSONOutput.format)),
            ("confidence", flow.confidence == .declared ? nil : flow.confidence.rawValue),
            ("confidential", flow.confidential ? "true" : nil), ("status", flow.status?.rawValue),
            ("outlet", flow.outlet?.rawValue),
            ("existingPartner", flow.existingPartner?.rawValue), ("planned", flow.planned ? "true" : nil),
        ]
        var children = XMLTextWriter(indent: writer.indent + 1)
        if let quantity = flow.quantity {
            children.empty(
                "quantity",
                [
                    ("value", JSONOutput.format(quantity.value)), ("unit", quantity.unit.rawValue),
                    ("per", quantity.period?.rawValue), ("hours", quantity.hours.map(JSONOutput.format)),
                ])
        }
        switch flow.availability {
        case .continuous: break
        case .seasonal(let months): children.element("months", text: months.map(String.init).joined(separator: " "))
        case .oneOff(let year, let month):
            children.empty("oneOff", [("month", ProfileText.yearMonth(year: year, month: month))])
        }
        if let shares = flow.monthShares {
            children.element("monthShares", text: shares.map(JSONOutput.format).joined(separator: " "))
        }
        for (costName, cost) in [("disposalCost", flow.disposalCost), ("price", flow.price)] {
            guard let cost else { continue }
            children.empty(
                costName,
                [("value", JSONOutput.format(cost.value)), ("currency", cost.currency), ("unit", cost.unit.rawValue)])
        }
        for contaminant in quality.contaminants { children.element("contaminant", text: contaminant) }
        if let note = flow.note { children.element("note", text: note) }
        if children.text.isEmpty {
            writer.empty(name, attributes)
        } else {
            writer.open(name, attributes)
            writer.append(children)
            writer.close(name)
        }
    }
}

/// Builds indented XML text with escaped attribute values and text.
struct XMLTextWriter {
    private(set) var text = ""
    private(set) var indent: Int

    init(indent: Int = 0) {
        self.indent = indent
    }

    mutating func line(_ content: String) {
        text += String(repeating: "  ", count: indent) + content + "\n"
    }

    mutating func append(_ other: XMLTextWriter) {
        text += other.text
    }

    private static func attributes(_ attributes: [(String, String?)]) -> String {
        attributes.compactMap { name, value in value.map { " \(name)=\"\(escape($0, attribute: true))\"" } }.joined()
    }

    mutating func open(_ name: String, _ attributes: [(String, String?)]) {
        line("<\(name)\(Self.attributes(attributes))>")
        indent += 1
    }

    mutating func close(_ name: String) {
        indent -= 1
        line("</\(name)>")
    }

    mutating func empty(_ name: String, _ attributes: [(String, String?)]) {
        line("<\(name)\(Self.attributes(attributes))/>")
    }

    mutating func element(_ name: String, text content: String) {
        line("<\(name)>\(Self.escape(content, attribute: false))</\(name)>")
    }

    static func escape(_ value: String, attribute: Bool) -> String {
        MarkupEscaping.escape(value, attribute: attribute)
    }
}
