import Foundation
import SymbioseCore
import SymbioseFormats

extension ProfileForm {
    /// Where each flow of the document came from: `outputs[k]` is row `outputRows[k]`.
    struct Layout: Sendable {
        var outputRows: [Int] = []
        var inputRows: [Int] = []
    }

    /// The document of this form, over `base` (the stored profile): what the form does not
    /// show (prices, load shapes, a contact…) is kept from it, flow by flow through their ids.
    func document(base: Profile?) -> (json: String, layout: Layout) {
        var members = base.map(ProfileJSON.profileMembers) ?? []
        members.set("company", .object(company(members.object("company"))))
        members.set("site", .object(site(members.object("site"))))
        let baseFlows = (members.array("outputs") + members.array("inputs")).compactMap(\.members)
        var layout = Layout()
        var outputs: [JSONOutput] = []
        var inputs: [JSONOutput] = []
        var used: Set<String> = []
        for (index, row) in rows.enumerated() where !row.isBlank {
            let id = flowID(row, index: index, used: &used)
            let previous = baseFlows.first { $0.string("id") == row.id && !row.id.isEmpty } ?? []
            let flow = JSONOutput.object(flowMembers(of: row, id: id, over: previous))
            if row.direction == "input" {
                layout.inputRows.append(index)
                inputs.append(flow)
            } else {
                layout.outputRows.append(index)
                outputs.append(flow)
            }
        }
        members.set("outputs", outputs.isEmpty ? nil : .array(outputs))
        members.set("inputs", inputs.isEmpty ? nil : .array(inputs))
        let document = [("schema", JSONOutput.string(ProfileJSON.profileSchema))] + members.filter { $0.0 != "schema" }
        return (JSONOutput.object(document).rendered(), layout)
    }

    func company(_ previous: [(String, JSONOutput)]) -> [(String, JSONOutput)] {
        var members = previous
        members.set("id", .string(companyID))
        members.set("name", .string(name))
        members.set("naf", naf.isEmpty ? nil : .string(naf))
        members.set("employees", employees.isEmpty ? nil : Int(employees).map(JSONOutput.integer) ?? .string(employees))
        return members
    }

    func site(_ previous: [(String, JSONOutput)]) -> [(String, JSONOutput)] {
        var members = previous
        members.set("lat", Self.number(lat))
        members.set("lon", Self.number(lon))
        members.set("address", address.isEmpty ? nil : .string(address))
        members.set("commune", commune.isEmpty ? nil : .string(commune))
        members.set("postcode", postcode.isEmpty ? nil : .string(postcode))
        return members
    }

    /// A row's id: its own, or the first free `o1`, `o2`… (`i1`… for needs).
    func flowID(_ row: Row, index: Int, used: inout Set<String>) -> String {
        if !row.id.isEmpty && !used.contains(row.id) {
            used.insert(row.id)
            return row.id
        }
        let prefix = row.direction == "input" ? "i" : "o"
        var number = 1
        while used.contains("\(prefix)\(number)") || rows.contains(where: { $0.id == "\(prefix)\(number)" }) {
            number += 1
        }
        used.insert("\(prefix)\(number)")
        return "\(prefix)\(number)"
    }

    func flowMembers(of row: Row, id: String, over previous: [(String, JSONOutput)]) -> [(String, JSONOutput)] {
        var members = previous
        members.set("id", .string(id))
        let isCode = row.resource.range(of: "^[a-z0-9][a-z0-9.-]*$", options: .regularExpression) != nil
        members.set("resource", isCode ? .string(row.resource) : nil)
        members.set("resourceText", isCode || row.resource.isEmpty ? nil : .string(row.resource))
        if row.value.isEmpty && row.unit.isEmpty {
            members.set("quantity", nil)
        } else {
            var quantity = previous.object("quantity").filter { $0.0 == "hours" }
            quantity.set("value", Self.number(row.value) ?? .string(row.value))
            quantity.set("unit", .string(row.unit))
            quantity.set("per", row.per.isEmpty || row.per == "-" ? nil : .string(row.per))
            members.set("quantity", .object(quantity))
        }
        let months = row.months.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" })
        members.set(
            "months",
            months.isEmpty ? nil : .array(months.map { Int($0).map(JSONOutput.integer) ?? .string(String($0)) }))
        members.set(
            "temperature", row.temperature.isEmpty ? nil : Self.number(row.temperature) ?? .string(row.temperature))
        members.set("status", row.direction == "output" && !row.status.isEmpty ? .string(row.status) : nil)
        members.set("confidential", row.confidential ? .bool(true) : nil)
        members.set("note", row.note.isEmpty ? nil : .string(row.note))
        return members
    }

    /// A number typed in the form, or the text itself when it is not one (the reader then
    /// reports it where it stands); `nil` when empty.
    static func number(_ text: String) -> JSONOutput? {
        guard !text.isEmpty else { return nil }
        return NumberText.parse(text).map(JSONOutput.number) ?? .string(text)
    }
}

extension [(String, JSONOutput)] {
    /// Replaces the member `key` (appending it when new); removes it when `value` is `nil`.
    mutating func set(_ key: String, _ value: JSONOutput?) {
        if let index = firstIndex(where: { $0.0 == key }) {
            if let value { self[index].1 = value } else { remove(at: index) }
        } else if let value {
            append((key, value))
        }
    }

    func object(_ key: String) -> [(String, JSONOutput)] {
        first { $0.0 == key }?.1.members ?? []
    }

    func array(_ key: String) -> [JSONOutput] {
        if case .array(let items) = first(where: { $0.0 == key })?.1 { return items }
        return []
    }

    func string(_ key: String) -> String? {
        if case .string(let text) = first(where: { $0.0 == key })?.1 { return text }
        return nil
    }
}

extension JSONOutput {
    var members: [(String, JSONOutput)]? {
        if case .object(let members) = self { return members }
        return nil
    }
}
