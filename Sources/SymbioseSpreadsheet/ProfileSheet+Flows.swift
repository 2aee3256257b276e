import Foundation
import SymbioseCore

extension SheetReader {
    // MARK: Flows

    mutating func readFlow(_ row: Sheet.Row, into company: Gathered) {
        let flowColumns = SheetColumn.flowColumns
        guard flowColumns.contains(where: { value(row, $0) != nil }) else { return }
        let direction = word(row, .direction, SheetVocabulary.direction)
        if direction == nil && value(row, .direction) == nil {
            missing(
                row, .direction,
                because: LocalizedText(
                    en: "a flow is \"output\" (a release or an offer) or \"input\" (a need)",
                    fr: "un flux est « disponible » (rejet ou offre) ou « besoin »"))
        }
        let resource = text(row, .resource)
        let resourceText = text(row, .resourceText)
        if resource == nil && resourceText == nil && value(row, .ewc) == nil {
            missing(
                row, .resource,
                because: LocalizedText(
                    en:
                        "each flow has a resource: a code (symbiose taxonomy lists them) or words in \"Resource (text)\"",
                    fr:
                        "chaque flux a une ressource : un code (symbiose taxonomy les liste) ou des mots dans « Ressource (texte) »"
                ))
        }
        var quantity = readQuantity(row)
        let quality = FlowQuality(
            temperature: number(row, .temperature), medium: word(row, .medium, SheetVocabulary.medium),
            waterGrade: word(row, .grade, SheetVocabulary.grade), purity: number(row, .purity),
            state: word(row, .state, SheetVocabulary.state), hazardous: truth(row, .hazardous), ewc: text(row, .ewc),
            contaminants: Self.list(text(row, .contaminants)), methane: number(row, .methane))
        let availability = readAvailability(row, quantity: &quantity)
        let price = readCost(row, .price, .priceCurrency, .priceUnit, default: quantity?.unit)
        let disposal = readCost(row, .disposalCost, .disposalCostCurrency, .disposalCostUnit, default: quantity?.unit)
        let maxDistance = number(row, .maxDistanceKm)
        let status = word(row, .status, SheetVocabulary.status)
        let confidence = word(row, .confidence, SheetVocabulary.confidence) ?? .declared
        let confidential = truth(row, .confidential) ?? false
        let note = text(row, .note)
        let monthShares = readMonthShares(row)
        guard let direction, resource != nil || resourceText != nil || quality.ewc != nil else { return }
        let index = direction == .output ? company.outputs.count : company.inputs.count
        let id = text(row, .flowID) ?? "\(direction == .output ? "output" : "input")-\(index + 1)"
        let flow = Flow(
            id: FlowID(id), direction: direction, resource: ResourceCode(resource ?? ""), quantity: quantity,
            quality: quality,
            availability: availability, price: price, disposalCost: disposal, maxDistanceKm: maxDistance,
            status: status, confidence: confidence, confidential: confidential, note: note,
            monthShares: monthShares, existingPartner: text(row, .existingPartner).map { CompanyID($0) },
            planned: truth(row, .planned) ?? false, outlet: word(row, .outlet, SheetVocabulary.outlet),
            resourceText: resourceText)
        let key = ProfileSource.flowKey(direction, index)
        company.fields[key] = location(row, .direction)
        for column in flowColumns where column != .direction && value(row, column) != nil {
            company.fields[key + "." + column.fieldKey] = location(row, column)
        }
        if direction == .output { company.outputs.append(flow) } else { company.inputs.append(flow) }
    }

    /// When the flow runs; a one-off amount with no period is counted once.
    mutating func readAvailability(_ row: Sheet.Row, quantity: inout Quantity?) -> Availability {
        var availability = Availability.continuous
        if let months = readMonths(row) { availability = .seasonal(months: months) }
        if let oneOff = readOneOff(row) {
            if value(row, .months) != nil {
                invalid(
                    row, .oneOff,
                    LocalizedText(
                        en: "a flow is either seasonal (months) or one-off, not both",
                        fr: "un flux est soit saisonnier (mois), soit ponctuel, pas les deux"))
            }
            availability = .oneOff(year: oneOff.year, month: oneOff.month)
            // A one-off amount is counted once: an empty "Per" cell means so.
            if value(row, .per) == nil, quantity?.unit.isPower == false { quantity?.period = .once }
        }
        return availability
    }

