import Foundation
import SymbioseCore
import SymbioseFormats

/// A firm's profile as the web form shows it: identity, site, and one row per flow. It turns
/// into a `symbiose/profile@1` document that the CLI's reader and validator check, so that a
/// form gets the same located diagnostics, with the same codes, as a file.
struct ProfileForm: Sendable {
    struct Row: Sendable {
        var id = ""
        var direction = "output"
        var resource = ""
        var value = ""
        var unit = ""
        var per = "year"
        var months = ""
        var temperature = ""
        var status = ""
        var confidential = false
        var note = ""

        var isBlank: Bool { resource.isEmpty && value.isEmpty && note.isEmpty && temperature.isEmpty }
    }

    var companyID: String
    var name = ""
    var naf = ""
    var employees = ""
    var address = ""
    var commune = ""
    var postcode = ""
    var lat = ""
    var lon = ""
    var rows: [Row] = []

    /// The form of a stored profile, or a blank one with the firm's name; numbers are written as
    /// the page's language writes them (`2400,5` in French), which the form reads back.
    init(profile: Profile?, companyID: String, name: String, language: Language) {
        self.companyID = companyID
        self.name = name
        guard let profile else { return }
        self.name = profile.company.name
        naf = profile.company.naf ?? ""
        employees = profile.company.employees.map(String.init) ?? ""
        address = profile.site.address ?? ""
        commune = profile.site.commune ?? ""
        postcode = profile.site.postcode ?? ""
        lat = profile.site.latitude.map { Self.number($0, language) } ?? ""
        lon = profile.site.longitude.map { Self.number($0, language) } ?? ""
        rows = profile.flows.map { Self.row($0, language: language) }
    }

    static func number(_ value: Double, _ language: Language) -> String {
        let text = NumberText.plain(value)
        return language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func row(_ flow: Flow, language: Language) -> Row {
        var row = Row()
        row.id = flow.id.rawValue
        row.direction = flow.direction == .output ? "output" : "input"
        row.resource = flow.resource.rawValue.isEmpty ? (flow.resourceText ?? "") : flow.resource.rawValue
        if let quantity = flow.quantity {
            row.value = Self.number(quantity.value, language)
            row.unit = quantity.unit.rawValue
            row.per = quantity.period?.rawValue ?? "-"
        }
        if case .seasonal(let months) = flow.availability {
            row.months = months.map(String.init).joined(separator: " ")
        }
        row.temperature = flow.quality.temperature.map { Self.number($0, language) } ?? ""
        row.status = flow.status?.rawValue ?? ""
        row.confidential = flow.confidential
        row.note = flow.note ?? ""
        return row
    }

    /// The form a browser sent; rows come as `flow-N-field`, `rows` counting them.
    init(form: Form, companyID: String) {
        self.companyID = companyID
        name = form["name"] ?? ""
        naf = form["naf"] ?? ""
        employees = form["employees"] ?? ""
        address = form["address"] ?? ""
        commune = form["commune"] ?? ""
        postcode = form["postcode"] ?? ""
        lat = form["lat"] ?? ""
        lon = form["lon"] ?? ""
        let count = min(Int(form["rows"] ?? "") ?? 0, 500)
        rows = (0..<count).map { index in
            let field = { (name: String) in form["flow-\(index)-\(name)"] ?? "" }
            var row = Row()
            row.id = field("id")
            row.direction = field("direction") == "input" ? "input" : "output"
            row.resource = field("resource")
            row.value = field("value")
            row.unit = field("unit")
            row.per = field("per").isEmpty ? "year" : field("per")
            row.months = field("months")
            row.temperature = field("temperature")
            row.status = field("status")
            row.confidential = field("confidential") == "on"
            row.note = field("note")
            return row
        }
    }
}

/// Numbers as people type them in a French or English form.
enum NumberText {
    /// `12 500,5` or `12500.5` → 12500.5; `nil` when it is not a number.
    static func parse(_ text: String) -> Double? {
        let compact = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{202F}", with: "")
            .replacingOccurrences(of: "\u{A0}", with: "")
        let normalised = compact.contains(".") ? compact : compact.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normalised), value.isFinite else { return nil }
        return value
    }

    /// A number without exponent or trailing zeros, as the form shows it back.
    static func plain(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
