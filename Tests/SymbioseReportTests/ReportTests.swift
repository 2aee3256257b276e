import Foundation
import SymbioseCore
import SymbioseReport
import SymbioseTestSupport
import Testing

@Suite struct ReportTests {
    let taxonomy = TaxonomyFile.builtIn

    private func demo() throws -> (profiles: [Profile], result: MatchResult, diagnostics: [Diagnostic]) {
        let (loaded, diagnostics) = try TestSupport.demoProfiles()
        let result = MatchPipeline(taxonomy: taxonomy).run(loaded, validation: diagnostics)
        return (loaded.map(\.profile), result, diagnostics)
    }

    private func html(anonymize: Bool, language: Language, company: CompanyID? = nil) throws -> String {
        let (profiles, result, diagnostics) = try demo()
        let presentation = Presentation(companies: profiles.map(\.company.id), anonymize: anonymize, language: language)
        var report = HTMLReport(
            profiles: profiles, result: result, validation: diagnostics, taxonomy: taxonomy, settings: .default,
            presentation: presentation, company: company)
        let (plan, network) = TestSupport.plan(result, profiles: profiles)
        report.impacts = ImpactCalculator.impacts(of: result.synergies, calculator: TestSupport.calculator(profiles))
        report.plan = (plan, network, FactorsFile.builtIn)
        return report.render()
    }

    @Test(arguments: [(false, Language.fr), (false, .en), (true, .fr), (true, .en)])
    func htmlIsSelfContainedAndAnonymised(anonymize: Bool, language: Language) throws {
        let text = try html(anonymize: anonymize, language: language)
        // Nothing outside the file: no external src, href or url( reference.
        for pattern in ["src=", "href=", "url(http", "url(//", "@import", "<script", "<link"] {
            #expect(!text.contains(pattern), "\(pattern)")
        }
        #expect(text.contains("url(#arrow)"))
        #expect(text.contains("<svg"))
        if anonymize {
            for profile in try demo().profiles {
                #expect(!text.contains(profile.company.id.rawValue), "\(profile.company.id)")
                #expect(!text.contains(profile.company.name), "\(profile.company.name)")
            }
            #expect(!text.contains("Verallia"))
            #expect(!text.contains("jane.doe"))
            #expect(text.contains(language == .fr ? "Entreprise A" : "Company A"))
            // Nothing a local would recognise a plant by: no NAF code, no telling stream, no
            // furnace temperature, no exact distance.
            #expect(!text.contains("NAF "))
            let cullet = language == .fr ? "calcin" : "glass cullet"
            #expect(!text.contains("\">\(cullet)<") && !text.contains("(\(cullet)"))
            #expect(!text.contains("450 °C"))
            #expect(!text.contains("3,7 km") && !text.contains("3.7 km"))
        } else {
            #expect(text.contains("NAF 23.13Z"))
            #expect(text.contains("450 °C"))
        }
    }

    @Test func theDenseCoreIsDrawnAgainAsAnInset() throws {
        // The demo's Soissons core crowds 18 firms into a few centimetres of the map.
        let french = try html(anonymize: false, language: .fr)
        #expect(french.contains("Encart : les 18 entreprises du cœur dense"))
        #expect(french.components(separatedBy: "class=\"map\"").count == 3)  // the map and its inset
        #expect(french.contains(">encart</text>"))
        // Six firms spread over a territory crowd nothing: no inset.
        let sample = try OutputFormat.html.render(SampleReport.report(.synergies, language: .en))
        #expect(!sample.contains("Inset:"))
    }

    @Test func anonymisedPositionsSnapToAGrid() {
        let presentation = Presentation(companies: [], anonymize: true, language: .en)
        let grid = Presentation.anonymisedGridDegrees
        let place = presentation.place(GeoPoint(latitude: 49.3906, longitude: 3.3986))
        #expect(abs(place.latitude - 49.4) < 1e-9 && abs(place.longitude - 3.4) < 1e-9)
        #expect(abs((place.latitude / grid).rounded() * grid - place.latitude) < 1e-9)
        #expect(presentation.distance(3.7) == 5 && presentation.distance(12.1) == 15)
        #expect(presentation.resource("material.glass.cullet") == "material.glass")
        let plain = Presentation(companies: [], anonymize: false, language: .en)
        #expect(plain.distance(3.7) == 3.7 && plain.resource("material.glass.cullet") == "material.glass.cullet")
    }

    @Test func companySheetAlone() throws {
        let text = try html(anonymize: false, language: .fr, company: "verallia-cuffies")
        #expect(text.contains("Verallia France"))
        #expect(text.contains("Ce que vous pourriez donner"))
        #expect(!text.contains("<svg"))
        #expect(text.components(separatedBy: "<section class=\"sheet").count == 2)
    }

