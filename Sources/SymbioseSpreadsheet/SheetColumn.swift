import SymbioseCore

/// The columns of the flat spreadsheet layout (`Docs/spreadsheet-format.md`): one row per flow,
/// with the company and site columns repeated on each row of a company.
///
/// A header is recognised in English or French, in any case, with or without accents, and by
/// its key: `Quantité`, `quantite`, `Quantity` and `quantity` name the same column.
public enum SheetColumn: String, Sendable, Hashable, CaseIterable {
    case companyID = "company_id"
    case companyName = "company_name"
    case naf
    case siret
    case employees
    case group
    case latitude = "lat"
    case longitude = "lon"
    case approximate
    case address
    case commune
    case postcode
    case zone
    case contactName = "contact_name"
    case contactEmail = "contact_email"
    case contactPhone = "contact_phone"
    case direction
    case flowID = "flow_id"
    case resource
    case resourceText = "resource_text"
    case quantity
    case unit
    case per
    case hours
    case temperature
    case medium
    case grade
    case purity
    case methane
    case state
    case hazardous
    case ewc
    case contaminants
    case months
    case oneOff = "one_off"
    case price
    case priceCurrency = "price_currency"
    case priceUnit = "price_unit"
    case disposalCost = "disposal_cost"
    case disposalCostCurrency = "disposal_cost_currency"
    case disposalCostUnit = "disposal_cost_unit"
    case maxDistanceKm = "max_distance_km"
    case status
    case confidence
    case confidential
    case note
    case monthShares = "month_shares"
    case existingPartner = "existing_partner"
    case planned
    case outlet

    /// The header written in each language.
    public var header: LocalizedText {
        switch self {
        case .companyID: LocalizedText(en: "Company ID", fr: "Identifiant entreprise")
        case .companyName: LocalizedText(en: "Company name", fr: "Raison sociale")
        case .naf: LocalizedText(en: "NAF code", fr: "Code NAF")
        case .siret: LocalizedText(en: "SIRET", fr: "SIRET")
        case .employees: LocalizedText(en: "Employees", fr: "Effectif")
        case .latitude: LocalizedText(en: "Latitude", fr: "Latitude")
        case .longitude: LocalizedText(en: "Longitude", fr: "Longitude")
        case .approximate: LocalizedText(en: "Approximate position", fr: "Position approchée")
        case .address: LocalizedText(en: "Address", fr: "Adresse")
        case .commune: LocalizedText(en: "Commune", fr: "Commune")
        case .postcode: LocalizedText(en: "Postcode", fr: "Code postal")
        case .zone: LocalizedText(en: "Zone", fr: "Zone")
        case .contactName: LocalizedText(en: "Contact name", fr: "Contact")
        case .contactEmail: LocalizedText(en: "Contact email", fr: "Courriel")
        case .contactPhone: LocalizedText(en: "Contact phone", fr: "Téléphone")
        case .direction: LocalizedText(en: "Direction", fr: "Sens")
        case .flowID: LocalizedText(en: "Flow ID", fr: "Identifiant flux")
        case .resource: LocalizedText(en: "Resource", fr: "Ressource")
        case .resourceText: LocalizedText(en: "Resource (text)", fr: "Ressource (texte)")
        case .quantity: LocalizedText(en: "Quantity", fr: "Quantité")
        case .unit: LocalizedText(en: "Unit", fr: "Unité")
        case .per: LocalizedText(en: "Per", fr: "Par")
        case .hours: LocalizedText(en: "Hours per year", fr: "Heures par an")
        case .temperature: LocalizedText(en: "Temperature (°C)", fr: "Température (°C)")
        case .medium: LocalizedText(en: "Medium", fr: "Vecteur")
        case .grade: LocalizedText(en: "Water grade", fr: "Qualité d'eau")
        case .purity: LocalizedText(en: "Purity (%)", fr: "Pureté (%)")
        case .methane: LocalizedText(en: "Methane (%)", fr: "Méthane (%)")
        case .state: LocalizedText(en: "State", fr: "État")
        case .hazardous: LocalizedText(en: "Hazardous", fr: "Dangereux")
        case .ewc: LocalizedText(en: "EWC code", fr: "Code déchet")
        case .contaminants: LocalizedText(en: "Contaminants", fr: "Contaminants")
        case .months: LocalizedText(en: "Months", fr: "Mois")
        case .oneOff: LocalizedText(en: "One-off (year-month)", fr: "Ponctuel (année-mois)")
        case .price: LocalizedText(en: "Price", fr: "Prix")
        case .priceCurrency: LocalizedText(en: "Price currency", fr: "Devise du prix")
        case .priceUnit: LocalizedText(en: "Price per unit", fr: "Prix par unité")
        case .disposalCost: LocalizedText(en: "Disposal cost", fr: "Coût d'élimination")
        case .disposalCostCurrency: LocalizedText(en: "Disposal cost currency", fr: "Devise du coût")
        case .disposalCostUnit: LocalizedText(en: "Disposal cost per unit", fr: "Coût par unité")
        case .maxDistanceKm: LocalizedText(en: "Max distance (km)", fr: "Distance max (km)")
        case .status: LocalizedText(en: "Status", fr: "Statut")
        case .confidence: LocalizedText(en: "Confidence", fr: "Fiabilité")
        case .confidential: LocalizedText(en: "Confidential", fr: "Confidentiel")
        case .note: LocalizedText(en: "Note", fr: "Remarque")
        case .monthShares: LocalizedText(en: "Month shares", fr: "Répartition mensuelle")
        case .existingPartner: LocalizedText(en: "Existing partner", fr: "Partenaire actuel")
        case .planned: LocalizedText(en: "Planned", fr: "En projet")
        case .outlet: LocalizedText(en: "Current outlet", fr: "Filière actuelle")
        case .group: LocalizedText(en: "Group", fr: "Groupe")
        }
    }

