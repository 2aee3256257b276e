import Foundation

/// The semantic checks every profile gets, whatever its format: codes, units, coordinates,
/// months, classifications and identifiers.
///
/// Structural checks (types, required fields) happen while decoding; this stage sees
/// well-typed profiles and reports every remaining problem, located through each profile's
/// ``ProfileSource``.
public struct ProfileValidator: Sendable {
    public var taxonomy: Taxonomy

    public init(taxonomy: Taxonomy) {
        self.taxonomy = taxonomy
    }

    /// Checks every profile and the set as a whole (company ids are unique across files).
    ///
    /// - Returns: every problem found, in input order.
    /// - Complexity: O(*p* · *f*) for *p* profiles of *f* flows, plus O(*t*) per unknown code
    ///   for suggestions over *t* taxonomy entries.
    public func validate(_ profiles: [LoadedProfile]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var firstSeen: [String: SourceLocation] = [:]
        for loaded in profiles {
            diagnostics += validate(loaded)
            let id = loaded.profile.company.id
            let location = loaded.source.locate("company.id")
            if let first = firstSeen[id] {
                diagnostics.append(
                    .error(
                        .profileDuplicateCompany, "company id \"\(id)\" is already used", at: location,
                        notes: ["first used at \(first.prefix)"]))
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
            _ severity: Severity, _ code: DiagnosticCode, _ message: String, _ key: String, notes: [String] = []
        ) {
            diagnostics.append(Diagnostic(severity, code, message, at: source.locate(key), notes: notes))
        }

        let company = profile.company
        if !Self.isValidIdentifier(company.id) {
            report(
                .error, .profileInvalidId, "company id \"\(company.id)\" is not a valid identifier", "company.id",
                notes: ["use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"])
        }
        if company.name.trimmingCharacters(in: .whitespaces).isEmpty {
            report(.error, .valueInvalid, "company name is empty", "company.name")
        }
        if let naf = company.naf, !Self.isValidNAF(naf) {
            report(
                .error, .profileInvalidNAF, "\"\(naf)\" is not a NAF/NACE activity code", "company.naf",
                notes: ["expected two digits, a dot, two digits and for NAF a capital letter, as 10.81Z"])
        }
        if let siret = company.siret, !Self.isValidSIRET(siret) {
            report(
                .error, .profileInvalidSIRET, "\"\(siret)\" is not a valid SIRET number", "company.siret",
                notes: ["a SIRET is 14 digits whose Luhn checksum is valid"])
        }
        if let employees = company.employees, employees < 0 {
            report(.error, .valueNegative, "employees cannot be negative", "company.employees")
        }

        checkSite(profile.site, report: report)

        if profile.outputs.isEmpty && profile.inputs.isEmpty {
            report(.warning, .profileNoFlows, "the profile declares no input and no output", "company")
        }
        var flowIds: [String: String] = [:]
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? profile.outputs : profile.inputs
            for (index, flow) in flows.enumerated() {
                let key = ProfileSource.flowKey(direction, index)
                if let first = flowIds[flow.id] {
                    report(
                        .error, .profileDuplicateFlow, "flow id \"\(flow.id)\" is used twice in \(company.id)",
                        key + ".id", notes: ["first used at \(source.locate(first + ".id").prefix)"])
                } else {
                    flowIds[flow.id] = key
                }
                checkFlow(flow, key: key, report: report)
            }
        }
        return diagnostics
    }

    private func checkSite(
        _ site: Site, report: (Severity, DiagnosticCode, String, String, [String]) -> Void
    ) {
        switch (site.latitude, site.longitude) {
        case (nil, nil):
            report(
                .warning, .profileMissingCoordinates,
                "the site has no coordinates: it cannot be placed on a map or matched by distance",
                "site", ["add lat and lon in WGS84 decimal degrees; the commune's centre will do, marked approximate"])
        case (nil, _), (_, nil):
            report(.error, .profileMissingCoordinates, "the site gives only one of lat and lon", "site", [])
        case let (lat?, lon?):
            if !lat.isFinite {
                report(.error, .valueNotFinite, "lat is not a finite number", "site.lat", [])
            } else if !(-90...90).contains(lat) {
                report(
                    .error, .profileCoordinatesOutOfRange, "latitude \(JSONOutput.format(lat)) is outside -90…90",
                    "site.lat", [])
            }
            if !lon.isFinite {
                report(.error, .valueNotFinite, "lon is not a finite number", "site.lon", [])
            } else if !(-180...180).contains(lon) {
                report(
                    .error, .profileCoordinatesOutOfRange, "longitude \(JSONOutput.format(lon)) is outside -180…180",
                    "site.lon", [])
            }
        }
        if let postcode = site.postcode,
            !(postcode.count == 5 && postcode.unicodeScalars.allSatisfy { ("0"..."9").contains($0) })
                && !(postcode.count == 5 && (postcode.hasPrefix("2A") || postcode.hasPrefix("2B")))
        {
            report(
                .warning, .profileInvalidPostcode, "\"\(postcode)\" is not a French postcode (five digits)",
                "site.postcode", [])
        }
    }