    @Test func namesAreEscaped() throws {
        let hostile = "<script>&\"'"
        let profiles = [
            MatchFixture.profile(
                "evil", at: MatchFixture.point(northKm: 0),
                outputs: [MatchFixture.output("c", "material.paper.cardboard", Quantity(value: 50, unit: .tonne))]),
            MatchFixture.profile(
                "mill", at: MatchFixture.point(northKm: 3),
                inputs: [MatchFixture.input("f", "material.paper.fibre", Quantity(value: 500, unit: .tonne))]),
        ].map { loaded -> LoadedProfile in
            var copy = loaded
            if copy.profile.company.id == "evil" { copy.profile.company.name = hostile }
            return copy
        }
        let result = MatchPipeline(taxonomy: taxonomy).run(profiles)
        let presentation = Presentation(companies: ["evil", "mill"], anonymize: false, language: .en)
        let text = HTMLReport(
            profiles: profiles.map(\.profile), result: result, validation: [], taxonomy: taxonomy, settings: .default,
            presentation: presentation
        ).render()
        #expect(!text.contains(hostile))
        #expect(text.contains("&lt;script&gt;&amp;\"'") || text.contains("&lt;script&gt;&amp;&quot;&#39;"))
        let graphml = GraphMLRenderer.render(
            result.synergies, profiles: profiles.map(\.profile), presentation: presentation)
        #expect(!graphml.contains(hostile))
        let geojson = GeoJSONRenderer.render(
            result.synergies, profiles: profiles.map(\.profile), taxonomy: taxonomy, presentation: presentation)
        #expect(geojson.contains("\"<script>&\\\"'\""))
        // Markdown renders the name as text: no raw HTML, no broken table, no emphasis.
        var markdownProfiles = profiles
        markdownProfiles[0].profile.company.name = "<b>Evil</b> | *co*\nrow"
        let markdownResult = MatchPipeline(taxonomy: taxonomy).run(markdownProfiles)
        let markdown = SynergyMarkdown.render(
            markdownResult.synergies, result: markdownResult, taxonomy: taxonomy, language: .en)
        #expect(!markdown.contains("<b>") && !markdown.contains("*co*") && !markdown.contains("\nrow"))
        #expect(markdown.contains("&lt;b&gt;Evil&lt;/b&gt; \\| \\*co\\* row"))
        let row = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| 1 |") })
        #expect(row.hasSuffix("|"))
    }

    @Test func geoJSONIsValidRFC7946() throws {
        let (profiles, result, _) = try demo()
        for anonymize in [false, true] {
            let presentation = Presentation(companies: profiles.map(\.company.id), anonymize: anonymize, language: .en)
            let text = GeoJSONRenderer.render(
                result.synergies, profiles: profiles, taxonomy: taxonomy, presentation: presentation)
            let root = try JSONParser.parse(Array(text.utf8))
            try GeoJSONCheck.featureCollection(root)
        }
    }

    @Test func quantityBandsAndPseudonyms() {
        #expect(Presentation.band(150) == (100, 200))
        #expect(Presentation.band(3000) == (2000, 5000))
        #expect(Presentation.band(1000) == (1000, 2000))
        #expect(Presentation.band(0.7) == (0.5, 1))
        let presentation = Presentation(companies: ["b", "a", "c"], anonymize: true, language: .fr)
        #expect(presentation.name(id: "a", name: "Alpha") == "Entreprise A")
        #expect(presentation.name(id: "c", name: "Gamma") == "Entreprise C")
        #expect(presentation.id("b") == "firm-b")
        let many = Presentation(
            companies: (0..<30).map { CompanyID(String(format: "c%02d", $0)) }, anonymize: true, language: .en)
        #expect(many.name(id: "c27", name: "x") == "Company AB")
    }
}

/// Checks the parts of RFC 7946 a consumer relies on.
enum GeoJSONCheck {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func featureCollection(_ node: JSONNode) throws {
        guard case .object(let members) = node.value,
            members.first(where: { $0.key == "type" })?.value.value == .string("FeatureCollection"),
            case .array(let features)? = members.first(where: { $0.key == "features" })?.value.value
        else { throw Failure(description: "not a FeatureCollection") }
        for feature in features {
            guard case .object(let f) = feature.value,
                f.first(where: { $0.key == "type" })?.value.value == .string("Feature"),
                let geometry = f.first(where: { $0.key == "geometry" })?.value,
                f.contains(where: { $0.key == "properties" })
            else { throw Failure(description: "not a Feature") }
            if case .null = geometry.value { continue }
            try self.geometry(geometry)
        }
    }

    static func position(_ node: JSONNode) throws -> (Double, Double) {
        guard case .array(let values) = node.value, values.count == 2,
            case .number(let lon) = values[0].value, case .number(let lat) = values[1].value
        else { throw Failure(description: "bad position") }
        // Longitude first: the demo lies near 3° E, 49° N.
        guard (-180...180).contains(lon), (-90...90).contains(lat), lon < 10, lat > 40 else {
            throw Failure(description: "position not [lon, lat]: \(lon), \(lat)")
        }
        return (lon, lat)
    }

    static func geometry(_ node: JSONNode) throws {
        guard case .object(let g) = node.value,
            case .string(let type)? = g.first(where: { $0.key == "type" })?.value.value,
            let coordinates = g.first(where: { $0.key == "coordinates" })?.value
        else { throw Failure(description: "bad geometry") }
        switch type {
        case "Point": _ = try position(coordinates)
        case "LineString", "MultiPoint":
            guard case .array(let list) = coordinates.value, list.count >= (type == "LineString" ? 2 : 1) else {
                throw Failure(description: "bad \(type)")
            }
            for item in list { _ = try position(item) }
        case "Polygon":
            guard case .array(let rings) = coordinates.value, case .array(let exterior)? = rings.first?.value else {
                throw Failure(description: "bad Polygon")
            }
            let points = try exterior.map(position)
            guard points.count >= 4, points.first! == points.last! else {
                throw Failure(description: "ring not closed")
            }
            // Right-hand rule: the exterior ring is counterclockwise (positive signed area).
            var area = 0.0
            for i in 0..<(points.count - 1) { area += points[i].0 * points[i + 1].1 - points[i + 1].0 * points[i].1 }
            guard area > 0 else { throw Failure(description: "exterior ring is clockwise") }
        default:
            throw Failure(description: "unexpected geometry \(type)")
        }
    }
}
