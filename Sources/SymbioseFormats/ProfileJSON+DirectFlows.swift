import SymbioseCore

extension ProfileJSON {
    /// The members of a flow, named as in the format.
    enum FlowMember: Int, CaseIterable {
        case id, resource, resourceText, quantity, temperature, medium, grade, purity, methane, state, hazardous
        case ewc, contaminants, months, oneOff, price, disposalCost, maxDistanceKm, status, confidence
        case confidential, note, monthShares, existingPartner, planned, outlet
    }

    private static let flowKeys = JSONKeys(flowMembers)

    /// A flow read straight from the text, or `nil` when the tree's decoding would report
    /// anything in it (``directProfile(_:)``).
    static func directFlow(_ parser: inout JSONParser, direction: FlowDirection) throws(JSONParser.Failure) -> Flow? {
        var fields = DirectFlow()
        let read = try parser.readObject(flowKeys) { (parser, key) throws(JSONParser.Failure) in
            guard let member = FlowMember(rawValue: key) else { return false }
            return try fields.read(member, &parser)
        }
        return read ? fields.flow(direction) : nil
    }

    /// The members of a flow as they are read.
    private struct DirectFlow {
        var id: String?, resource: String?, resourceText: String?, ewc: String?, note: String?
        var existingPartner: String?, oneOff: String?
        var quantity: Quantity?, price: Cost?, disposalCost: Cost?
        var temperature: Double?, purity: Double?, methane: Double?, maxDistanceKm: Double?
        var medium: HeatMedium?, grade: WaterGrade?, state: PhysicalState?, status: OutputStatus?
        var confidence: DataConfidence?, outlet: ReleaseOutlet?
        var hazardous: Bool?, confidential: Bool?, planned: Bool?
        var contaminants: [String]?, months: [Int]?, monthShares: [Double]?

        /// Reads the value of `member`; `false` when it is not one the tree's decoding takes
        /// without a word.
        mutating func read(_ member: FlowMember, _ parser: inout JSONParser) throws(JSONParser.Failure) -> Bool {
            switch member {
            case .id: id = try parser.readString(); return id != nil
            case .resource: resource = try parser.readString(); return resource != nil
            case .resourceText: resourceText = try parser.readString(); return resourceText != nil
            case .ewc: ewc = try parser.readString(); return ewc != nil
            case .note: note = try parser.readString(); return note != nil
            case .existingPartner: existingPartner = try parser.readString(); return existingPartner != nil
            case .oneOff: oneOff = try parser.readString(); return oneOff != nil
            case .quantity: quantity = try ProfileJSON.directQuantity(&parser); return quantity != nil
            case .price: price = try ProfileJSON.directCost(&parser); return price != nil
            case .disposalCost: disposalCost = try ProfileJSON.directCost(&parser); return disposalCost != nil
            case .temperature: temperature = try parser.readFinite(); return temperature != nil
            case .purity: purity = try parser.readFinite(); return purity != nil
            case .methane: methane = try parser.readFinite(); return methane != nil
            case .maxDistanceKm: maxDistanceKm = try parser.readFinite(); return maxDistanceKm != nil
            default: return try readWord(member, &parser)
            }
        }

        /// The members read as words, truth values or lists.
        private mutating func readWord(_ member: FlowMember, _ parser: inout JSONParser) throws(JSONParser.Failure)
            -> Bool
        {
            switch member {
            case .medium: medium = try parser.readEnumeration(); return medium != nil
            case .grade: grade = try parser.readEnumeration(); return grade != nil
            case .state: state = try parser.readEnumeration(); return state != nil
            case .status: status = try parser.readEnumeration(); return status != nil
            case .confidence: confidence = try parser.readEnumeration(); return confidence != nil
            case .outlet: outlet = try parser.readEnumeration(); return outlet != nil
            case .hazardous: hazardous = try parser.readBool(); return hazardous != nil
            case .confidential: confidential = try parser.readBool(); return confidential != nil
            case .planned: planned = try parser.readBool(); return planned != nil
            case .contaminants:
                contaminants = try parser.readElements { (parser) throws(JSONParser.Failure) in try parser.readString()
                }
                return contaminants != nil
            case .monthShares:
                // Any number, as the tree's decoding takes a list of numbers.
                monthShares = try parser.readElements { (parser) throws(JSONParser.Failure) in try parser.readNumber() }
                return monthShares != nil
            case .months:
                months = try parser.readElements { (parser) throws(JSONParser.Failure) in
                    guard let month = try parser.readNumber(), month == month.rounded(), abs(month) < 1e6 else {
                        return nil
                    }
                    return Int(month)
                }
                return months != nil
            default: return false
            }
        }

        /// The flow, or `nil` when the tree's decoding would report something of it.
        func flow(_ direction: FlowDirection) -> Flow? {
            guard let id, resource != nil || resourceText != nil || ewc != nil else { return nil }
            var availability = Availability.continuous
            if let months { availability = .seasonal(months: months) }
            if let oneOff {
                guard months == nil, let (year, month) = ProfileText.yearMonth(oneOff) else { return nil }
                availability = .oneOff(year: year, month: month)
            }
            let quality = FlowQuality(
                temperature: temperature, medium: medium, waterGrade: grade, purity: purity, state: state,
                hazardous: hazardous, ewc: ewc, contaminants: contaminants ?? [], methane: methane)
            return Flow(
                id: FlowID(id), direction: direction, resource: ResourceCode(resource ?? ""), quantity: quantity,
                quality: quality, availability: availability, price: price, disposalCost: disposalCost,
                maxDistanceKm: maxDistanceKm, status: status, confidence: confidence ?? .declared,
                confidential: confidential ?? false, note: note, monthShares: monthShares,
                existingPartner: existingPartner.map { CompanyID($0) }, planned: planned ?? false, outlet: outlet,
                resourceText: resourceText)
        }
    }
}
