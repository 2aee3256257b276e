/// One company site and the resources it consumes and releases.
public struct Profile: Sendable, Hashable {
    public var company: Company
    public var site: Site
    public var contact: Contact?
    /// Releases (*ressources disponibles*) and offers of services, in declaration order.
    public var outputs: [Flow]
    /// Needs (*besoins*) and requests for services, in declaration order.
    public var inputs: [Flow]

    public init(company: Company, site: Site, contact: Contact? = nil, outputs: [Flow] = [], inputs: [Flow] = []) {
        self.company = company
        self.site = site
        self.contact = contact
        self.outputs = outputs
        self.inputs = inputs
    }

    /// Every flow, outputs first.
    public var flows: [Flow] { outputs + inputs }
}

/// Who the site belongs to.
public struct Company: Sendable, Hashable {
    /// A stable identifier, unique across all profiles of a run: lowercase letters, digits, `-`, `_`, `.`.
    public var id: CompanyID
    public var name: String
    /// The NAF rév. 2 / NACE Rev. 2 activity code, as `10.81Z` (NAF) or `10.81` (NACE).
    public var naf: String?
    /// The 14-digit French establishment number.
    public var siret: String?
    public var employees: Int?
    /// The group the firm belongs to (two sites of one group exchanging is internal logistics,
    /// not a synergy to broker).
    public var group: String?

    public init(
        id: CompanyID, name: String, naf: String? = nil, siret: String? = nil, employees: Int? = nil,
        group: String? = nil
    ) {
        self.group = group
        self.id = id
        self.name = name
        self.naf = naf
        self.siret = siret
        self.employees = employees
    }
}

/// Where the site is.
public struct Site: Sendable, Hashable {
    /// WGS84 latitude in decimal degrees.
    public var latitude: Double?
    /// WGS84 longitude in decimal degrees.
    public var longitude: Double?
    /// True when the coordinates locate the commune rather than the site itself.
    public var approximate: Bool
    /// The street address, as the firm writes it (for the facilitator's visits and letters; the
    /// position comes from the coordinates, the commune or the postcode).
    public var address: String?
    public var commune: String?
    public var postcode: String?
    /// The business zone or the EPCI (inter-municipal body) the site belongs to.
    public var zone: String?
    /// Set by ``SiteLocator`` when the coordinates are its postcode's centre, not given: never
    /// written to a profile file.
    public var placedByPostcode = false

    public init(
        latitude: Double? = nil, longitude: Double? = nil, approximate: Bool = false,
        commune: String? = nil, postcode: String? = nil, zone: String? = nil, address: String? = nil
    ) {
        self.latitude = latitude
        self.longitude = longitude
        self.approximate = approximate
        self.commune = commune
        self.postcode = postcode
        self.zone = zone
        self.address = address
    }
}

/// Whom to call about the profile, or on a side of a lead. Contact details never appear in any
/// output but the profile itself, and a lead's exports when asked for.
public struct Contact: Sendable, Hashable, Codable {
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.name = name
        self.email = email
        self.phone = phone
    }
}
