import Foundation
import SymbioseCore

/// The values of the profile page: the form, and every diagnostic next to its field (or above
/// the form when it belongs to none).
struct ProfileView: Sendable {
    var form: ProfileForm
    var diagnostics: [Diagnostic] = []
    var layout = ProfileForm.Layout()
    var language: Language
    var editable: Bool
    var taxonomy: Taxonomy

    func values(blankRows: Int) -> [String: Any] {
        var placed = Placement()
        for diagnostic in diagnostics { placed.add(diagnostic, layout: layout, language: language) }
        var values: [String: Any] = [
            "name": form.name, "naf": form.naf, "employees": form.employees, "address": form.address,
            "commune": form.commune,
            "postcode": form.postcode, "lat": form.lat, "lon": form.lon, "editable": editable,
            "general": placed.general, "hasGeneral": !placed.general.isEmpty,
            "generalTitle": PortalWords.table(language)[diagnostics.containsErrors ? "fixThese" : "remarks"] ?? "",
        ]
        for (field, entries) in placed.identity { values["\(field)Errors"] = entries }
        let rows = form.rows + Array(repeating: ProfileForm.Row(), count: editable ? blankRows : 0)
        values["rows"] = rows.enumerated().map { index, row in
            rowValues(row, index: index, errors: placed.rows[index] ?? [:])
        }
        values["rowCount"] = rows.count
        values["codes"] = taxonomy.codes.map { code in
            ["code": code.rawValue, "label": taxonomy[code]?.label[language] ?? ""]
        }
        values["units"] = QuantityUnit.allCases.map(\.rawValue)
        return values
    }

    func rowValues(_ row: ProfileForm.Row, index: Int, errors: [String: [[String: String]]]) -> [String: Any] {
        var values: [String: Any] = [
            "index": index, "id": row.id, "resource": row.resource, "value": row.value, "unit": row.unit,
            "months": row.months, "temperature": row.temperature, "confidential": row.confidential, "note": row.note,
            "directions": options(
                [("output", "Rejet, offre", "Release, offer"), ("input", "Besoin", "Need")],
                selected: row.direction),
            "periods": options(
                Period.allCases.map { ($0.rawValue, PortalWords.period($0.rawValue, .fr), $0.rawValue) }
                    + [("-", "— (puissance)", "— (power)")], selected: row.per),
            "statuses": options(
                [
                    ("", "—", "—"), ("by-product", "sous-produit", "by-product"), ("waste", "déchet", "waste"),
                    ("surplus", "surplus", "surplus"),
                ], selected: row.status),
        ]
        for (field, entries) in errors { values["\(field)Errors"] = entries }
        return values
    }

    func options(_ choices: [(String, String, String)], selected: String) -> [[String: Any]] {
        choices.map { value, fr, en in
            ["value": value, "label": language == .fr ? fr : en, "selected": value == selected]
        }
    }
}

/// Where each diagnostic goes on the page, by its JSON path.
struct Placement {
    var general: [[String: String]] = []
    var identity: [String: [[String: String]]] = [:]
    var rows: [Int: [String: [[String: String]]]] = [:]

    mutating func add(_ diagnostic: Diagnostic, layout: ProfileForm.Layout, language: Language) {
        let entry = [
            "code": diagnostic.code.rawValue, "text": diagnostic.text[language],
            "severity": diagnostic.severity.rawValue,
        ]
        let path = diagnostic.location?.path ?? ""
        if let (row, field) = Self.flowField(path, layout: layout) {
            rows[row, default: [:]][field, default: []].append(entry)
        } else if let field = Self.identityField(path) {
            identity[field, default: []].append(entry)
        } else {
            general.append(entry)
        }
    }

    static func identityField(_ path: String) -> String? {
        switch path {
        case "$.company.name": "name"
        case "$.company.naf": "naf"
        case "$.company.employees": "employees"
        case "$.site.postcode": "postcode"
        case "$.site.address": "address"
        case _ where path.hasPrefix("$.site"): "site"
        default: nil
        }
    }

    /// `$.outputs[2].quantity.value` → (the row of the third output, `quantity`).
    static func flowField(_ path: String, layout: ProfileForm.Layout) -> (Int, String)? {
        let side: [Int]
        let rest: Substring
        if path.hasPrefix("$.outputs[") {
            side = layout.outputRows
            rest = path.dropFirst("$.outputs[".count)
        } else if path.hasPrefix("$.inputs[") {
            side = layout.inputRows
            rest = path.dropFirst("$.inputs[".count)
        } else {
            return nil
        }
        guard let close = rest.firstIndex(of: "]"), let index = Int(rest[..<close]), side.indices.contains(index)
        else { return nil }
        let member = rest[rest.index(after: close)...].dropFirst().prefix { $0 != "." && $0 != "[" }
        let field: String =
            switch member {
            case "resource", "resourceText", "ewc": "resource"
            case "quantity": "quantity"
            case "months", "oneOff", "monthShares": "months"
            case "temperature": "temperature"
            default: "other"
            }
        return (side[index], field)
    }
}
