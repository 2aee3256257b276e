import SymbioseCore
import SymbioseTestSupport
import Testing

/// Each rule of `Validation/Rules/`, alone, on a profile with one fault: the code it reports
/// and the JSON path and line it points at.
@Suite struct ValidationRuleTests {
    /// A valid profile, one member per line, with `company`, `site`, one output and one input.
    static func profile(
        company: String = #""id": "acme", "name": "Acme", "naf": "25.62B", "siret": "73282932000074", "employees": 20"#,
        site: String = #""lat": 49.38, "lon": 3.32, "postcode": "02200""#,
        output: String =
            #""id": "scrap", "resource": "material.metal.steel-scrap", "quantity": {"value": 100, "unit": "t", "per": "year"}, "status": "waste", "ewc": "12 01 01""#,
        input: String =
            #""id": "heat", "resource": "heat.hot-water", "temperature": 60, "quantity": {"value": 2, "unit": "GWh", "per": "year"}"#
    ) -> String {
        """
        {"schema": "symbiose/profile@1",
        "company": {\(company)},
        "site": {\(site)},
        "outputs": [{\(output)}],
        "inputs": [{\(input)}]}
        """
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var rule: String
        var json: String
        var code: DiagnosticCode
        var path: String
        var line: Int
        var testDescription: String { "\(rule): \(code.rawValue) at \(path)" }
    }

