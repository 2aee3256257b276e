import SymbioseCore

/// Reading a profile's flows: resource, quantity, quality, when it runs, costs.
extension ProfileJSON {
    static func decodeFlow(_ object: JSONObject, direction: FlowDirection) -> Flow? {
        object.rejectUnknownMembers(allowed: flowMembers)
        let id = object.string("id", required: true)
        // A resource may be given by its code, in words, or by its List of Waste code alone.
        let resourceText = object.string("resourceText")
        let resource = object.string(
            "resource", required: resourceText == nil && object.member("ewc") == nil)
        let quantity = object.object("quantity").flatMap(decodeQuantity)
        let quality = FlowQuality(
            temperature: object.number("temperature"), medium: object.enumeration("medium", as: HeatMedium.self),
            waterGrade: object.enumeration("grade", as: WaterGrade.self), purity: object.number("purity"),
            state: object.enumeration("state", as: PhysicalState.self), hazardous: object.bool("hazardous"),
            ewc: object.string("ewc"), contaminants: object.strings("contaminants") ?? [],
            methane: object.number("methane"))
        let availability = decodeAvailability(object)
        let price = object.object("price").flatMap(decodeCost)
        let disposalCost = object.object("disposalCost").flatMap(decodeCost)
        let maxDistance = object.number("maxDistanceKm")
        let status = object.enumeration("status", as: OutputStatus.self)
        let confidence = object.enumeration("confidence", as: DataConfidence.self) ?? .declared
        let confidential = object.bool("confidential") ?? false
        let note = object.string("note")
        let monthShares = object.numbers("monthShares")
        guard let id, resource != nil || resourceText != nil || quality.ewc != nil else { return nil }
        return Flow(
            id: FlowID(id), direction: direction, resource: ResourceCode(resource ?? ""), quantity: quantity,
            quality: quality,
            availability: availability, price: price, disposalCost: disposalCost, maxDistanceKm: maxDistance,
            status: status, confidence: confidence, confidential: confidential, note: note,
            monthShares: monthShares, existingPartner: object.string("existingPartner").map { CompanyID($0) },
            planned: object.bool("planned") ?? false, outlet: object.enumeration("outlet", as: ReleaseOutlet.self),
            resourceText: resourceText)
    }

    /// When a flow runs: all year, some months (`months`) or once (`oneOff`).
    static func decodeAvailability(_ object: JSONObject) -> Availability {
        let collector = object.collector
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
        return availability
    }

    static func decodeUnit(_ object: JSONObject, key: String) -> QuantityUnit? {
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

    static func decodeQuantity(_ object: JSONObject) -> Quantity? {
        object.rejectUnknownMembers(allowed: ["value", "unit", "per", "hours"])
        let value = object.number("value", required: true)
        let unit = decodeUnit(object, key: "unit")
        let period = object.enumeration("per", as: Period.self)
        let hours = object.number("hours")
        guard let value, let unit else { return nil }
        return Quantity(value: value, unit: unit, per: unit.isPower ? period : (period ?? .year), hours: hours)
    }

    static func decodeCost(_ object: JSONObject) -> Cost? {
        object.rejectUnknownMembers(allowed: ["value", "currency", "unit"])
        let value = object.number("value", required: true)
        let currency = object.string("currency") ?? "EUR"
        let unit = decodeUnit(object, key: "unit")
        guard let value, let unit else { return nil }
        return Cost(value: value, currency: currency, per: unit)
    }
}
