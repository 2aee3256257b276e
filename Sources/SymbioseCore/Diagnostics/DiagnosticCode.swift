/// The stable codes of every diagnostic Symbiose emits.
///
/// Codes are part of the command-line interface: scripts and tests rely on them, so a code is
/// never renamed. `Docs/diagnostics.md` lists them with an example each.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable {
    // Reading files
    case ioNotFound = "io.not-found"
    case ioUnreadable = "io.unreadable"
    case ioUnsupportedFile = "io.unsupported-file"
    /// An output file cannot be written (exit status 73); said on standard error, the existing
    /// file left as it was.
    case ioWrite = "io.write"
    case inputEmpty = "input.empty"
    case inputSkipped = "input.skipped"
    case inputEncoding = "input.encoding"
    case inputBinary = "input.binary"
    /// Beyond a reader's limits (``ReaderLimits``): the file or the profile is refused whole.
    case inputTooLarge = "input.too-large"
    case inputTooManyValues = "input.too-many-values"
    case inputTooManyProfiles = "input.too-many-profiles"
    case profileTooManyFlows = "profile.too-many-flows"

    // XML
    case xmlMalformed = "xml.malformed"
    case xmlDoctype = "xml.doctype"
    case xmlTooDeep = "xml.too-deep"
    case xmlTooManyAttributes = "xml.too-many-attributes"
    case xmlSchema = "xml.schema"
    case xmlNamespace = "xml.namespace"

    // JSON
    case jsonMalformed = "json.malformed"
    case jsonTooDeep = "json.too-deep"
    case jsonType = "json.type"
    case jsonMissingField = "json.missing-field"
    case jsonUnknownField = "json.unknown-field"
    case jsonSchema = "json.schema"

    // Spreadsheets (CSV and .xlsx)
    case csvQuote = "csv.quote"
    case xlsxInvalid = "xlsx.invalid"
    case sheetNotFound = "sheet.not-found"
    case sheetMissingColumn = "sheet.missing-column"
    case sheetUnknownColumn = "sheet.unknown-column"
    case sheetDuplicateColumn = "sheet.duplicate-column"
    case sheetMissingValue = "sheet.missing-value"
    case sheetConflict = "sheet.conflict"

    // Values
    case valueInvalid = "value.invalid"
    case valueNotFinite = "value.not-finite"
    case valueNegative = "value.negative"
    case valueTooLarge = "value.too-large"
    case valueTooLong = "value.too-long"
    case sheetTooWide = "sheet.too-wide"
    case valueControlCharacter = "value.control-character"
    case quantityImplausible = "quantity.implausible"

    // Profile semantics
    case profileUnknownResource = "profile.unknown-resource"
    case profileDuplicateCompany = "profile.duplicate-company"
    case profileDuplicateFlow = "profile.duplicate-flow"
    case profileNoFlows = "profile.no-flows"
    case profileMissingCoordinates = "profile.missing-coordinates"
    case profileCoordinatesOutOfRange = "profile.coordinates-out-of-range"
    case profileInvalidNAF = "profile.invalid-naf"
    case profileInvalidSIRET = "profile.invalid-siret"
    case profileInvalidPostcode = "profile.invalid-postcode"
    case profileLocated = "profile.located"
    case profileCommuneAmbiguous = "profile.commune-ambiguous"
    case profileInvalidId = "profile.invalid-id"
    case profileStatusOnInput = "profile.status-on-input"
    case profileCostDirection = "profile.cost-direction"

    // Flows
    case flowMissingQuantity = "flow.missing-quantity"
    case flowHeatWithoutTemperature = "flow.heat-without-temperature"
    case flowQualityNotApplicable = "flow.quality-not-applicable"
    case flowInvalidMonth = "flow.invalid-month"
    case flowInvalidMonthShares = "flow.invalid-month-shares"
    case flowDuplicateMonth = "flow.duplicate-month"
    case flowOneOffPeriod = "flow.one-off-period"
    case flowInvalidEWC = "flow.invalid-ewc"
    case flowHazardMismatch = "flow.hazard-mismatch"
    /// A well-formed List of Waste code that is not an entry of the list (or has the wrong mark).
    case flowUnknownEWC = "flow.unknown-ewc"
    case flowEWCNotListed = "flow.ewc-not-listed"
    case flowPurityRange = "flow.purity-range"
    /// A resource read from the firm's own words (`resourceText`), confidently.
    case flowResourceFromText = "flow.resource-from-text"
    /// Words that fit several resources about as well: the firm must choose.
    case flowResourceAmbiguous = "flow.resource-ambiguous"
    /// Words that fit no resource of the taxonomy.
    case flowResourceUnmatched = "flow.resource-unmatched"
    /// A resource taken from the flow's List of Waste code.
    case flowResourceFromEWC = "flow.resource-from-ewc"

    // Quantities
    case quantityUnknownUnit = "quantity.unknown-unit"
    /// `m3` of a gas, read as normal cubic metres.
    case quantityGasVolume = "quantity.gas-volume"
    /// A conversion through a default (the methane share of biogas).
    case quantityAssumedEquivalent = "quantity.assumed-equivalent"
    case quantityUnitMismatch = "quantity.unit-mismatch"
    case quantityPowerWithoutHours = "quantity.power-without-hours"
    case quantityHoursRange = "quantity.hours-range"

    // Taxonomy files
    case taxonomyInvalid = "taxonomy.invalid"
    case taxonomyUnknownParent = "taxonomy.unknown-parent"
    case taxonomyUnknownTarget = "taxonomy.unknown-target"
    case taxonomyDuplicate = "taxonomy.duplicate"

    // Impact factor files
    case factorsInvalid = "factors.invalid"
    case factorsDuplicate = "factors.duplicate"
    case factorsUnknownResource = "factors.unknown-resource"
    case factorsUnitMismatch = "factors.unit-mismatch"

    // Activity files (typical flows by NAF code)
    case activitiesInvalid = "activities.invalid"
    case activitiesUnknownResource = "activities.unknown-resource"
    case activitiesUnitMismatch = "activities.unit-mismatch"
    case activitiesUnknownSource = "activities.unknown-source"

    // Matching
    case matchNoCoordinates = "match.no-coordinates"
    case matchDimensionMismatch = "match.dimension-mismatch"
    case matchExcludedProfile = "match.excluded-profile"
    /// A flow with errors, left out of matching while the firm's other flows are matched.
    case matchExcludedFlow = "match.excluded-flow"
}
