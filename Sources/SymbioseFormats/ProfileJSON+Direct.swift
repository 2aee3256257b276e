import SymbioseCore

/// Reading a collection's profile straight from the text, without a tree: the way a sound
/// profile is read. At the first thing the tree's decoding would report — a member missing,
/// unknown, repeated, of the wrong type or null, a value out of range, an unknown unit or
/// word — the direct reading gives up and the profile is parsed and decoded whole, which
/// reports it. A profile read directly is the profile the tree's decoding gives, and it has no
/// diagnostic.
extension ProfileJSON {
    /// The members of each object of a profile, numbered in the order their cases are listed.
    enum ProfileMember: Int, CaseIterable { case schema, company, site, contact, outputs, inputs }
    enum CompanyMember: Int, CaseIterable { case id, name, naf, siret, employees, group }
    enum SiteMember: Int, CaseIterable { case lat, lon, approximate, commune, postcode, zone, address }
    enum ContactMember: Int, CaseIterable { case name, email, phone }
    enum QuantityMember: Int, CaseIterable { case value, unit, per, hours }
    enum CostMember: Int, CaseIterable { case value, currency, unit }

    private static let profileKeys = keys(ProfileMember.self)
    private static let companyKeys = keys(CompanyMember.self)
    private static let siteKeys = keys(SiteMember.self)
    private static let contactKeys = keys(ContactMember.self)
    private static let quantityKeys = keys(QuantityMember.self)
    private static let costKeys = keys(CostMember.self)

    /// The JSON names of a member enumeration: its cases' names.
    static func names<Member: CaseIterable>(_ type: Member.Type) -> [String] { type.allCases.map { "\($0)" } }

    private static func keys<Member: CaseIterable>(_ type: Member.Type) -> JSONKeys { JSONKeys(names(type)) }

    /// A profile of a collection read straight from the text at the parser, or `nil` when the
    /// tree's decoding would report anything in it; the parser is then anywhere within it.
    static func directProfile(_ parser: inout JSONParser) throws(JSONParser.Failure) -> Profile? {
        var company: Company?, site: Site?, contact: Contact?
        var outputs: [Flow] = [], inputs: [Flow] = []
        let read = try parser.readObject(profileKeys) { (parser, key) throws(JSONParser.Failure) in
            switch ProfileMember(rawValue: key) {
            case .schema: return try parser.readString() == profileSchema
            case .company: company = try directCompany(&parser); return company != nil
            case .site: site = try directSite(&parser); return site != nil
            case .contact: contact = try directContact(&parser); return contact != nil
            case .outputs:
                guard let flows = try directFlows(&parser, .output) else { return false }
                outputs = flows
            case .inputs:
                guard let flows = try directFlows(&parser, .input) else { return false }
                inputs = flows
            case nil: return false
            }
            return true
        }
        guard read, let company, let site else { return nil }
        return Profile(company: company, site: site, contact: contact, outputs: outputs, inputs: inputs)
    }

    /// The flows of one direction, held at their count as the tree's decoding holds them.
    private static func directFlows(
        _ parser: inout JSONParser, _ direction: FlowDirection
    ) throws(JSONParser.Failure) -> [Flow]? {
        guard
            let read = try parser.readElements({ (parser) throws(JSONParser.Failure) in
                try directFlow(&parser, direction: direction)
            })
        else { return nil }
        var flows: [Flow] = []
        flows.reserveCapacity(read.count)
        flows.append(contentsOf: read)
        return flows
    }

    /// Reads the members of an object whose readers `member` gives: each reads its value and
    /// says whether it could.
    private static func directObject<Member: RawRepresentable<Int>>(
        _ parser: inout JSONParser, _ keys: JSONKeys, as type: Member.Type,
        _ member: (inout JSONParser, Member) throws(JSONParser.Failure) -> Bool
    ) throws(JSONParser.Failure) -> Bool {
        try parser.readObject(keys) { (parser, key) throws(JSONParser.Failure) in
            guard let name = Member(rawValue: key) else { return false }
            return try member(&parser, name)
        }
    }

    private static func directCompany(_ parser: inout JSONParser) throws(JSONParser.Failure) -> Company? {
        var id: String?, name: String?, naf: String?, siret: String?, group: String?, employees: Int?
        let read = try directObject(&parser, companyKeys, as: CompanyMember.self) {
            (parser, member) throws(JSONParser.Failure) in
            switch member {
            case .id: id = try parser.readString(); return id != nil
            case .name: name = try parser.readString(); return name != nil
            case .naf: naf = try parser.readString(); return naf != nil
            case .siret: siret = try parser.readString(); return siret != nil
            case .group: group = try parser.readString(); return group != nil
            case .employees: employees = try parser.readInteger(); return employees != nil
            }
        }
        guard read, let id, let name else { return nil }
        return Company(id: CompanyID(id), name: name, naf: naf, siret: siret, employees: employees, group: group)
    }

