import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseEngine
import SymbioseServer
import SymbioseSpreadsheet
import SymbioseStore
import Testing

/// A run from the browser or the API takes the options of `symbiose match` and `plan`, keeps
/// them, and renders every download with them.
@Suite struct RunOptionsTests {
    @Test func optionsPostedFromTheTerritoryPageAreKeptAndShapeTheResults() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            // Acme and Bolt are about 3 km apart: a 1 km envelope leaves no synergy.
            let fields = [
                ("maxDistanceKm", "1"), ("poolRadiusKm", ""), ("minMembers", "2"), ("perNeed", "3"),
                ("perRelease", "10"), ("weights", ""), ("transport", "rail"), ("objective", "volume"),
                ("include", "existing"),
            ]
            #expect(try await anne.post(client, "\(territory)/runs", fields).status == .seeOther)
            let run = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            let options = try #require(RunOptions(json: run.outputs.options))
            #expect(options.maxDistanceKm == 1 && options.perNeed == 3 && options.transport == .rail)
            #expect(options.objective == .volume && options.include == [.existing])
            #expect(!run.outputs.recommendations.contains("\"acme\""))
            #expect(!(try await anne.get(client, "\(territory)/synergies.csv").text.contains("acme")))
            // The page offers the options of the last run again.
            let page = try await anne.get(client, territory).text
            #expect(page.contains(#"name="maxDistanceKm" value="1""#))
            #expect(page.contains(#"<option value="rail" selected>"#))
            #expect(page.contains(#"name="include" value="existing" checked"#))

