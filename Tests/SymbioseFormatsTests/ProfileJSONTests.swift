import SymbioseCore
import SymbioseFormats
import SymbioseTestSupport
import Testing

@Suite struct ProfileJSONTests {
    private func decode(_ text: String) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        ProfileJSON.decode(Array(text.utf8), file: "t.json")
    }

    private let minimal = """
        {"schema": "symbiose/profile@1",
         "company": {"id": "a", "name": "A"},
         "site": {"lat": 49.1, "lon": 3.2},
         "outputs": [{"id": "o", "resource": "heat.steam", "temperature": 180,
                      "quantity": {"value": 20, "unit": "GWh", "per": "year"}, "months": [9, 10, 11, 12, 1]}]}
        """

    @Test func decodesTheIssueExample() throws {
        let result = decode(minimal)
        #expect(result.diagnostics.isEmpty)
        let profile = try #require(result.profiles.first?.profile)
        #expect(profile.company.id == "a")
        #expect(profile.site.latitude == 49.1)
        let flow = try #require(profile.outputs.first)
        #expect(flow.direction == .output)
        #expect(flow.quantity == Quantity(value: 20, unit: .gigawattHour, per: .year))
        #expect(flow.availability == .seasonal(months: [9, 10, 11, 12, 1]))
        #expect(flow.quality.temperature == 180)
    }

    @Test func recordsTheLineAndPathOfEveryField() throws {
        let loaded = try #require(decode(minimal).profiles.first)
        let unit = loaded.source.locate("outputs[0].quantity.unit")
        #expect(unit.line == 5)
        #expect(unit.path == "$.outputs[0].quantity.unit")
        #expect(loaded.source.locate("company.naf").path == "$.company")
    }

    @Test func fieldPathsFollowTheProfileInACollectionAndEscapeOddNames() throws {
        let text = """
            {"schema": "symbiose/profiles@1", "profiles": [
              {"company": {"id": "a", "name": "A"}, "site": {"lat": 49.1, "lon": 3.2}},
              {"company": {"id": "b", "name": "B", "my key": {"list": [1, 2]}},
               "site": {"lat": 49.2, "lon": 3.3}}]}
            """
        let loaded = decode(text).profiles
        #expect(loaded.count == 2)
        let second = try #require(loaded.last?.source)
        #expect(second.locate("company.name").path == "$.profiles[1].company.name")
        #expect(second.locate("company.name").line == 3)
        #expect(second.locate("company.my key.list[1]").path == #"$.profiles[1].company["my key"].list[1]"#)
        #expect(second.locate("site.lon").line == 4)
        #expect(second.locate("site.lon").column == 33)
    }

    @Test func structuralErrorsAreLocatedAndDropTheProfile() {
        let text = """
            {"schema": "symbiose/profile@1",
             "company": {"id": "a", "name": 7, "emploees": 3},
             "site": {"lat": "north"},
             "inputs": [{"id": "i", "resource": "water.process", "grade": "muddy",
                         "quantity": {"value": 1, "unit": "tonnes"}, "oneOff": "March", "months": [1.5]}]}
            """
        let result = decode(text)
        #expect(result.profiles.isEmpty)
        let byCode = Dictionary(grouping: result.diagnostics, by: \.code)
        #expect(byCode[.jsonType]?.count == 3)  // name, lat, month 1.5
        let unknown = byCode[.jsonUnknownField]?.first
        #expect(unknown?.location?.line == 2)
        #expect(unknown?.notes.first == "did you mean \"employees\"?")
        #expect(byCode[.valueInvalid]?.count == 3)  // grade, oneOff with months, oneOff format
        #expect(byCode[.quantityUnknownUnit]?.first?.notes.first == "did you mean \"t\"?")
        #expect(byCode[.quantityUnknownUnit]?.first?.location?.path == "$.inputs[0].quantity.unit")
    }

    @Test func missingAndWrongSchema() {
        #expect(decode("{}").diagnostics.map(\.code) == [.jsonMissingField])
        #expect(decode("{\"schema\": \"symbiose/profile@2\"}").diagnostics.map(\.code) == [.jsonSchema])
        #expect(decode("[]").diagnostics.map(\.code) == [.jsonType])
        #expect(decode("{\"schema\": ").diagnostics.map(\.code) == [.jsonMalformed])
    }

    @Test func collectionsLocateEachProfile() throws {
        let text = """
            {"schema": "symbiose/profiles@1", "profiles": [
              {"company": {"id": "a", "name": "A"}, "site": {}},
              {"company": {"id": "b", "name": "B"}, "site": {},
               "outputs": [{"id": "x", "resource": "water.rain"}]}
            ]}
            """
        let result = decode(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.profiles.map(\.profile.company.id) == ["a", "b"])
        #expect(result.profiles[1].source.locate("outputs[0].resource").path == "$.profiles[1].outputs[0].resource")
        #expect(result.profiles[1].source.locate("outputs[0].resource").line == 4)
    }

    @Test func everyDemoProfileRoundTripsThroughJSON() throws {
        for url in try TestSupport.demoFiles(extension: "json") {
            let original = try TestSupport.bytes(url)
            let first = ProfileJSON.decode(original, file: url.lastPathComponent)
            #expect(first.diagnostics.isEmpty, "\(url.lastPathComponent)")
            let profiles = first.profiles.map(\.profile)
            let encoded = ProfileJSON.encode(profiles)
            // The demo files are written by the encoder: reading and writing gives the same bytes.
            #expect(encoded == String(decoding: original, as: UTF8.self), "\(url.lastPathComponent)")
            #expect(ProfileJSON.decode(Array(encoded.utf8), file: "again").profiles.map(\.profile) == profiles)
        }
    }

    @Test func encodesEveryFieldAndReadsItBack() {
        let flow = Flow(
            id: "f", direction: .output, resource: "material.food.whey",
            quantity: Quantity(value: 12.5, unit: .cubicMetre, per: .week),
            quality: FlowQuality(
                temperature: 12, purity: 98.5, state: .liquid, hazardous: false, ewc: "02 05 01",
                contaminants: ["salt", "line\nbreak"]),
            availability: .oneOff(year: 2027, month: 3),
            disposalCost: Cost(value: 12, currency: "EUR", per: .cubicMetre),
            maxDistanceKm: 25, status: .byProduct, confidence: .measured, confidential: true, note: "Quote \" and é",
            outlet: .sold)
        let power = Flow(
            id: "p", direction: .input, resource: "heat.hot-water",
            quantity: Quantity(value: 2, unit: .megawatt, per: nil, hours: 4000),
            quality: FlowQuality(temperature: 80, medium: .water), availability: .seasonal(months: [12, 1, 2]),
            price: Cost(value: 45, per: .megawattHour))
        let grade = Flow(
            id: "w", direction: .input, resource: "water.process", quality: FlowQuality(waterGrade: .process))
        let profile = Profile(
            company: Company(id: "x", name: "X & Co", naf: "10.51C", siret: "73282932000074", employees: 3),
            site: Site(
                latitude: -0.5, longitude: 179.99, approximate: true, commune: "C", postcode: "02200", zone: "Z",
                address: "3 rue des Verriers, ZI Nord"),
            contact: Contact(name: "N", email: "n@example.org", phone: "+33"), outputs: [flow], inputs: [power, grade])
        let text = ProfileJSON.encode([profile])
        let back = ProfileJSON.decode(Array(text.utf8), file: "t.json")
        #expect(back.diagnostics.isEmpty)
        #expect(back.profiles.first?.profile == profile)
        let collection = ProfileJSON.encode([profile, profile])
        #expect(collection.contains("symbiose/profiles@1"))
    }
}

