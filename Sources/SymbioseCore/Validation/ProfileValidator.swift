import Foundation

/// The semantic checks every profile gets, whatever its format: codes, units, coordinates,
/// months, classifications and identifiers.
///
/// Structural checks (types, required fields) happen while decoding; this stage sees
/// well-typed profiles and reports every remaining problem, located through each profile's
/// ``ProfileSource``.
public struct ProfileValidator: Sendable {
    public var taxonomy: Taxonomy
    /// The most threads checking profiles uses; the diagnostics do not depend on it.
    public var threads = Parallel.processors

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// Checks every profile and the set as a whole (company ids are unique across files).
    ///
    /// - Returns: every problem found, in input order.
    /// - Complexity: O(*p* · *f*) for *p* profiles of *f* flows, plus O(*t*) per unknown code
    ///   for suggestions over *t* taxonomy entries.
    public func validate(_ profiles: [LoadedProfile]) -> [Diagnostic] {
        // Each profile on its own, on several threads; then the set, in input order.
        let validator = self
        let own = Parallel.map(profiles.count, threads: threads) { range in
            range.map { validator.validate(profiles[$0]) }
        }
        var diagnostics: [Diagnostic] = []
        var firstSeen: [String: SourceLocation] = [:]
        for (loaded, found) in zip(profiles, own) {
            diagnostics += found
            let id = loaded.profile.company.id
            let location = loaded.source.locate("company.id")
            if let first = firstSeen[id] {
                diagnostics.append(
                    .error(
                        .profileDuplicateCompany,
                        LocalizedText(
                            "company id \"\(id)\" is already used",
                            fr: "l'identifiant d'entreprise « \(id) » est déjà utilisé"), at: location,
                        notes: [LocalizedText("first used at \(first.prefix)", fr: "déjà utilisé en \(first.prefix)")]))
            } else {
                firstSeen[id] = location
            }
        }
        return diagnostics
    }

