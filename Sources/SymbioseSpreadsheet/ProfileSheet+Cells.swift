import Foundation
import SymbioseCore

/// Reading one cell of a profile sheet: its place, its value as text, number, yes/no, one
/// word of a closed list or a unit, each problem reported at the cell.
extension SheetReader {
    func location(_ row: Sheet.Row, _ column: Int) -> SourceLocation {
        sheet.location(file: file, row: row.number, column: column, header: headers[column])
    }

    func location(_ row: Sheet.Row, _ column: SheetColumn) -> SourceLocation {
        location(row, columns[column] ?? 0)
    }

    func value(_ row: Sheet.Row, _ column: SheetColumn) -> SheetValue? {
        guard let index = columns[column], let value = row[index] else { return nil }
        if case .text(let text) = value {
            let trimmed = CSVTable.trimmed(text)
            return trimmed.isEmpty ? nil : .text(trimmed)
        }
        return value
    }

    /// The cell as text; a number typed in a code column (a postcode, a SIRET) comes back as the
    /// digits typed, and a French postcode that a spreadsheet shortened to four digits gets its
    /// leading zero back.
    func text(_ row: Sheet.Row, _ column: SheetColumn) -> String? {
        guard let value = value(row, column) else { return nil }
        let text = CSVWriter.restored(value.text)
        if column == .postcode, text.count < 5, !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
            return String(repeating: "0", count: 5 - text.count) + text
        }
        return text
    }

    mutating func invalid(_ row: Sheet.Row, _ column: SheetColumn, _ text: LocalizedText) {
        diagnostics.append(.error(.valueInvalid, text, at: location(row, column)))
    }

    mutating func number(_ row: Sheet.Row, _ column: SheetColumn) -> Double? {
        guard let value = value(row, column) else { return nil }
        switch value {
        case .number(let number): return number
        case .text(let text):
            if let number = CSVTable.number(text) { return number }
            invalid(
                row, column,
                LocalizedText(en: "expected a number, found \"\(text)\"", fr: "nombre attendu, trouvé « \(text) »"))
        case .bool:
            invalid(
                row, column,
                LocalizedText(en: "expected a number, found a boolean", fr: "nombre attendu, trouvé un booléen"))
        }
        return nil
    }

    mutating func integer(_ row: Sheet.Row, _ column: SheetColumn) -> Int? {
        guard let number = number(row, column) else { return nil }
        guard number == number.rounded(), abs(number) < 1e9 else {
            invalid(
                row, column,
                LocalizedText(
                    en: "expected a whole number, found \(JSONOutput.format(number))",
                    fr: "nombre entier attendu, trouvé \(JSONOutput.format(number))"))
            return nil
        }
        return Int(number)
    }

    mutating func truth(_ row: Sheet.Row, _ column: SheetColumn) -> Bool? {
        guard let value = value(row, column) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .number(let number) where number == 0 || number == 1: return number == 1
        default:
            if let flag = SheetVocabulary.truth(value.text) { return flag }
            invalid(
                row, column,
                LocalizedText(
                    en: "expected yes or no, found \"\(value.text)\"",
                    fr: "oui ou non attendu, trouvé « \(value.text) »"))
            return nil
        }
    }

    mutating func word<Value: RawRepresentable>(
        _ row: Sheet.Row, _ column: SheetColumn, _ table: [(Value, [String])]
    ) -> Value? where Value.RawValue == String {
        guard let text = text(row, column) else { return nil }
        if let value = SheetVocabulary.value(text, in: table) { return value }
        let accepted = SheetVocabulary.describe(table)
        invalid(
            row, column,
            LocalizedText(
                en: "\"\(text)\" is not one of: \(accepted)",
                fr: "« \(text) » n'est pas une valeur admise : \(accepted)"))
        return nil
    }

    mutating func unit(_ row: Sheet.Row, _ column: SheetColumn) -> QuantityUnit? {
        guard let symbol = text(row, column) else { return nil }
        if let unit = QuantityUnit(rawValue: symbol) { return unit }
        diagnostics.append(
            .error(
                .quantityUnknownUnit,
                LocalizedText(en: "unknown unit \"\(symbol)\"", fr: "unité inconnue « \(symbol) »"),
                at: location(row, column), notes: QuantityUnit.unknownUnitNotes(symbol)))
        return nil
    }

    mutating func missing(_ row: Sheet.Row, _ column: SheetColumn, because reason: LocalizedText) {
        let header = column.header
        diagnostics.append(
            .error(
                .sheetMissingValue,
                LocalizedText(
                    en: "\"\(header.en)\" is empty: \(reason.en)", fr: "« \(header.fr) » est vide : \(reason.fr)"),
                at: location(row, column)))
    }

    // MARK: Companies

    /// The identifier of the row's company: its ID, or one made from its name, or when the row
    /// names no company, the company of the row above.
    mutating func companyKey(_ row: Sheet.Row, previous: String?) -> String? {
        if let id = text(row, .companyID) { return id }
        if let name = text(row, .companyName) {
            return SheetVocabulary.fold(name).replacingOccurrences(of: " ", with: "-")
        }
        if let previous { return previous }
        missing(
            row, columns[.companyName] != nil ? .companyName : .companyID,
            because: LocalizedText(en: "every row names its company", fr: "chaque ligne nomme son entreprise"))
        return nil
    }
}

extension ProfileSheet {
    /// The profile as a spreadsheet gives it back: spreadsheet readers drop white space around
    /// a cell's text (people type it by accident), so free text comes back without it, and text
    /// that was only white space comes back absent. Everything else reads back as written.
    public static func asReadBack(_ profile: Profile) -> Profile {
        func cell(_ text: String?) -> String? {
            guard let text else { return nil }
            let trimmed = CSVTable.trimmed(text)
            return trimmed.isEmpty ? nil : trimmed
        }
        var profile = profile
        profile.company.name = cell(profile.company.name) ?? ""
        (profile.company.naf, profile.company.siret) = (cell(profile.company.naf), cell(profile.company.siret))
        profile.company.group = cell(profile.company.group)
        (profile.site.commune, profile.site.zone) = (cell(profile.site.commune), cell(profile.site.zone))
        (profile.site.postcode, profile.site.address) = (cell(profile.site.postcode), cell(profile.site.address))
        if let contact = profile.contact {
            let parts = (cell(contact.name), cell(contact.email), cell(contact.phone))
            profile.contact =
                parts == (nil, nil, nil) ? nil : Contact(name: parts.0, email: parts.1, phone: parts.2)
        }
        let flows = { (flows: [Flow]) in
            flows.map { flow in
                var flow = flow
                flow.note = cell(flow.note)
                flow.resourceText = cell(flow.resourceText)
                flow.quality.ewc = cell(flow.quality.ewc)
                return flow
            }
        }
        (profile.outputs, profile.inputs) = (flows(profile.outputs), flows(profile.inputs))
        return profile
    }
}