@Suite struct CollectionDecodingTests {
    /// A collection longer than one batch decodes the same on one thread or several, in order,
    /// with a faulty profile located by its index.
    @Test func longCollectionsDecodeInOrderWhateverTheThreads() throws {
        let profiles = TerritoryGenerator(sites: 2_100, seed: 4).generate()
        var text = ProfileJSON.encode(profiles, asCollection: true)
        // Break the 1,501st profile's company id.
        let target = "\"id\": \"\(profiles[1500].company.id)\""
        let range = try #require(text.range(of: target))
        text.replaceSubrange(range, with: "\"id\": 42")
        let bytes = Array(text.utf8)
        let alone = ProfileJSON.decode(bytes, file: "t.json", threads: 1)
        let split = ProfileJSON.decode(bytes, file: "t.json", threads: 3)
        #expect(alone.profiles.count == 2_099)
        #expect(alone.profiles.map(\.profile) == split.profiles.map(\.profile))
        #expect(alone.diagnostics == split.diagnostics)
        #expect(alone.profiles[1500].profile.company.id == profiles[1501].company.id)
        let error = try #require(alone.diagnostics.first { $0.severity == .error })
        #expect(error.location?.path == "$.profiles[1500].company.id")
    }
}

extension CollectionDecodingTests {
    /// A collection's profiles record their field locations only when asked for, by reading
    /// their text again: the same locations as recording the profile's node parsed whole.
    @Test func fieldsRecordedWhenAskedForAreThoseOfTheProfilesParsedWhole() throws {
        let generated = TerritoryGenerator(sites: 700, seed: 9).generate()
        let bytes = Array(ProfileJSON.encode(generated, asCollection: true).utf8)
        let root = try JSONParser.parse(bytes)
        guard case .object(let members) = root.value,
            case .array(let elements)? = members.first(where: { $0.key == "profiles" })?.value.value
        else {
            Issue.record("no profiles array")
            return
        }
        func sorted(_ fields: FieldLocations) -> [String] {
            fields.all.map { "\($0.key) \($0.location)" }.sorted()
        }
        for threads in [1, 3] {
            let read = ProfileJSON.decode(bytes, file: "t.json", threads: threads).profiles
            #expect(read.count == elements.count)
            var recorded = 0
            for (index, loaded) in read.enumerated() {
                let whole = FieldLocations.recording(elements[index], file: "t.json", pathBase: "$.profiles[\(index)]")
                #expect(loaded.source.fieldPathsExtendWhole)
                #expect(sorted(loaded.source.fields) == sorted(whole))
                #expect(loaded.source.fields.count == whole.count)
                recorded += whole.count
            }
            // Tens of fields a profile: the company, the site and each flow's members.
            #expect(recorded > 10 * read.count)
        }
        // Read again from a place that is not a value: no locations, the profile's own stands.
        let astray = DeferredJSONFields(
            text: CollectionText(bytes), span: (bytes.count - 1)..<bytes.count,
            position: TextPosition(line: 1, column: 1))
        let source = ProfileSource(file: "t.json", whole: SourceLocation(file: "t.json", path: "$"), deferred: astray)
        #expect(source.fields.isEmpty)
        #expect(source.locate("company.id") == source.whole)
    }
}

@Suite struct MonthSharesJSONTests {
    @Test func aWeightThatIsNotANumberIsLocated() {
        let text = """
            {"schema": "symbiose/profile@1", "company": {"id": "a", "name": "A"}, "site": {},
            "inputs": [{"id": "h", "resource": "heat.hot-water", "monthShares": [1, "two", 3]}]}
            """
        let decoded = ProfileJSON.decode(Array(text.utf8), file: "a.json")
        let problem = decoded.diagnostics.first { $0.code == .jsonType }
        #expect(problem?.location?.path == "$.inputs[0].monthShares[1]")
        #expect(problem?.message == "expected a number, found a string")
    }
}