    /// Checks one profile on its own.
    public func validate(_ loaded: LoadedProfile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let profile = loaded.profile
        let source = loaded.source
        func report(
            _ severity: Severity, _ code: DiagnosticCode, _ message: LocalizedText, _ key: String,
            notes: [LocalizedText] = []
        ) {
            diagnostics.append(Diagnostic(severity, code, message, at: source.locate(key), notes: notes))
        }

        let company = profile.company
        if !Self.isValidIdentifier(company.id) {
            report(
                .error, .profileInvalidId,
                LocalizedText(
                    "company id \"\(company.id)\" is not a valid identifier",
                    fr: "l'identifiant d'entreprise « \(company.id) » n'est pas valide"), "company.id",
                notes: [
                    LocalizedText(
                        "use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
                        fr: "utilisez minuscules, chiffres, '-', '_' ou '.', en commençant par une lettre ou un chiffre"
                    )
                ])
        }
        if company.name.trimmingCharacters(in: .whitespaces).isEmpty {
            report(
                .error, .valueInvalid, LocalizedText("company name is empty", fr: "le nom de l'entreprise est vide"),
                "company.name")
        }
        if let naf = company.naf, !Self.isValidNAF(naf) {
            report(
                .error, .profileInvalidNAF,
                LocalizedText(
                    "\"\(naf)\" is not a NAF/NACE activity code", fr: "« \(naf) » n'est pas un code d'activité NAF/NACE"
                ), "company.naf",
                notes: [
                    LocalizedText(
                        "expected two digits, a dot, two digits and for NAF a capital letter, as 10.81Z",
                        fr: "deux chiffres, un point, deux chiffres et pour la NAF une majuscule, comme 10.81Z")
                ])
        }
        if let siret = company.siret, !Self.isValidSIRET(siret) {
            report(
                .error, .profileInvalidSIRET,
                LocalizedText(
                    "\"\(siret)\" is not a valid SIRET number", fr: "« \(siret) » n'est pas un numéro SIRET valide"),
                "company.siret",
                notes: [
                    LocalizedText(
                        "a SIRET is 14 digits whose Luhn checksum is valid",
                        fr: "un SIRET compte 14 chiffres dont la clé de Luhn est valide")
                ])
        }
        if let employees = company.employees, employees < 0 {
            report(
                .error, .valueNegative,
                LocalizedText("employees cannot be negative", fr: "l'effectif ne peut pas être négatif"),
                "company.employees")
        }

        checkSite(profile.site, report: report)

        if profile.outputs.isEmpty && profile.inputs.isEmpty {
            report(
                .warning, .profileNoFlows,
                LocalizedText(
                    "the profile declares no input and no output", fr: "le profil ne déclare ni besoin ni rejet"),
                "company")
        }
        var flowIds: [String: String] = [:]
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? profile.outputs : profile.inputs
            for (index, flow) in flows.enumerated() {
                let key = ProfileSource.flowKey(direction, index)
                if let first = flowIds[flow.id] {
                    report(
                        .error, .profileDuplicateFlow,
                        LocalizedText(
                            "flow id \"\(flow.id)\" is used twice in \(company.id)",
                            fr: "l'identifiant de flux « \(flow.id) » est utilisé deux fois dans \(company.id)"),
                        key + ".id",
                        notes: [
                            LocalizedText(
                                "first used at \(source.locate(first + ".id").prefix)",
                                fr: "déjà utilisé en \(source.locate(first + ".id").prefix)")
                        ])
                } else {
                    flowIds[flow.id] = key
                }
                checkFlow(flow, key: key, report: report)
            }
        }
        return diagnostics
    }

    private func checkSite(
        _ site: Site, report: (Severity, DiagnosticCode, LocalizedText, String, [LocalizedText]) -> Void
    ) {
        switch (site.latitude, site.longitude) {
        case (nil, nil):
            report(
                .warning, .profileMissingCoordinates,
                LocalizedText(
                    "the site has no coordinates: it cannot be placed on a map or matched by distance",
                    fr:
                        "le site n'a pas de coordonnées : il ne peut être ni placé sur une carte ni apparié par la distance"
                ),
                "site",
                [
                    LocalizedText(
                        "add lat and lon in WGS84 decimal degrees; the commune's centre will do, marked approximate",
                        fr:
                            "ajoutez lat et lon en degrés décimaux WGS84 ; le centre de la commune suffit, marqué approximate"
                    )
                ])
        case (nil, _), (_, nil):
            report(
                .error, .profileMissingCoordinates,
                LocalizedText(
                    "the site gives only one of lat and lon", fr: "le site ne donne qu'une seule de lat et lon"),
                "site", [])
        case let (lat?, lon?):
            if !lat.isFinite {
                report(
                    .error, .valueNotFinite,
                    LocalizedText("lat is not a finite number", fr: "lat n'est pas un nombre fini"), "site.lat", [])
            } else if !(-90...90).contains(lat) {
                report(
                    .error, .profileCoordinatesOutOfRange,
                    LocalizedText(
                        "latitude \(JSONOutput.format(lat)) is outside -90…90",
                        fr: "la latitude \(JSONOutput.format(lat)) sort de -90…90"),
                    "site.lat", [])
            }
            if !lon.isFinite {
                report(
                    .error, .valueNotFinite,
                    LocalizedText("lon is not a finite number", fr: "lon n'est pas un nombre fini"), "site.lon", [])
            } else if !(-180...180).contains(lon) {
                report(
                    .error, .profileCoordinatesOutOfRange,
                    LocalizedText(
                        "longitude \(JSONOutput.format(lon)) is outside -180…180",
                        fr: "la longitude \(JSONOutput.format(lon)) sort de -180…180"),
                    "site.lon", [])
            }
        }
        if let postcode = site.postcode,
            !(postcode.count == 5 && postcode.unicodeScalars.allSatisfy { ("0"..."9").contains($0) })
                && !(postcode.count == 5 && (postcode.hasPrefix("2A") || postcode.hasPrefix("2B")))
        {
            report(
                .warning, .profileInvalidPostcode,
                LocalizedText(
                    "\"\(postcode)\" is not a French postcode (five digits)",
                    fr: "« \(postcode) » n'est pas un code postal français (cinq chiffres)"),
                "site.postcode", [])
        }
    }

    private func checkFlow(
        _ flow: Flow, key: String, report: (Severity, DiagnosticCode, LocalizedText, String, [LocalizedText]) -> Void
    ) {
        if !Self.isValidIdentifier(flow.id) {
            report(
                .error, .profileInvalidId,
                LocalizedText(
                    "flow id \"\(flow.id)\" is not a valid identifier",
                    fr: "l'identifiant de flux « \(flow.id) » n'est pas valide"), key + ".id",
                [
                    LocalizedText(
                        "use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit",
                        fr: "utilisez minuscules, chiffres, '-', '_' ou '.', en commençant par une lettre ou un chiffre"
                    )
                ])
        }
        let entry = taxonomy[flow.resource]
        if entry == nil {
            let suggestions = taxonomy.suggestions(forUnknownCode: flow.resource)
            report(
                .error, .profileUnknownResource,
                LocalizedText(
                    "unknown resource code \"\(flow.resource)\"", fr: "code de ressource inconnu « \(flow.resource) »"),
                key + ".resource",
                suggestions.isEmpty
                    ? [
                        LocalizedText(
                            "`symbiose taxonomy --search WORDS` lists the known codes",
                            fr: "`symbiose taxonomy --search MOTS` liste les codes connus")
                    ]
                    : [
                        LocalizedText(
                            "did you mean " + suggestions.joined(separator: ", ") + "?",
                            fr: "vouliez-vous dire " + suggestions.joined(separator: ", ") + " ?")
                    ])
        }
        let category = flow.category

        // Quantity
        if let quantity = flow.quantity {
            checkNumber(
                quantity.value, name: LocalizedText("quantity value", fr: "la quantité"), key: key + ".quantity.value",
                report: report)
            if let entry, !taxonomy.accepts(quantity.unit.dimension, for: entry.code) {
                report(
                    .error, .quantityUnitMismatch,
                    LocalizedText(
                        "\(quantity.unit.rawValue) measures \(quantity.unit.dimension.rawValue), but \(flow.resource) is measured in \(entry.dimension.rawValue)",
                        fr:
                            "\(quantity.unit.rawValue) mesure une \(quantity.unit.dimension.name(in: .fr)), mais \(flow.resource) se mesure en \(entry.dimension.name(in: .fr))"
                    ),
                    key + ".quantity.unit",
                    [
                        LocalizedText(
                            "use a unit of \(entry.dimension.rawValue), such as \(entry.dimension.baseUnit.rawValue)",
                            fr:
                                "utilisez une unité de \(entry.dimension.name(in: .fr)), comme \(entry.dimension.baseUnit.rawValue)"
                        )
                    ])
            }
            if quantity.unit.isPower {
                if let hours = quantity.hours {
                    if !hours.isFinite || hours <= 0 || hours > 8784 {
                        report(
                            .error, .quantityHoursRange,
                            LocalizedText(
                                "operating hours must be more than 0 and at most 8784 a year",
                                fr: "les heures de fonctionnement doivent être plus de 0 et au plus 8784 par an"),
                            key + ".quantity.hours", [])
                    }
                } else {
                    report(
                        .error, .quantityPowerWithoutHours,
                        LocalizedText(
                            "a power in \(quantity.unit.rawValue) needs its operating hours per year (hours)",
                            fr:
                                "une puissance en \(quantity.unit.rawValue) demande ses heures de fonctionnement par an (hours)"
                        ),
                        key + ".quantity",
                        [
                            LocalizedText(
                                "or give an energy over a period, as MWh per year",
                                fr: "ou donnez une énergie sur une période, comme des MWh par an")
                        ])
                }
            } else if quantity.hours != nil {
                report(
                    .error, .quantityHoursRange,
                    LocalizedText(
                        "operating hours only go with a power (kW, MW)",
                        fr: "les heures de fonctionnement ne vont qu'avec une puissance (kW, MW)"),
                    key + ".quantity.hours", [])
            }
        } else {
            report(
                .warning, .flowMissingQuantity,
                LocalizedText(
                    "\(flow.id) has no quantity: it is kept as a data gap",
                    fr: "\(flow.id) n'a pas de quantité : il est gardé comme lacune de données"),
                key,
                [
                    LocalizedText(
                        "matches with it will be scored lower until a figure is given",
                        fr: "ses synergies seront moins bien notées tant qu'aucun chiffre n'est donné")
                ])
        }

        // Quality
        let quality = flow.quality
        if category == .heat || category == .cold {
            if quality.temperature == nil {
                report(
                    .warning, .flowHeatWithoutTemperature,
                    LocalizedText(
                        "\(category!.rawValue) flow \(flow.id) has no temperature",
                        fr: "le flux de \(category == .heat ? "chaleur" : "froid") \(flow.id) n'a pas de température"),
                    key,
                    [
                        LocalizedText(
                            "without it, matches cannot check that the temperature levels fit",
                            fr: "sans elle, l'appariement ne peut pas vérifier les niveaux de température")
                    ])
            }
        } else if quality.medium != nil {
            report(
                .warning, .flowQualityNotApplicable,
                LocalizedText(
                    "medium applies to heat and cold flows only",
                    fr: "medium ne s'applique qu'aux flux de chaleur et de froid"), key + ".medium", [])
        }
        if let temperature = quality.temperature {
            checkNumber(
                temperature, name: LocalizedText("temperature", fr: "la température"), key: key + ".temperature",
                allowNegative: true, report: report)
            if temperature < -273.15 {
                report(
                    .error, .valueInvalid,
                    LocalizedText("temperature is below absolute zero", fr: "la température est sous le zéro absolu"),
                    key + ".temperature", [])
            }
        }
        if quality.waterGrade != nil && category != .water {
            report(
                .warning, .flowQualityNotApplicable,
                LocalizedText("grade applies to water flows only", fr: "grade ne s'applique qu'aux flux d'eau"),
                key + ".grade", [])
        }
        if let purity = quality.purity {
            if !purity.isFinite || purity < 0 || purity > 100 {
                report(
                    .error, .flowPurityRange,
                    LocalizedText(
                        "purity is a percentage from 0 to 100", fr: "la pureté est un pourcentage de 0 à 100"),
                    key + ".purity", [])
            }
        }
        if let ewc = quality.ewc {
            if !EWCCode.isWellFormed(ewc) {
                report(
                    .error, .flowInvalidEWC,
                    LocalizedText(
                        "\"\(ewc)\" is not a List of Waste code",
                        fr: "« \(ewc) » n'est pas un code de la liste européenne des déchets"), key + ".ewc",
                    [
                        LocalizedText(
                            "write six digits in pairs, as 02 04 02, and a final * for hazardous wastes, as 10 01 04*",
                            fr:
                                "écrivez six chiffres par paires, comme 02 04 02, et un * final pour les déchets dangereux, comme 10 01 04*"
                        )
                    ])
            } else {
                if let hazardous = quality.hazardous, hazardous != EWCCode.isHazardous(ewc) {
                    report(
                        .error, .flowHazardMismatch,
                        hazardous
                            ? LocalizedText(
                                "the flow is marked hazardous but \(ewc) is a non-hazardous List of Waste entry",
                                fr:
                                    "le flux est marqué dangereux mais \(ewc) est une entrée non dangereuse de la liste des déchets"
                            )
                            : LocalizedText(
                                "the flow is marked non-hazardous but \(ewc) is a hazardous List of Waste entry (*)",
                                fr:
                                    "le flux est marqué non dangereux mais \(ewc) est une entrée dangereuse de la liste des déchets (*)"
                            ),
                        key + ".hazardous", [])
                }
                if let entry, !entry.ewc.isEmpty,
                    !entry.ewc.contains(where: { EWCCode.base($0) == EWCCode.base(ewc) })
                {
                    report(
                        .warning, .flowEWCNotListed,
                        LocalizedText(
                            "\(ewc) is not among the List of Waste codes of \(flow.resource)",
                            fr: "\(ewc) ne fait pas partie des codes déchets de \(flow.resource)"), key + ".ewc",
                        [
                            LocalizedText(
                                "usual codes: " + entry.ewc.joined(separator: ", "),
                                fr: "codes usuels : " + entry.ewc.joined(separator: ", "))
                        ])
                }
            }
        }

        // Time
        switch flow.availability {
        case .continuous:
            if flow.quantity?.period == .once {
                report(
                    .error, .flowOneOffPeriod,
                    LocalizedText(
                        "a quantity per once needs a one-off date (oneOff)",
                        fr: "une quantité « once » demande une date ponctuelle (oneOff)"),
                    key + ".quantity.per",
                    [])
            }
        case .seasonal(let months):
            if months.isEmpty {
                report(
                    .error, .flowInvalidMonth,
                    LocalizedText(
                        "months is empty: leave it out for a continuous flow",
                        fr: "months est vide : omettez-le pour un flux continu"), key + ".months",
                    [])
            }
            var seen: Set<Int> = []
            for month in months {
                if !(1...12).contains(month) {
                    report(
                        .error, .flowInvalidMonth,
                        LocalizedText(
                            "\(month) is not a month number (1 to 12)",
                            fr: "\(month) n'est pas un numéro de mois (1 à 12)"), key + ".months", [])
                } else if !seen.insert(month).inserted {
                    report(
                        .error, .flowDuplicateMonth,
                        LocalizedText("month \(month) is listed twice", fr: "le mois \(month) figure deux fois"),
                        key + ".months", [])
                }
            }
            if flow.quantity?.period == .once {
                report(
                    .error, .flowOneOffPeriod,
                    LocalizedText(
                        "a seasonal flow cannot have a quantity per once",
                        fr: "un flux saisonnier ne peut pas avoir une quantité « once »"), key + ".quantity.per",
                    [])
            }
        case .oneOff(_, let month):
            if !(1...12).contains(month) {
                report(
                    .error, .flowInvalidMonth,
                    LocalizedText(
                        "\(month) is not a month number (1 to 12)", fr: "\(month) n'est pas un numéro de mois (1 à 12)"),
                    key + ".oneOff", [])
            }
            if let quantity = flow.quantity, quantity.period != .once {
                report(
                    .error, .flowOneOffPeriod,
                    LocalizedText(
                        "a one-off flow's quantity must be per once",
                        fr: "la quantité d'un flux ponctuel doit être « per once »"), key + ".quantity.per",
                    [])
            }
        }

        // Status and costs
        if flow.direction == .input && flow.status != nil {
            report(
                .error, .profileStatusOnInput,
                LocalizedText("status applies to outputs only", fr: "status ne s'applique qu'aux rejets (outputs)"),
                key + ".status", [])
        }
        if flow.direction == .output && flow.price != nil {
            report(
                .error, .profileCostDirection,
                LocalizedText(
                    "price applies to inputs; use disposalCost for an output",
                    fr: "price s'applique aux besoins ; utilisez disposalCost pour un rejet"),
                key + ".price",
                [])
        }
        if flow.direction == .input && flow.disposalCost != nil {
            report(
                .error, .profileCostDirection,
                LocalizedText(
                    "disposalCost applies to outputs; use price for an input",
                    fr: "disposalCost s'applique aux rejets ; utilisez price pour un besoin"),
                key + ".disposalCost", [])
        }
        for (name, cost) in [("price", flow.price), ("disposalCost", flow.disposalCost)] {
            guard let cost else { continue }
            checkNumber(cost.value, name: LocalizedText(name, fr: name), key: key + ".\(name).value", report: report)
            if cost.currency.count != 3 || !cost.currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                report(
                    .error, .valueInvalid,
                    LocalizedText(
                        "\"\(cost.currency)\" is not an ISO 4217 currency code",
                        fr: "« \(cost.currency) » n'est pas un code de devise ISO 4217"),
                    key + ".\(name).currency", [LocalizedText("as EUR", fr: "comme EUR")])
            }
            if let entry, !taxonomy.accepts(cost.unit.dimension, for: entry.code) || cost.unit.isPower {
                report(
                    .error, .quantityUnitMismatch,
                    LocalizedText(
                        "\(name) is per \(cost.unit.rawValue), which does not measure \(flow.resource) (\(entry.dimension.rawValue))",
                        fr:
                            "\(name) est par \(cost.unit.rawValue), qui ne mesure pas \(flow.resource) (\(entry.dimension.name(in: .fr)))"
                    ),
                    key + ".\(name).unit", [])
            }
        }
        if let distance = flow.maxDistanceKm {
            checkNumber(
                distance, name: LocalizedText("maxDistanceKm", fr: "maxDistanceKm"), key: key + ".maxDistanceKm",
                report: report)
        }
    }

    private func checkNumber(
        _ value: Double, name: LocalizedText, key: String, allowNegative: Bool = false,
        report: (Severity, DiagnosticCode, LocalizedText, String, [LocalizedText]) -> Void
    ) {
        if !value.isFinite {
            report(
                .error, .valueNotFinite,
                LocalizedText("\(name.en) is not a finite number", fr: "\(name.fr) n'est pas un nombre fini"), key, [])
        } else if !allowNegative && value < 0 {
            report(
                .error, .valueNegative,
                LocalizedText("\(name.en) cannot be negative", fr: "\(name.fr) ne peut pas être négatif"), key, [])
        }
    }
}

extension ProfileValidator {
    /// Lowercase letters, digits, `-`, `_`, `.`, starting with a letter or digit, at most 64.
    public static func isValidIdentifier(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 64 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// `NN.NN` followed, for NAF rév. 2, by one capital letter: `10.81Z`, or `10.81` (NACE).
    public static func isValidNAF(_ naf: String) -> Bool {
        let scalars = Array(naf.unicodeScalars)
        guard scalars.count == 5 || scalars.count == 6 else { return false }
        for (offset, scalar) in scalars.enumerated() {
            switch offset {
            case 2: if scalar != "." { return false }
            case 5: if !("A"..."Z").contains(scalar) { return false }
            default: if !("0"..."9").contains(scalar) { return false }
            }
        }
        return true
    }

    /// Fourteen digits with a valid Luhn checksum (the rule INSEE applies to SIRET numbers).
    public static func isValidSIRET(_ siret: String) -> Bool {
        let digits = siret.unicodeScalars.compactMap { ("0"..."9").contains($0) ? Int($0.value - 48) : nil }
        guard digits.count == 14, siret.unicodeScalars.count == 14 else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
