import SymbioseCore

extension ProfileJSON {
    /// Writes profiles as JSON: one profile as `symbiose/profile@1`, several (or `collection`)
    /// as `symbiose/profiles@1`.
    ///
    /// Members come in a fixed, documented order and defaults are left out, so the same
    /// profiles always give the same bytes.
    public static func encode(_ profiles: [Profile], asCollection: Bool = false) -> String {
        if profiles.count == 1 && !asCollection {
            var members: [(String, JSONOutput)] = [("schema", .string(profileSchema))]
            members += profileMembers(profiles[0])
            return JSONOutput.object(members).rendered()
        }
        return JSONOutput.object([
            ("schema", .string(collectionSchema)),
            ("profiles", .array(profiles.map { .object(profileMembers($0)) })),
        ]).rendered()
    }

    public static func profileMembers(_ profile: Profile) -> [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = []
        let company = profile.company
        var companyMembers: [(String, JSONOutput)] = [("id", .string(company.id)), ("name", .string(company.name))]
        if let naf = company.naf { companyMembers.append(("naf", .string(naf))) }
        if let siret = company.siret { companyMembers.append(("siret", .string(siret))) }
        if let group = company.group { companyMembers.append(("group", .string(group))) }
        if let employees = company.employees { companyMembers.append(("employees", .integer(employees))) }
        members.append(("company", .object(companyMembers)))

        let site = profile.site
        var siteMembers: [(String, JSONOutput)] = []
        if let lat = site.latitude { siteMembers.append(("lat", .number(lat))) }
        if let lon = site.longitude { siteMembers.append(("lon", .number(lon))) }
        if site.approximate { siteMembers.append(("approximate", .bool(true))) }
        if let commune = site.commune { siteMembers.append(("commune", .string(commune))) }
        if let postcode = site.postcode { siteMembers.append(("postcode", .string(postcode))) }
        if let zone = site.zone { siteMembers.append(("zone", .string(zone))) }
        if let address = site.address { siteMembers.append(("address", .string(address))) }
        members.append(("site", .object(siteMembers)))

        if let contact = profile.contact {
            var contactMembers: [(String, JSONOutput)] = []
            if let name = contact.name { contactMembers.append(("name", .string(name))) }
            if let email = contact.email { contactMembers.append(("email", .string(email))) }
            if let phone = contact.phone { contactMembers.append(("phone", .string(phone))) }
            members.append(("contact", .object(contactMembers)))
        }
        if !profile.outputs.isEmpty { members.append(("outputs", .array(profile.outputs.map(flow)))) }
        if !profile.inputs.isEmpty { members.append(("inputs", .array(profile.inputs.map(flow)))) }
        return members
    }

    static func flow(_ flow: Flow) -> JSONOutput {
        var members: [(String, JSONOutput)] = [("id", .string(flow.id))]
        if !flow.resource.rawValue.isEmpty { members.append(("resource", .string(flow.resource))) }
        if let text = flow.resourceText { members.append(("resourceText", .string(text))) }
        if let quantity = flow.quantity {
            var q: [(String, JSONOutput)] = [
                ("value", .number(quantity.value)), ("unit", .string(quantity.unit.rawValue)),
            ]
            if let period = quantity.period { q.append(("per", .string(period.rawValue))) }
            if let hours = quantity.hours { q.append(("hours", .number(hours))) }
            members.append(("quantity", .object(q)))
        }
        let quality = flow.quality
        if let temperature = quality.temperature { members.append(("temperature", .number(temperature))) }
        if let medium = quality.medium { members.append(("medium", .string(medium.rawValue))) }
        if let grade = quality.waterGrade { members.append(("grade", .string(grade.rawValue))) }
        if let purity = quality.purity { members.append(("purity", .number(purity))) }
        if let methane = quality.methane { members.append(("methane", .number(methane))) }
        if let state = quality.state { members.append(("state", .string(state.rawValue))) }
        if let hazardous = quality.hazardous { members.append(("hazardous", .bool(hazardous))) }
        if let ewc = quality.ewc { members.append(("ewc", .string(ewc))) }
        if !quality.contaminants.isEmpty {
            members.append(("contaminants", .array(quality.contaminants.map(JSONOutput.string))))
        }
        switch flow.availability {
        case .continuous: break
        case .seasonal(let months): members.append(("months", .array(months.map(JSONOutput.integer))))
        case .oneOff(let year, let month):
            members.append(("oneOff", .string(ProfileText.yearMonth(year: year, month: month))))
        }
        if let partner = flow.existingPartner { members.append(("existingPartner", .string(partner))) }
        if flow.planned { members.append(("planned", .bool(true))) }
        if let shares = flow.monthShares { members.append(("monthShares", .array(shares.map(JSONOutput.number)))) }
        if let price = flow.price { members.append(("price", cost(price))) }
        if let disposal = flow.disposalCost { members.append(("disposalCost", cost(disposal))) }
        if let distance = flow.maxDistanceKm { members.append(("maxDistanceKm", .number(distance))) }
        if let status = flow.status { members.append(("status", .string(status.rawValue))) }
        if let outlet = flow.outlet { members.append(("outlet", .string(outlet.rawValue))) }
        if flow.confidence != .declared { members.append(("confidence", .string(flow.confidence.rawValue))) }
        if flow.confidential { members.append(("confidential", .bool(true))) }
        if let note = flow.note { members.append(("note", .string(note))) }
        return .object(members)
    }

    static func cost(_ cost: Cost) -> JSONOutput {
        .object([
            ("value", .number(cost.value)), ("currency", .string(cost.currency)), ("unit", .string(cost.unit.rawValue)),
        ])
    }
}