    /// The columns that describe the company or its site, repeated on each of its rows, in
    /// layout order: those before `direction`.
    public static let companyColumns = Array(allCases.prefix { $0 != .direction })
    /// The flow columns, in layout order, from `direction` on.
    public static let flowColumns = Array(allCases.drop { $0 != .direction })

    /// Columns whose values look like numbers but are codes: spreadsheets must keep them as text.
    public var isCode: Bool {
        [.naf, .siret, .postcode, .ewc, .months, .oneOff, .companyID, .flowID, .contactPhone, .monthShares].contains(
            self)
    }

    /// The key of the field the column fills, relative to a profile, for ``ProfileSource``:
    /// `company.naf`, or for a flow column the part after the flow's key (`quantity.unit`).
    var fieldKey: String {
        switch self {
        case .companyID: "company.id"
        case .companyName: "company.name"
        case .naf: "company.naf"
        case .siret: "company.siret"
        case .employees: "company.employees"
        case .latitude: "site.lat"
        case .longitude: "site.lon"
        case .approximate: "site.approximate"
        case .address: "site.address"
        case .commune: "site.commune"
        case .postcode: "site.postcode"
        case .zone: "site.zone"
        case .contactName: "contact.name"
        case .contactEmail: "contact.email"
        case .contactPhone: "contact.phone"
        case .direction: ""
        case .flowID: "id"
        case .resource: "resource"
        case .resourceText: "resourceText"
        case .quantity: "quantity.value"
        case .unit: "quantity.unit"
        case .per: "quantity.per"
        case .hours: "quantity.hours"
        case .temperature: "temperature"
        case .medium: "medium"
        case .grade: "grade"
        case .purity: "purity"
        case .methane: "methane"
        case .state: "state"
        case .hazardous: "hazardous"
        case .ewc: "ewc"
        case .contaminants: "contaminants"
        case .months: "months"
        case .oneOff: "oneOff"
        case .price: "price.value"
        case .priceCurrency: "price.currency"
        case .priceUnit: "price.unit"
        case .disposalCost: "disposalCost.value"
        case .disposalCostCurrency: "disposalCost.currency"
        case .disposalCostUnit: "disposalCost.unit"
        case .maxDistanceKm: "maxDistanceKm"
        case .status: "status"
        case .confidence: "confidence"
        case .confidential: "confidential"
        case .note: "note"
        case .monthShares: "monthShares"
        case .existingPartner: "existingPartner"
        case .planned: "planned"
        case .outlet: "outlet"
        case .group: "company.group"
        }
    }

    /// A header folded for comparison: lowercase, no accents, words joined by `_`.
    static func fold(_ header: String) -> String {
        TextFolding.fold(header).split(separator: " ").joined(separator: "_")
    }

    private static let byFoldedHeader: [String: SheetColumn] = {
        var table: [String: SheetColumn] = [:]
        for column in allCases {
            table[column.rawValue] = column
            table[fold(column.header.en)] = column
            table[fold(column.header.fr)] = column
        }
        return table
    }()

    /// The column a header names, in either language.
    public init?(header: String) {
        guard let column = Self.byFoldedHeader[Self.fold(header)] else { return nil }
        self = column
    }

    /// The known headers, folded, in a fixed order; and the longest, to skip what cannot be near.
    private static let sortedHeaders = byFoldedHeader.sorted { $0.key < $1.key }
    private static let longestHeader = byFoldedHeader.keys.map(\.count).max() ?? 0

