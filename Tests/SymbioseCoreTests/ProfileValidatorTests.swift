import SymbioseCore
import SymbioseTestSupport
import Testing

@Suite struct ProfileValidatorTests {
    let validator = ProfileValidator(taxonomy: TaxonomyFile.builtIn)

    private func codes(_ profile: Profile) -> [DiagnosticCode] {
        validator.validate([TestSupport.loaded(profile)]).map(\.code)
    }

    private func codes(_ change: (inout Profile) -> Void) -> [DiagnosticCode] {
        var profile = TestSupport.sampleProfile()
        change(&profile)
        return codes(profile)
    }

    @Test func sampleProfileIsClean() {
        #expect(codes(TestSupport.sampleProfile()).isEmpty)
    }

    @Test func companyRules() {
        #expect(codes { $0.company.id = "Acme Corp" } == [.profileInvalidId])
        #expect(codes { $0.company.name = "  " } == [.valueInvalid])
        #expect(codes { $0.company.naf = "2562B" } == [.profileInvalidNAF])
        #expect(codes { $0.company.naf = "25.62" }.isEmpty)  // NACE form
        #expect(codes { $0.company.naf = "25.62b" } == [.profileInvalidNAF])
        #expect(codes { $0.company.siret = "73282932000074" }.isEmpty)
        #expect(codes { $0.company.siret = "73282932000075" } == [.profileInvalidSIRET])
        #expect(codes { $0.company.siret = "7328293200007" } == [.profileInvalidSIRET])
        #expect(codes { $0.company.employees = -3 } == [.valueNegative])
    }

