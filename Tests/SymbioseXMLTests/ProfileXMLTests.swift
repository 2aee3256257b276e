import Dispatch
import Foundation
import SymbioseCore
import SymbioseFormats
import SymbioseTestSupport
import SymbioseXML
import Testing

@Suite struct ProfileXMLTests {
    private func decode(_ text: String) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        ProfileXML.decode(Array(text.utf8), file: "t.xml")
    }

    private let example = """
        <profile xmlns="urn:symbiose:profile:1">
          <company id="tereos-bucy" name="Tereos" naf="10.81Z" employees="187"/>
          <site lat="49.3906" lon="3.3986" commune="Bucy-le-Long" postcode="02880" zone="CA GrandSoissons"/>
          <output id="lime-sludge" resource="material.food.lime-sludge" status="by-product" ewc="02 04 02">
            <quantity value="25000" unit="t" per="year"/><months>9 10 11 12 1</months>
          </output>
          <input id="steam" resource="heat.steam" temperature="180"><quantity value="20" unit="GWh" per="year"/></input>
        </profile>
        """

    @Test func decodesTheIssueExampleWithLines() throws {
        let result = decode(example)
        #expect(result.diagnostics.isEmpty)
        let loaded = try #require(result.profiles.first)
        #expect(loaded.profile.company.employees == 187)
        #expect(loaded.profile.outputs.first?.status == .byProduct)
        #expect(loaded.profile.outputs.first?.availability == .seasonal(months: [9, 10, 11, 12, 1]))
        #expect(loaded.profile.inputs.first?.quantity == Quantity(value: 20, unit: .gigawattHour, per: .year))
        let steam = loaded.source.locate("inputs[0].temperature")
        #expect(steam.line == 7)
        #expect(steam.path == "/profile/input/@temperature")
        #expect(loaded.source.locate("outputs[0].months").line == 5)
    }

    @Test func schemaViolationsAreLocated() {
        let text = example.replacingOccurrences(of: "temperature=\"180\"", with: "temperature=\"hot\" colour=\"red\"")
        let result = decode(text)
        #expect(result.profiles.isEmpty)
        #expect(result.diagnostics.count == 2)
        #expect(result.diagnostics.allSatisfy { $0.code == .xmlSchema && $0.location?.line == 7 })
        #expect(result.diagnostics.contains { $0.message.contains("'colour'") && !$0.message.contains("urn:") })
    }

    @Test func anAttributeFloodIsRefusedBeforeLibxml2() {
        // libxml2 is quadratic in an element's attributes: 100,000 took two minutes.
        let attributes = (0..<100_000).map { "a\($0)=\"x\"" }.joined(separator: " ")
        let flood = """
            <profile xmlns="urn:symbiose:profile:1">
              <company id="a" name="A" \(attributes)/>
            </profile>
            """
        let (profiles, diagnostics) = ProfileXML.decode(Array(flood.utf8), file: "f.xml")
        #expect(profiles.isEmpty)
        #expect(diagnostics.map(\.code) == [.xmlTooManyAttributes])
        #expect(diagnostics.first?.location?.line == 2)
        // Equals signs in comments, text and attribute values are not attributes.
        let quiet = """
            <profile xmlns="urn:symbiose:profile:1"><!-- \(String(repeating: "a=b ", count: 200)) -->
              <company id="a" name="\(String(repeating: "=", count: 200))"/>
              <site lat="49" lon="3"/>
            </profile>
            """
        #expect(
            !ProfileXML.decode(Array(quiet.utf8), file: "q.xml").diagnostics.contains {
                $0.code == .xmlTooManyAttributes
            })
    }

    @Test func wrongRootOrNamespace() {
        #expect(decode("<profile/>").diagnostics.map(\.code) == [.xmlNamespace])
        #expect(decode("<other xmlns=\"urn:symbiose:profile:1\"/>").diagnostics.map(\.code) == [.xmlNamespace])
    }

    // MARK: Hostile input

    @Test func billionLaughsIsRejectedAtTheDoctypeWithoutExpansion() throws {
        let bytes = try TestSupport.bytes(TestSupport.fixture("invalid/xml-doctype.xml"))
        let start = DispatchTime.now()
        let result = ProfileXML.decode(bytes, file: "lol.xml")
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        #expect(result.diagnostics.map(\.code) == [.xmlDoctype])
        #expect(result.diagnostics.first?.location?.line == 2)
        #expect(result.profiles.isEmpty)
        // Not a timing assertion on the machine's speed: expanding would take minutes and gigabytes.
        #expect(elapsed < 30)
    }

    @Test func externalEntitiesAreNeverRead() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE profile [ <!ENTITY secret SYSTEM "file:///etc/hostname"> ]>
            <profile xmlns="urn:symbiose:profile:1"><company id="x" name="&secret;"/><site/></profile>
            """
        let result = decode(text)
        #expect(result.diagnostics.map(\.code) == [.xmlDoctype])
        #expect(result.profiles.isEmpty)
        let external = decode(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE profile SYSTEM \"http://example.org/p.dtd\">\n<profile xmlns=\"urn:symbiose:profile:1\"/>"
        )
        #expect(external.diagnostics.map(\.code) == [.xmlDoctype])
    }

    @Test func deepNestingFailsFast() {
        let text = "<profile xmlns=\"urn:symbiose:profile:1\">" + String(repeating: "<a>", count: 100_000)
        #expect(decode(text).diagnostics.map(\.code) == [.xmlTooDeep])
    }

    @Test func emptyTruncatedAndJunkInputGiveClearErrors() {
        #expect(decode("").diagnostics.map(\.code) == [.inputEmpty])
        let truncated = decode(String(example.prefix(200)))
        #expect(truncated.diagnostics.map(\.code) == [.xmlMalformed])
        #expect(truncated.diagnostics.first?.location?.line != nil)
        let junk = ProfileXML.decode(
            (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) | 1 }, file: "junk.xml")
        #expect(junk.diagnostics.count == 1)
        #expect(junk.profiles.isEmpty)
        #expect(decode("<profile xmlns=\"urn:symbiose:profile:1\"></prof>").diagnostics.map(\.code) == [.xmlMalformed])
    }

    @Test func encodingsAreRespectedOrRejected() throws {
        let latin1 = Array(
            example.replacingOccurrences(of: "name=\"Tereos\"", with: "name=\"Sucrerie é\"").utf8)
        // Declared as ISO-8859-1 and encoded so: accepted and decoded.
        let header = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n".utf8)
        let declared =
            header
            + Array(String(decoding: latin1, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        let result = ProfileXML.decode(declared, file: "latin1.xml")
        #expect(result.diagnostics.isEmpty)
        #expect(result.profiles.first?.profile.company.name == "Sucrerie é")
        // The same bytes without the declaration are not UTF-8.
        let undeclared = Array(declared.dropFirst(header.count))
        #expect(ProfileXML.decode(undeclared, file: "latin1.xml").diagnostics.map(\.code) == [.inputEncoding])
    }

    @Test func decodingFromSeveralThreadsKeepsErrorsApart() throws {
        let good = Array(example.utf8)
        let bad = Array(example.replacingOccurrences(of: "temperature=\"180\"", with: "temperature=\"hot\"").utf8)
        final class Results: @unchecked Sendable {
            var values = [Int](repeating: -1, count: 64)
            let lock = NSLock()
        }
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            let count = ProfileXML.decode(index.isMultiple(of: 2) ? good : bad, file: "t\(index).xml").diagnostics.count
            results.lock.lock()
            results.values[index] = count
            results.lock.unlock()
        }
        for (index, count) in results.values.enumerated() {
            #expect(count == (index.isMultiple(of: 2) ? 0 : 1), "file \(index)")
        }
    }

    // MARK: Round trip

    @Test func demoTerritoryRoundTripsXMLToJSONToXMLToJSON() throws {
        for url in try TestSupport.demoFiles() {
            let bytes = try TestSupport.bytes(url)
            let profiles =
                url.pathExtension == "xml"
                ? ProfileXML.decode(bytes, file: url.path).profiles.map(\.profile)
                : ProfileJSON.decode(bytes, file: url.path).profiles.map(\.profile)
            #expect(profiles.count == 1, "\(url.lastPathComponent)")
            let xml1 = ProfileXML.encode(profiles)
            let json1 = ProfileJSON.encode(ProfileXML.decode(Array(xml1.utf8), file: "x1").profiles.map(\.profile))
            let xml2 = ProfileXML.encode(ProfileJSON.decode(Array(json1.utf8), file: "j1").profiles.map(\.profile))
            let json2 = ProfileJSON.encode(ProfileXML.decode(Array(xml2.utf8), file: "x2").profiles.map(\.profile))
            #expect(xml1 == xml2, "\(url.lastPathComponent)")
            #expect(json1 == json2, "\(url.lastPathComponent)")
            #expect(ProfileJSON.decode(Array(json2.utf8), file: "j2").profiles.map(\.profile) == profiles)
            if url.pathExtension == "xml" {
                #expect(xml1 == String(decoding: bytes, as: UTF8.self), "\(url.lastPathComponent) is in canonical form")
            }
        }
    }

    @Test func escapesTextAndAttributes() throws {
        var profile = Profile(
            company: Company(id: "x", name: "A & B <\"quoted\">"), site: Site(address: "2 rue <Haute> & \"Basse\""),
            outputs: [
                Flow(
                    id: "f", direction: .output, resource: "water.rain",
                    quality: FlowQuality(contaminants: ["a < b", "tab\there"]), note: "line one\nline two & more")
            ])
        profile.company.naf = "10.81Z"
        let xml = ProfileXML.encode([profile])
        let back = ProfileXML.decode(Array(xml.utf8), file: "e.xml")
        #expect(back.diagnostics.isEmpty)
        #expect(back.profiles.first?.profile == profile)
        let collection = ProfileXML.encode([profile, profile], asCollection: true)
        #expect(ProfileXML.decode(Array(collection.utf8), file: "c.xml").profiles.count == 2)
    }
}

@Suite struct GroupAndPartnerTests {
    /// The fields added for the shortlist and for monthly shapes read back from both formats.
    @Test(arguments: ["xml", "json"])
    func groupPartnerPlannedOutletAndMonthlySharesReadBack(format: String) throws {
        var profile = TestSupport.sampleProfile()
        profile.company.group = "Groupe Acme"
        profile.outputs[0].existingPartner = "recycler"
        profile.outputs[0].planned = true
        profile.outputs[0].outlet = .anaerobicDigestion
        profile.inputs[0].monthShares = [16, 14, 12, 9, 5, 2, 1, 1, 3, 8, 12, 16]
        let back =
            format == "xml"
            ? ProfileXML.decode(Array(ProfileXML.encode([profile]).utf8), file: "a")
            : ProfileJSON.decode(Array(ProfileJSON.encode([profile]).utf8), file: "a")
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics.map(\.rendered))")
        #expect(back.profiles.first?.profile == profile)
    }
}