    /// The known header nearest to an unknown one, for a "did you mean" note. A header far longer
    /// than any known one gets none, before it is even folded (a fuzzer's 4 KB headers).
    static func suggestion(for header: String) -> SheetColumn? {
        guard header.count <= longestHeader * 5 / 4 + 2 else { return nil }
        let folded = fold(header)
        var best: (SheetColumn, Int)?
        for (candidate, column) in sortedHeaders {
            guard let distance = TextFolding.editDistance(folded, candidate, atMost: max(2, candidate.count / 4))
            else { continue }
            if distance < (best?.1 ?? .max) { best = (column, distance) }
        }
        return best?.0
    }
}

/// The words a spreadsheet may use for an enumerated value, in English or French; the first
/// French word is the one written in French sheets.
enum SheetVocabulary {
    static let direction: [(FlowDirection, [String])] = [
        (.output, ["disponible", "rejet", "ressource disponible", "offre", "sortie", "release"]),
        (.input, ["besoin", "demande", "entrée", "need"]),
    ]
    static let period: [(Period, [String])] = [
        (.year, ["an", "année", "par an", "a"]), (.month, ["mois"]), (.week, ["semaine"]), (.day, ["jour", "j"]),
        (.hour, ["heure", "h"]), (.once, ["une fois", "ponctuel"]),
    ]
    static let medium: [(HeatMedium, [String])] = [
        (.steam, ["vapeur"]), (.water, ["eau"]), (.thermalOil, ["huile thermique"]), (.flueGas, ["fumées"]),
        (.air, ["air"]),
    ]
    static let grade: [(WaterGrade, [String])] = [
        (.potable, ["potable"]), (.process, ["process", "industrielle"]), (.cooling, ["refroidissement"]),
        (.rain, ["pluie"]), (.treated, ["traitée", "épurée"]), (.raw, ["brute", "usée"]),
    ]
    static let state: [(PhysicalState, [String])] = [
        (.solid, ["solide"]), (.liquid, ["liquide"]), (.sludge, ["boue", "boues"]), (.powder, ["poudre"]),
        (.gas, ["gaz"]),
    ]
    static let status: [(OutputStatus, [String])] = [
        (.waste, ["déchet"]), (.byProduct, ["coproduit", "sous-produit", "byproduct"]), (.surplus, ["excédent"]),
    ]
    static let outlet: [(ReleaseOutlet, [String])] = [
        (.landfill, ["enfouissement", "décharge", "ISDND", "ISDI"]),
        (.incineration, ["incinération", "valorisation énergétique", "combustion"]),
        (.composting, ["compostage"]), (.anaerobicDigestion, ["méthanisation", "digestion anaérobie"]),
        (.wastewaterTreatment, ["station d'épuration", "STEP", "assainissement"]),
        (.recycling, ["recyclage"]), (.reuse, ["réemploi", "réutilisation"]), (.sold, ["vendu", "vente"]),
    ]
    static let confidence: [(DataConfidence, [String])] = [
        (.measured, ["mesuré"]), (.declared, ["déclaré"]), (.estimated, ["estimé", "estimation"]),
    ]
    static let truth: [(Bool, [String])] = [
        (true, ["oui", "vrai", "yes", "y", "o", "x", "1"]), (false, ["non", "faux", "no", "n", "0"]),
    ]

    /// The value a word stands for: its raw value or one of its words, folded.
    static func value<Value: RawRepresentable>(_ text: String, in table: [(Value, [String])]) -> Value?
    where Value.RawValue == String {
        // Most cells hold the raw value or one of its words as written (what export writes).
        if let exact = table.first(where: { $0.0.rawValue == text || $0.1.contains(text) }) { return exact.0 }
        let folded = fold(text)
        for (value, words) in table
        where fold(value.rawValue) == folded || words.contains(where: { fold($0) == folded }) {
            return value
        }
        return nil
    }

    static func truth(_ text: String) -> Bool? {
        switch text {
        case "true", "oui", "yes", "1": return true
        case "false", "non", "no", "0": return false
        default: break
        }
        let folded = fold(text)
        if folded == "true" { return true }
        if folded == "false" { return false }
        return truth.first { $0.1.contains(folded) }?.0
    }

    /// Folded words joined by one space: `"Sous-Produit "` → `"sous produit"`.
    static func fold(_ text: String) -> String {
        TextFolding.fold(text).split(separator: " ").joined(separator: " ")
    }

    /// The word written for a value: its raw value in English, its first French word in French.
    static func word<Value: RawRepresentable & Equatable>(
        _ value: Value, in table: [(Value, [String])], language: Language
    ) -> String where Value.RawValue == String {
        guard language == .fr, let words = table.first(where: { $0.0 == value })?.1 else { return value.rawValue }
        return words[0]
    }

    /// The words accepted for each value, for messages: `waste (déchet), by-product (coproduit)`.
    static func describe<Value: RawRepresentable>(_ table: [(Value, [String])]) -> String
    where Value.RawValue == String {
        table.map { "\($0.0.rawValue) (\($0.1[0]))" }.joined(separator: ", ")
    }
}