    @Test func siteRules() {
        #expect(
            codes {
                $0.site.latitude = nil; $0.site.longitude = nil
            } == [.profileMissingCoordinates])
        #expect(
            validator.validate([
                TestSupport.loaded(
                    {
                        var p = TestSupport.sampleProfile()
                        p.site = Site()
                        return p
                    }())
            ]).first?.severity == .warning)
        #expect(codes { $0.site.longitude = nil } == [.profileMissingCoordinates])
        #expect(codes { $0.site.latitude = 91 } == [.profileCoordinatesOutOfRange])
        #expect(codes { $0.site.longitude = -180.5 } == [.profileCoordinatesOutOfRange])
        #expect(codes { $0.site.latitude = .nan } == [.valueNotFinite])
        #expect(codes { $0.site.postcode = "2200" } == [.profileInvalidPostcode])
        #expect(codes { $0.site.postcode = "2A004" }.isEmpty)
        #expect(
            codes {
                $0.outputs = []; $0.inputs = []
            } == [.profileNoFlows])
    }

    @Test func resourceCodesAreKnownWithSuggestions() throws {
        let diagnostics = validator.validate([
            TestSupport.loaded(
                {
                    var p = TestSupport.sampleProfile()
                    p.outputs[0].resource = "material.metal.steel-scarp"
                    return p
                }())
        ])
        let unknown = try #require(diagnostics.first)
        #expect(unknown.code == .profileUnknownResource)
        #expect(unknown.notes.first?.contains("material.metal.steel-scrap") == true)
    }

    @Test func quantityRules() {
        #expect(codes { $0.outputs[0].quantity?.value = -1 } == [.valueNegative])
        #expect(codes { $0.outputs[0].quantity?.value = .infinity } == [.valueNotFinite])
        #expect(codes { $0.outputs[0].quantity?.unit = .megawattHour } == [.quantityUnitMismatch])
        #expect(codes { $0.inputs[0].quantity = Quantity(value: 2, unit: .tonne) } == [.quantityUnitMismatch])
        #expect(
            codes { $0.inputs[0].quantity = Quantity(value: 2, unit: .megawatt, per: nil) } == [
                .quantityPowerWithoutHours
            ])
        #expect(
            codes { $0.inputs[0].quantity = Quantity(value: 2, unit: .megawatt, per: nil, hours: 9000) } == [
                .quantityHoursRange
            ])
        #expect(codes { $0.inputs[0].quantity = Quantity(value: 2, unit: .megawatt, per: nil, hours: 4000) }.isEmpty)
        #expect(
            codes { $0.inputs[0].quantity = Quantity(value: 2, unit: .megawattHour, hours: 4000) } == [
                .quantityHoursRange
            ])
        // Tonnes of steam are fine: the taxonomy declares a conversion. Tonnes of electricity are not.
        #expect(
            codes {
                $0.inputs[0].resource = "heat.steam"; $0.inputs[0].quantity = Quantity(value: 9, unit: .tonne)
            }.isEmpty)
        #expect(
            codes {
                $0.inputs[0] = Flow(
                    id: "power", direction: .input, resource: "energy.electricity",
                    quantity: Quantity(value: 9, unit: .tonne))
            } == [.quantityUnitMismatch])
        // Water in tonnes: density declared.
        #expect(
            codes {
                $0.inputs[0] = Flow(
                    id: "water", direction: .input, resource: "water.process",
                    quantity: Quantity(value: 9, unit: .tonne))
            }.isEmpty)
    }

    @Test func missingQuantityIsAWarnedDataGap() {
        let diagnostics = validator.validate([
            TestSupport.loaded(
                {
                    var p = TestSupport.sampleProfile()
                    p.outputs[0].quantity = nil
                    return p
                }())
        ])
        #expect(diagnostics.map(\.code) == [.flowMissingQuantity])
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func qualityRules() {
        #expect(codes { $0.inputs[0].quality.temperature = nil } == [.flowHeatWithoutTemperature])
        #expect(codes { $0.inputs[0].quality.temperature = -300 } == [.valueInvalid])
        #expect(codes { $0.outputs[0].quality.medium = .steam } == [.flowQualityNotApplicable])
        #expect(codes { $0.outputs[0].quality.waterGrade = .process } == [.flowQualityNotApplicable])
        #expect(codes { $0.outputs[0].quality.purity = 101 } == [.flowPurityRange])
        #expect(codes { $0.outputs[0].quality.purity = 100 }.isEmpty)
    }

    @Test func wasteCodeRules() {
        #expect(codes { $0.outputs[0].quality.ewc = "120101" } == [.flowInvalidEWC])
        #expect(codes { $0.outputs[0].quality.ewc = "12 01 01 " } == [.flowInvalidEWC])
        #expect(codes { $0.outputs[0].quality.hazardous = true } == [.flowHazardMismatch])
        let hazardousSwarf = codes { (profile: inout Profile) in
            profile.outputs[0].resource = "material.metal.swarf"
            profile.outputs[0].quality.ewc = "12 01 18*"
            profile.outputs[0].quality.hazardous = false
        }
        #expect(hazardousSwarf == [.flowHazardMismatch])
        let markedSwarf = codes { (profile: inout Profile) in
            profile.outputs[0].resource = "material.metal.swarf"
            profile.outputs[0].quality.ewc = "12 01 18*"
            profile.outputs[0].quality.hazardous = true
        }
        #expect(markedSwarf.isEmpty)
        #expect(codes { $0.outputs[0].quality.ewc = "02 04 02" } == [.flowEWCNotListed])
    }

    @Test func timeRules() {
        #expect(codes { $0.outputs[0].availability = .seasonal(months: [9, 10, 11, 12, 1]) }.isEmpty)
        #expect(
            codes { $0.outputs[0].availability = .seasonal(months: [0, 13]) } == [.flowInvalidMonth, .flowInvalidMonth])
        #expect(codes { $0.outputs[0].availability = .seasonal(months: []) } == [.flowInvalidMonth])
        #expect(codes { $0.outputs[0].availability = .seasonal(months: [3, 3]) } == [.flowDuplicateMonth])
        #expect(codes { $0.outputs[0].availability = .oneOff(year: 2027, month: 3) } == [.flowOneOffPeriod])
        let oneOff = codes { (profile: inout Profile) in
            profile.outputs[0].availability = .oneOff(year: 2027, month: 3)
            profile.outputs[0].quantity?.period = .once
        }
        #expect(oneOff.isEmpty)
        let badMonth = codes { (profile: inout Profile) in
            profile.outputs[0].availability = .oneOff(year: 2027, month: 14)
            profile.outputs[0].quantity?.period = .once
        }
        #expect(badMonth == [.flowInvalidMonth])
        #expect(codes { $0.outputs[0].quantity?.period = .once } == [.flowOneOffPeriod])
    }

    @Test func directionRules() {
        #expect(codes { $0.inputs[0].status = .waste } == [.profileStatusOnInput])
        #expect(codes { $0.outputs[0].price = Cost(value: 10, per: .tonne) } == [.profileCostDirection])
        #expect(codes { $0.inputs[0].disposalCost = Cost(value: 10, per: .megawattHour) } == [.profileCostDirection])
        #expect(codes { $0.inputs[0].price = Cost(value: 45, per: .megawattHour) }.isEmpty)
        #expect(codes { $0.inputs[0].price = Cost(value: 45, per: .tonne) } == [.quantityUnitMismatch])
        #expect(codes { $0.inputs[0].price = Cost(value: 45, currency: "euro", per: .megawattHour) } == [.valueInvalid])
        #expect(codes { $0.inputs[0].maxDistanceKm = -5 } == [.valueNegative])
    }

    @Test func duplicateIds() {
        #expect(codes { $0.inputs[0].id = "scrap" } == [.profileDuplicateFlow])
        let a = TestSupport.loaded(TestSupport.sampleProfile(id: "twin"), file: "a.json")
        let b = TestSupport.loaded(TestSupport.sampleProfile(id: "twin"), file: "b.json")
        let diagnostics = validator.validate([a, b])
        #expect(diagnostics.map(\.code) == [.profileDuplicateCompany])
        #expect(diagnostics.first?.location?.file == "b.json")
        #expect(diagnostics.first?.notes.first?.contains("a.json") == true)
    }

    @Test func locationsComeFromTheSourceMap() {
        var profile = TestSupport.sampleProfile()
        profile.outputs[0].quantity?.unit = .megawattHour
        let source = ProfileSource(
            file: "f.json", whole: SourceLocation(file: "f.json", line: 1),
            fields: [
                "outputs[0]": SourceLocation(file: "f.json", line: 10, column: 5, path: "$.outputs[0]"),
                "outputs[0].quantity": SourceLocation(
                    file: "f.json", line: 12, column: 19, path: "$.outputs[0].quantity"),
            ])
        let diagnostic = validator.validate([LoadedProfile(profile: profile, source: source)]).first
        // quantity.unit is not recorded: the nearest recorded parent is used.
        #expect(diagnostic?.location?.line == 12)
        #expect(diagnostic?.location?.path == "$.outputs[0].quantity")
    }

    @Test func identifierHelpers() {
        #expect(ProfileValidator.isValidIdentifier("tereos-bucy"))
        #expect(ProfileValidator.isValidIdentifier("a.b_c-1"))
        #expect(!ProfileValidator.isValidIdentifier("-a"))
        #expect(!ProfileValidator.isValidIdentifier(""))
        #expect(!ProfileValidator.isValidIdentifier(String(repeating: "a", count: 65)))
        #expect(EWCCode.isWellFormed("02 04 02"))
        #expect(EWCCode.isWellFormed("13 02 05*"))
        #expect(!EWCCode.isWellFormed("13 02 05**"))
        #expect(EWCCode.isHazardous("13 02 05*"))
    }

    @Test func diagnosticsRenderWithoutZeroLocations() {
        let located = Diagnostic.error(
            .xmlSchema, LocalizedText(en: "bad", fr: "mauvais"), at: SourceLocation(file: "a.xml", line: 4))
        #expect(located.rendered == "a.xml:4: error: bad [xml.schema]")
        let fileOnly = Diagnostic.error(
            .inputEmpty, LocalizedText(en: "empty", fr: "vide"), at: SourceLocation(file: "a.xml", line: 0, column: 0))
        #expect(fileOnly.rendered == "a.xml: error: empty [input.empty]")
    }
}