    private func checkFlow(
        _ flow: Flow, key: String, report: (Severity, DiagnosticCode, String, String, [String]) -> Void
    ) {
        if !Self.isValidIdentifier(flow.id) {
            report(
                .error, .profileInvalidId, "flow id \"\(flow.id)\" is not a valid identifier", key + ".id",
                ["use lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"])
        }
        let entry = taxonomy[flow.resource]
        if entry == nil {
            let suggestions = taxonomy.suggestions(forUnknownCode: flow.resource)
            report(
                .error, .profileUnknownResource, "unknown resource code \"\(flow.resource)\"", key + ".resource",
                suggestions.isEmpty
                    ? ["`symbiose taxonomy --search WORDS` lists the known codes"]
                    : ["did you mean " + suggestions.joined(separator: ", ") + "?"])
        }
        let category = flow.category

        // Quantity
        if let quantity = flow.quantity {
            checkNumber(quantity.value, name: "quantity value", key: key + ".quantity.value", report: report)
            if let entry, !taxonomy.accepts(quantity.unit.dimension, for: entry.code) {
                report(
                    .error, .quantityUnitMismatch,
                    "\(quantity.unit.rawValue) measures \(quantity.unit.dimension.rawValue), but \(flow.resource) is measured in \(entry.dimension.rawValue)",
                    key + ".quantity.unit",
                    ["use a unit of \(entry.dimension.rawValue), such as \(entry.dimension.baseUnit.rawValue)"])
            }
            if quantity.unit.isPower {
                if let hours = quantity.hours {
                    if !hours.isFinite || hours <= 0 || hours > 8784 {
                        report(
                            .error, .quantityHoursRange, "operating hours must be more than 0 and at most 8784 a year",
                            key + ".quantity.hours", [])
                    }
                } else {
                    report(
                        .error, .quantityPowerWithoutHours,
                        "a power in \(quantity.unit.rawValue) needs its operating hours per year (hours)",
                        key + ".quantity", ["or give an energy over a period, as MWh per year"])
                }
            } else if quantity.hours != nil {
                report(
                    .error, .quantityHoursRange, "operating hours only go with a power (kW, MW)",
                    key + ".quantity.hours", [])
            }
        } else {
            report(
                .warning, .flowMissingQuantity, "\(flow.id) has no quantity: it is kept as a data gap",
                key, ["matches with it will be scored lower until a figure is given"])
        }

        // Quality
        let quality = flow.quality
        if category == .heat || category == .cold {
            if quality.temperature == nil {
                report(
                    .warning, .flowHeatWithoutTemperature, "\(category!.rawValue) flow \(flow.id) has no temperature",
                    key, ["without it, matches cannot check that the temperature levels fit"])
            }
        } else if quality.medium != nil {
            report(
                .warning, .flowQualityNotApplicable, "medium applies to heat and cold flows only", key + ".medium", [])
        }
        if let temperature = quality.temperature {
            checkNumber(
                temperature, name: "temperature", key: key + ".temperature", allowNegative: true, report: report)
            if temperature < -273.15 {
                report(.error, .valueInvalid, "temperature is below absolute zero", key + ".temperature", [])
            }
        }
        if quality.waterGrade != nil && category != .water {
            report(.warning, .flowQualityNotApplicable, "grade applies to water flows only", key + ".grade", [])
        }
        if let purity = quality.purity {
            if !purity.isFinite || purity < 0 || purity > 100 {
                report(.error, .flowPurityRange, "purity is a percentage from 0 to 100", key + ".purity", [])
            }
        }
        if let ewc = quality.ewc {
            if !EWCCode.isWellFormed(ewc) {
                report(
                    .error, .flowInvalidEWC, "\"\(ewc)\" is not a List of Waste code", key + ".ewc",
                    ["write six digits in pairs, as 02 04 02, and a final * for hazardous wastes, as 10 01 04*"])
            } else {
                if let hazardous = quality.hazardous, hazardous != EWCCode.isHazardous(ewc) {
                    report(
                        .error, .flowHazardMismatch,
                        hazardous
                            ? "the flow is marked hazardous but \(ewc) is a non-hazardous List of Waste entry"
                            : "the flow is marked non-hazardous but \(ewc) is a hazardous List of Waste entry (*)",
                        key + ".hazardous", [])
                }
                if let entry, !entry.ewc.isEmpty,
                    !entry.ewc.contains(where: { EWCCode.base($0) == EWCCode.base(ewc) })
                {
                    report(
                        .warning, .flowEWCNotListed,
                        "\(ewc) is not among the List of Waste codes of \(flow.resource)", key + ".ewc",
                        ["usual codes: " + entry.ewc.joined(separator: ", ")])
                }
            }
        }

        // Time
        switch flow.availability {
        case .continuous:
            if flow.quantity?.period == .once {
                report(
                    .error, .flowOneOffPeriod, "a quantity per once needs a one-off date (oneOff)",
                    key + ".quantity.per",
                    [])
            }
        case .seasonal(let months):
            if months.isEmpty {
                report(
                    .error, .flowInvalidMonth, "months is empty: leave it out for a continuous flow", key + ".months",
                    [])
            }
            var seen: Set<Int> = []
            for month in months {
                if !(1...12).contains(month) {
                    report(.error, .flowInvalidMonth, "\(month) is not a month number (1 to 12)", key + ".months", [])
                } else if !seen.insert(month).inserted {
                    report(.error, .flowDuplicateMonth, "month \(month) is listed twice", key + ".months", [])
                }
            }
            if flow.quantity?.period == .once {
                report(
                    .error, .flowOneOffPeriod, "a seasonal flow cannot have a quantity per once", key + ".quantity.per",
                    [])
            }
        case .oneOff(_, let month):
            if !(1...12).contains(month) {
                report(.error, .flowInvalidMonth, "\(month) is not a month number (1 to 12)", key + ".oneOff", [])
            }
            if let quantity = flow.quantity, quantity.period != .once {
                report(
                    .error, .flowOneOffPeriod, "a one-off flow's quantity must be per once", key + ".quantity.per",
                    [])
            }
        }

        // Status and costs
        if flow.direction == .input && flow.status != nil {
            report(.error, .profileStatusOnInput, "status applies to outputs only", key + ".status", [])
        }
        if flow.direction == .output && flow.price != nil {
            report(
                .error, .profileCostDirection, "price applies to inputs; use disposalCost for an output",
                key + ".price",
                [])
        }
        if flow.direction == .input && flow.disposalCost != nil {
            report(
                .error, .profileCostDirection, "disposalCost applies to outputs; use price for an input",
                key + ".disposalCost", [])
        }
        for (name, cost) in [("price", flow.price), ("disposalCost", flow.disposalCost)] {
            guard let cost else { continue }
            checkNumber(cost.value, name: name, key: key + ".\(name).value", report: report)
            if cost.currency.count != 3 || !cost.currency.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                report(
                    .error, .valueInvalid, "\"\(cost.currency)\" is not an ISO 4217 currency code",
                    key + ".\(name).currency", ["as EUR"])
            }
            if let entry, !taxonomy.accepts(cost.unit.dimension, for: entry.code) || cost.unit.isPower {
                report(
                    .error, .quantityUnitMismatch,
                    "\(name) is per \(cost.unit.rawValue), which does not measure \(flow.resource) (\(entry.dimension.rawValue))",
                    key + ".\(name).unit", [])
            }
        }
        if let distance = flow.maxDistanceKm {
            checkNumber(distance, name: "maxDistanceKm", key: key + ".maxDistanceKm", report: report)
        }
    }

    private func checkNumber(
        _ value: Double, name: String, key: String, allowNegative: Bool = false,
        report: (Severity, DiagnosticCode, String, String, [String]) -> Void
    ) {
        if !value.isFinite {
            report(.error, .valueNotFinite, "\(name) is not a finite number", key, [])
        } else if !allowNegative && value < 0 {
            report(.error, .valueNegative, "\(name) cannot be negative", key, [])
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