            let wide = [("maxDistanceKm", "50,5")] + fields.dropFirst()
            #expect(try await anne.post(client, "\(territory)/runs", Array(wide)).status == .seeOther)
            let again = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            #expect(RunOptions(json: again.outputs.options)?.maxDistanceKm == 50.5)
            #expect(try await anne.get(client, "\(territory)/synergies.csv").text.contains("acme"))
        }
    }

    @Test func inferringGivesAFirmWithoutFlowsTheUsualFlowsOfItsActivity() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        // A hollow-glass works near Acme that declared nothing: its activity buys cullet.
        let quiet = """
            {"schema": "symbiose/profile@1", "company": {"id": "calme", "name": "Calme Verre", "naf": "23.13Z",
             "employees": 120}, "site": {"lat": 49.39, "lon": 3.33}}
            """
        _ = try await fixture.store.addFirm(
            territoryID: fixture.territory.id, companyID: "calme", name: "Calme Verre", at: fixture.clock.now)
        try await fixture.store.saveProfile(
            quiet, status: .submitted, territoryID: fixture.territory.id, companyID: "calme",
            author: .user(fixture.facilitator.id), at: fixture.clock.now)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            #expect(try await anne.post(client, "\(territory)/runs", []).status == .seeOther)
            let plain = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            #expect(!plain.outputs.recommendations.contains("\"calme\""))
            #expect(try await anne.post(client, "\(territory)/runs", [("infer", "on")]).status == .seeOther)
            let inferred = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            #expect(RunOptions(json: inferred.outputs.options)?.infer == true)
            #expect(inferred.outputs.recommendations.contains("\"calme\""))
            #expect(inferred.outputs.recommendations.contains("\"inferred\""))
            #expect(try await anne.get(client, territory).text.contains(#"name="infer" value="on" checked"#))
        }
    }

    /// A factor file replacing the road factor with 0.05, in `unit`.
    static func roadFactors(unit: String) -> String {
        """
        {"schema": "symbiose/factors@1", "version": "local", "factors": [
          {"id": "transport.road", "role": "transport-emissions", "mode": "road", "value": 0.05,
           "unit": "\(unit)", "name": {"en": "a", "fr": "a"}, "source": "s", "year": 2024, "estimate": true}
        ]}
        """
    }

    @Test func aFactorFileIsCheckedUsedKeptAndDropped() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        @Sendable func latest() async throws -> RunOptions? {
            try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false)
                .flatMap { RunOptions(json: $0.outputs.options) }
        }
        try await fixture.application.test(.router) { client in
            var (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            anne.take(try await anne.get(client, territory))
            let bad = try await anne.send(
                client, "\(territory)/runs", file: "bad.json", content: Self.roadFactors(unit: "kgCO2e/km"),
                field: "factors")
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("bad.json:3"))
            #expect(try await latest() == nil)

            let good = try await anne.send(
                client, "\(territory)/runs", file: "good.json", content: Self.roadFactors(unit: "kgCO2e/t.km"),
                field: "factors", fields: [("transport", "road")])
            #expect(good.status == .seeOther)
            #expect(try await latest()?.factors?.name == "good.json")
            let run = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            #expect(run.outputs.plan.contains("\"factorsVersion\": \"2026.2+local\""))
            let page = try await anne.get(client, territory).text
            #expect(page.contains(#"name="keepFactors" value="on" checked"#) && page.contains("good.json"))
            // Kept when ticked, dropped when not.
            #expect(try await anne.post(client, "\(territory)/runs", [("keepFactors", "on")]).status == .seeOther)
            #expect(try await latest()?.factors?.name == "good.json")
            #expect(try await anne.post(client, "\(territory)/runs", []).status == .seeOther)
            #expect(try await latest()?.factors == nil)
        }
    }

    @Test func wrongOptionsAreShownNextToTheirFieldAndNothingRuns() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            let fields = [
                ("maxDistanceKm", "loin"), ("minMembers", "1"), ("perNeed", "2.5"), ("perRelease", "10"),
                ("weights", "distance=beaucoup"),
            ]
            let response = try await anne.post(client, "\(territory)/runs", fields)
            #expect(response.status == .unprocessableContent)
            // The facilitator reads French by default.
            #expect(response.text.contains("nombre illisible"))
            #expect(response.text.contains("doit valoir au moins 2"))
            #expect(response.text.contains("un nombre entier est nécessaire"))
            #expect(response.text.contains("attendu : des termes distance"))
            #expect(!response.text.contains("()"))
            #expect(response.text.contains(#"value="loin""#))
            #expect(try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false) == nil)
        }
    }

    @Test func theAPITakesOptionsAsJSONAndRefusesUnknownOrWrongOnes() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        try await fixture.application.test(.router) { client in
            let token = try await AccessMatrixTests.token(client, email: "anne@cci.test")
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let uri = "/api/v1/territories/\(fixture.territory.id)/runs"
            for body in [#"{"maxDistanse": 1}"#, #"{"perNeed": -1}"#, #"{"transport": "plane"}"#, "[1"] {
                let refused = try await client.execute(
                    uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
                #expect(refused.status == .unprocessableContent, "\(body)")
            }
            #expect(try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false) == nil)
            let created = try await client.execute(
                uri: uri, method: .post, headers: headers,
                body: ByteBuffer(string: #"{"perRelease": 1, "objective": "euro"}"#))
            #expect(created.status == .created)
            let run = try #require(
                try await fixture.store.latestRun(territoryID: fixture.territory.id, publishedOnly: false))
            let options = try #require(RunOptions(json: run.outputs.options))
            #expect(options.perRelease == 1 && options.objective == .euro && options.perNeed == 5)
        }
    }

    @Test func theSynergiesDownloadAsAWorkbookWithNumbersAsNumbers() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            let (anne, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            _ = try await anne.post(client, "\(territory)/runs", [])
            let response = try await anne.get(client, "\(territory)/synergies.xlsx")
            #expect(response.headers[.contentType]?.hasPrefix("application/vnd.openxmlformats") == true)
            #expect(response.headers[.contentDisposition]?.contains("synergies.xlsx") == true)
            let sheet = try XLSXReader.read(Array(buffer: response.body))
            let header = try #require(sheet.rows.first).cells.map { $0?.text ?? "" }
            let first = try #require(sheet.rows.dropFirst().first).cells
            let column = { (name: String) in header.firstIndex(of: name) ?? -1 }
            #expect(column("fournisseur") >= 0 || column("supplier") >= 0)
            let supplier = max(column("fournisseur"), column("supplier"))
            #expect(first[supplier] == .text("acme"))
            #expect(first[0] == .number(1))
            guard case .number(let score)? = first[max(column("score"), 0)] else {
                Issue.record("the score is not stored as a number")
                return
            }
            #expect(score > 0 && score <= 1)
        }
    }

    @Test func runOptionsKeepTheirValuesThroughJSONAndLeftOutMembersKeepTheirDefaults() throws {
        var options = RunOptions()
        options.maxDistanceKm = 12.5
        options.include = [.sameGroup]
        options.objective = .score
        #expect(RunOptions(json: options.json) == options)
        #expect(RunOptions(json: "") == RunOptions())
        #expect(RunOptions(json: #"{"minMembers": 3}"#)?.minMembers == 3)
        #expect(RunOptions(json: #"{"minMembers": 3}"#)?.perNeed == RunOptions().perNeed)
        #expect(RunOptions(json: #"{"nonsense": 3}"#) == nil)
        var wrong = RunOptions()
        wrong.include = [.seasonal]
        wrong.minMembers = 1
        #expect(Set(wrong.problems.map(\.member)) == ["include", "minMembers"])
    }
}