    mutating func readQuantity(_ row: Sheet.Row) -> Quantity? {
        let value = number(row, .quantity)
        let unit = unit(row, .unit)
        let period = word(row, .per, SheetVocabulary.period)
        let hours = number(row, .hours)
        if self.value(row, .quantity) != nil, self.value(row, .unit) == nil {
            missing(
                row, .unit,
                because: LocalizedText(en: "a quantity needs its unit", fr: "une quantité a besoin de son unité"))
        }
        if self.value(row, .quantity) == nil, self.value(row, .unit) != nil || period != nil || hours != nil {
            missing(
                row, .quantity,
                because: LocalizedText(
                    en: "a unit, period or hours is given without a quantity",
                    fr: "une unité, une période ou des heures sont données sans quantité"))
        }
        guard let value, let unit else { return nil }
        return Quantity(value: value, unit: unit, per: unit.isPower ? period : (period ?? .year), hours: hours)
    }

    mutating func readCost(
        _ row: Sheet.Row, _ valueColumn: SheetColumn, _ currencyColumn: SheetColumn, _ unitColumn: SheetColumn,
        default fallback: QuantityUnit?
    ) -> Cost? {
        let value = number(row, valueColumn)
        let currency = text(row, currencyColumn) ?? "EUR"
        let unit = unit(row, unitColumn) ?? (self.value(row, unitColumn) == nil ? fallback : nil)
        guard let value else { return nil }
        guard let unit else {
            if self.value(row, unitColumn) == nil {
                missing(
                    row, unitColumn,
                    because: LocalizedText(
                        en: "a price or cost is per unit (t, m3, MWh…)",
                        fr: "un prix ou un coût est par unité (t, m3, MWh…)"))
            }
            return nil
        }
        return Cost(value: value, currency: currency, per: unit)
    }

    /// Months as `7 8 9 10`, `7,8,9,10` or ranges `7-10`, `9-1` (over the new year).
    /// Twelve weights, January first, separated by spaces, `;` or `|` (decimal commas allowed).
    mutating func readMonthShares(_ row: Sheet.Row) -> [Double]? {
        guard let text = text(row, .monthShares) else { return nil }
        var weights: [Double] = []
        for part in text.split(whereSeparator: { " ;|\t".contains($0) }) {
            guard let weight = CSVTable.number(String(part)) else {
                invalid(
                    row, .monthShares,
                    LocalizedText(
                        en: "\"\(part)\" is not a number: give twelve weights, January first",
                        fr: "« \(part) » n'est pas un nombre : donnez douze poids, janvier d'abord"))
                return nil
            }
            weights.append(weight)
        }
        return weights
    }

    mutating func readMonths(_ row: Sheet.Row) -> [Int]? {
        guard let text = text(row, .months) else { return nil }
        var months: [Int] = []
        for part in text.split(whereSeparator: { " ,;".contains($0) }) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            if bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), (1...12).contains(first),
                (1...12).contains(last)
            {
                var month = first
                while true {
                    months.append(month)
                    if month == last { break }
                    month = month % 12 + 1
                }
            } else if let month = Int(part) {
                months.append(month)
            } else {
                invalid(
                    row, .months,
                    LocalizedText(
                        en: "months are numbers from 1 to 12, as \"7 8 9\" or \"7-9\", found \"\(text)\"",
                        fr: "les mois sont des nombres de 1 à 12, comme « 7 8 9 » ou « 7-9 », trouvé « \(text) »"))
                return nil
            }
        }
        return months
    }

    /// A one-off month as `2027-03`, `03/2027`, or a date a spreadsheet stored as a day number.
    mutating func readOneOff(_ row: Sheet.Row) -> (year: Int, month: Int)? {
        guard let value = value(row, .oneOff) else { return nil }
        if case .number(let serial) = value, serial > 0, serial < 2_958_466 {
            // Day numbers count from 30 December 1899 in the 1900 date system.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let date = Date(timeIntervalSince1970: (serial - 25_569) * 86_400)
            let parts = calendar.dateComponents([.year, .month], from: date)
            return (parts.year!, parts.month!)
        }
        let text = value.text
        if let yearMonth = ProfileText.yearMonth(text) { return yearMonth }
        let parts = text.split(separator: "/")
        if parts.count == 2, let month = Int(parts[0]), let year = Int(parts[1]), parts[1].count == 4 {
            return (year, month)
        }
        invalid(
            row, .oneOff,
            LocalizedText(
                en: "expected a year and month, as \"2027-03\", found \"\(text)\"",
                fr: "une année et un mois sont attendus, comme « 2027-03 », trouvé « \(text) »"))
        return nil
    }
}