    private static func directSite(_ parser: inout JSONParser) throws(JSONParser.Failure) -> Site? {
        var latitude: Double?, longitude: Double?, approximate: Bool?
        var commune: String?, postcode: String?, zone: String?, address: String?
        let read = try directObject(&parser, siteKeys, as: SiteMember.self) {
            (parser, member) throws(JSONParser.Failure) in
            switch member {
            case .lat: latitude = try parser.readFinite(); return latitude != nil
            case .lon: longitude = try parser.readFinite(); return longitude != nil
            case .approximate: approximate = try parser.readBool(); return approximate != nil
            case .commune: commune = try parser.readString(); return commune != nil
            case .postcode: postcode = try parser.readString(); return postcode != nil
            case .zone: zone = try parser.readString(); return zone != nil
            case .address: address = try parser.readString(); return address != nil
            }
        }
        guard read else { return nil }
        return Site(
            latitude: latitude, longitude: longitude, approximate: approximate ?? false, commune: commune,
            postcode: postcode, zone: zone, address: address)
    }

    private static func directContact(_ parser: inout JSONParser) throws(JSONParser.Failure) -> Contact? {
        var contact = Contact()
        let read = try directObject(&parser, contactKeys, as: ContactMember.self) {
            (parser, member) throws(JSONParser.Failure) in
            let text = try parser.readString()
            switch member {
            case .name: contact.name = text
            case .email: contact.email = text
            case .phone: contact.phone = text
            }
            return text != nil
        }
        return read ? contact : nil
    }

    static func directQuantity(_ parser: inout JSONParser) throws(JSONParser.Failure) -> Quantity? {
        var value: Double?, unit: QuantityUnit?, period: Period?, hours: Double?
        let read = try directObject(&parser, quantityKeys, as: QuantityMember.self) {
            (parser, member) throws(JSONParser.Failure) in
            switch member {
            case .value: value = try parser.readFinite(); return value != nil
            case .unit: unit = try parser.readEnumeration(); return unit != nil
            case .per: period = try parser.readEnumeration(); return period != nil
            case .hours: hours = try parser.readFinite(); return hours != nil
            }
        }
        guard read, let value, let unit else { return nil }
        return Quantity(value: value, unit: unit, per: unit.isPower ? period : (period ?? .year), hours: hours)
    }

    static func directCost(_ parser: inout JSONParser) throws(JSONParser.Failure) -> Cost? {
        var value: Double?, currency: String?, unit: QuantityUnit?
        let read = try directObject(&parser, costKeys, as: CostMember.self) {
            (parser, member) throws(JSONParser.Failure) in
            switch member {
            case .value: value = try parser.readFinite(); return value != nil
            case .currency: currency = try parser.readString(); return currency != nil
            case .unit: unit = try parser.readEnumeration(); return unit != nil
            }
        }
        guard read, let value, let unit else { return nil }
        return Cost(value: value, currency: currency ?? "EUR", per: unit)
    }
}

extension JSONParser {
    /// The next value, when it is a finite number, as ``JSONObject/number(_:required:)`` takes it.
    mutating func readFinite() throws(Failure) -> Double? {
        guard let value = try readNumber(), value.isFinite else { return nil }
        return value
    }

    /// The next value, when it is a whole number, as ``JSONObject/integer(_:required:)`` takes it.
    mutating func readInteger() throws(Failure) -> Int? {
        guard let value = try readFinite(), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// The next value, when it is a string naming a case of `Value`.
    mutating func readEnumeration<Value: RawRepresentable>() throws(Failure) -> Value? where Value.RawValue == String {
        try readString().flatMap(Value.init(rawValue:))
    }

    /// The next value, when it is an array whose every element `element` reads.
    mutating func readElements<Element>(
        _ element: (inout JSONParser) throws(Failure) -> Element?
    ) throws(Failure) -> [Element]? {
        var elements: [Element] = []
        let read = try readArray { (parser) throws(Failure) in
            guard let value = try element(&parser) else { return false }
            elements.append(value)
            return true
        }
        return read ? elements : nil
    }
}