    static let profileCases: [Case] = [
        Case(
            rule: "CompanyIdentifierRule", json: profile(company: #""id": "Acme Corp", "name": "Acme""#),
            code: .profileInvalidId, path: "$.company.id", line: 2),
        Case(
            rule: "TextFieldRule", json: profile(company: #""id": "acme", "name": "Acme\u0007 Corp""#),
            code: .valueControlCharacter, path: "$.company.name", line: 2),
        Case(
            rule: "TextFieldRule", json: profile(site: #""lat": 49.38, "lon": 3.32, "commune": "Soissons\nNord""#),
            code: .valueControlCharacter, path: "$.site.commune", line: 3),
        Case(
            rule: "TextFieldRule",
            json: profile(company: #""id": "acme", "name": ""# + String(repeating: "A", count: 301) + "\""),
            code: .valueTooLong, path: "$.company.name", line: 2),
        Case(
            rule: "CompanyNameRule", json: profile(company: #""id": "acme", "name": "  ""#),
            code: .valueInvalid, path: "$.company.name", line: 2),
        Case(
            rule: "ActivityCodeRule", json: profile(company: #""id": "acme", "name": "A", "naf": "2562B""#),
            code: .profileInvalidNAF, path: "$.company.naf", line: 2),
        Case(
            rule: "SIRETRule", json: profile(company: #""id": "acme", "name": "A", "siret": "73282932000075""#),
            code: .profileInvalidSIRET, path: "$.company.siret", line: 2),
        Case(
            rule: "EmployeesRule", json: profile(company: #""id": "acme", "name": "A", "employees": -3"#),
            code: .valueNegative, path: "$.company.employees", line: 2),
        Case(
            rule: "QuantityPlausibilityRule",
            json: profile(
                company: #""id": "sugar", "name": "Sugar", "naf": "10.81Z", "employees": 180"#,
                output:
                    #""id": "pulp", "resource": "material.food.beet-pulp", "quantity": {"value": 1e9, "unit": "t", "per": "year"}, "status": "by-product""#
            ),
            code: .quantityImplausible, path: "$.outputs[0].quantity", line: 4),
        Case(
            rule: "SiteCoordinatesRule", json: profile(site: #""lat": 149.38, "lon": 3.32"#),
            code: .profileCoordinatesOutOfRange, path: "$.site.lat", line: 3),
        Case(
            rule: "PostcodeRule", json: profile(site: #""lat": 49.38, "lon": 3.32, "postcode": "2200""#),
            code: .profileInvalidPostcode, path: "$.site.postcode", line: 3),
        Case(
            rule: "FlowsDeclaredRule",
            json: #"{"schema": "symbiose/profile@1", "company": {"id": "a", "name": "A"},"# + "\n" + #""site": {}}"#,
            code: .profileNoFlows, path: "$.company", line: 1),
        Case(
            rule: "DuplicateFlowRule",
            json: profile(input: #""id": "scrap", "resource": "heat.hot-water", "temperature": 60"#),
            code: .profileDuplicateFlow, path: "$.inputs[0].id", line: 5),
    ]

    static let flowCases: [Case] = [
        Case(
            rule: "FlowIdentifierRule",
            json: profile(output: #""id": "Scrap!", "resource": "material.metal.steel-scrap""#),
            code: .profileInvalidId, path: "$.outputs[0].id", line: 4),
        Case(
            rule: "ResourceCodeRule", json: profile(output: #""id": "s", "resource": "material.metal.steel-scarp""#),
            code: .profileUnknownResource, path: "$.outputs[0].resource", line: 4),
        Case(
            rule: "QuantityRule",
            json: profile(
                input:
                    #""id": "h", "resource": "heat.hot-water", "temperature": 60, "quantity": {"value": 2, "unit": "t", "per": "year"}"#
            ),
            code: .quantityUnitMismatch, path: "$.inputs[0].quantity.unit", line: 5),
        Case(
            rule: "OperatingHoursRule",
            json: profile(
                input:
                    #""id": "h", "resource": "heat.hot-water", "temperature": 60, "quantity": {"value": 2, "unit": "MW"}"#
            ),
            code: .quantityPowerWithoutHours, path: "$.inputs[0].quantity", line: 5),
        Case(
            rule: "TemperatureRule",
            json: profile(input: #""id": "h", "resource": "heat.hot-water", "temperature": -300"#),
            code: .valueInvalid, path: "$.inputs[0].temperature", line: 5),
        Case(
            rule: "WaterGradeRule",
            json: profile(input: #""id": "h", "resource": "heat.hot-water", "temperature": 60, "grade": "potable""#),
            code: .flowQualityNotApplicable, path: "$.inputs[0].grade", line: 5),
        Case(
            rule: "PurityRule",
            json: profile(output: #""id": "s", "resource": "material.metal.steel-scrap", "purity": 120"#),
            code: .flowPurityRange, path: "$.outputs[0].purity", line: 4),
        Case(
            rule: "ListOfWasteRule",
            json: profile(output: #""id": "s", "resource": "material.metal.steel-scrap", "ewc": "12 01""#),
            code: .flowInvalidEWC, path: "$.outputs[0].ewc", line: 4),
        Case(
            rule: "AvailabilityRule",
            json: profile(output: #""id": "s", "resource": "material.metal.steel-scrap", "months": [3, 3]"#),
            code: .flowDuplicateMonth, path: "$.outputs[0].months", line: 4),
        Case(
            rule: "FlowDirectionRule",
            json: profile(input: #""id": "h", "resource": "heat.hot-water", "temperature": 60, "status": "waste""#),
            code: .profileStatusOnInput, path: "$.inputs[0].status", line: 5),
        Case(
            rule: "CostRule",
            json: profile(
                input:
                    #""id": "h", "resource": "heat.hot-water", "temperature": 60, "price": {"value": 40, "currency": "eur", "unit": "MWh"}"#
            ),
            code: .valueInvalid, path: "$.inputs[0].price.currency", line: 5),
        Case(
            rule: "LoadShapeRule",
            json: profile(
                input: #""id": "h", "resource": "heat.hot-water", "temperature": 60, "monthShares": [1, 2, 3]"#),
            code: .flowInvalidMonthShares, path: "$.inputs[0].monthShares", line: 5),
        Case(
            rule: "MaxDistanceRule",
            json: profile(output: #""id": "s", "resource": "material.metal.steel-scrap", "maxDistanceKm": -5"#),
            code: .valueNegative, path: "$.outputs[0].maxDistanceKm", line: 4),
    ]

    private func diagnostics(_ json: String, rule: String) throws -> [Diagnostic] {
        let loaded = try #require(TestSupport.decodedJSON(json))
        let profileRules = ProfileValidator.profileRules.filter { "\(type(of: $0))" == rule }
        let flowRules = ProfileValidator.flowRules.filter { "\(type(of: $0))" == rule }
        try #require(profileRules.count + flowRules.count == 1, "\(rule) is registered once")
        let validator = ProfileValidator(
            taxonomy: TaxonomyFile.builtIn, profileRules: profileRules, flowRules: flowRules)
        return validator.validate(loaded)
    }

    @Test(arguments: profileCases + flowCases)
    func ruleReportsItsCodeAtTheField(_ example: Case) throws {
        let found = try diagnostics(example.json, rule: example.rule)
        let match = try #require(found.first { $0.code == example.code }, "\(found.map(\.code.rawValue))")
        #expect(match.location?.path == example.path)
        #expect(match.location?.line == example.line)
        #expect(match.location?.file == "rule.json")
    }

    @Test(arguments: profileCases + flowCases)
    func ruleIsSilentOnAValidProfile(_ example: Case) throws {
        #expect(try diagnostics(Self.profile(), rule: example.rule).isEmpty)
    }

    /// Text fields are measured in characters, not bytes, and a note may hold line breaks
    /// where a one-line field may not; the control character is named.
    @Test func textFieldsCountCharactersAndAllowBreaksInNotesOnly() throws {
        let accents = String(repeating: "é", count: 300)
        let name = #""id": "acme", "name": "\#(accents)""#
        #expect(try diagnostics(Self.profile(company: name), rule: "TextFieldRule").isEmpty)
        let withNote =
            #""id": "heat", "resource": "heat.hot-water", "temperature": 60, "note": "line one\r\n\tline two""#
        #expect(try diagnostics(Self.profile(input: withNote), rule: "TextFieldRule").isEmpty)
        let brokenText = #""id": "heat", "resource": "heat.hot-water", "temperature": 60, "resourceText": "hot\nwater""#
        let found = try diagnostics(Self.profile(input: brokenText), rule: "TextFieldRule")
        #expect(found.map(\.code) == [.valueControlCharacter])
        #expect(found.first?.location?.path == "$.inputs[0].resourceText")
        #expect(found.first?.text.en.contains("U+000A") == true)
        let tooLong = #""id": "acme", "name": "\#(accents)é""#
        #expect(try diagnostics(Self.profile(company: tooLong), rule: "TextFieldRule").map(\.code) == [.valueTooLong])
    }

    @Test func everyRuleHasACase() {
        let tested = Set((Self.profileCases + Self.flowCases).map(\.rule))
        let registered =
            ProfileValidator.profileRules.map { "\(type(of: $0))" }
            + ProfileValidator.flowRules.map { "\(type(of: $0))" }
        #expect(Set(registered) == tested)
        #expect(registered.count == tested.count)
    }
}
