import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseCore
import Testing

@testable import SymbioseServer

@Suite struct SiteMapTests {
    @Test func aPixelAndItsPlaceAreTheSameOneWayAndTheOther() {
        let map = SiteMap(centre: GeoPoint(latitude: 49.38, longitude: 3.32), halfSideKm: 6, mark: nil)
        let centre = map.pixel(map.centre)
        #expect(centre.x == SiteMap.size / 2 && centre.y == SiteMap.size / 2)
        let place = map.point(x: 240, y: 80)
        #expect(place.latitude > 49.38 && place.longitude > 3.32)  // up and to the right: north-east
        let back = map.pixel(place)
        #expect(abs(back.x - 240) < 0.1 && abs(back.y - 80) < 0.1)
        // 80 pixels of a 320-pixel, 12-km square are 3 km.
        #expect(abs((place.latitude - 49.38) * SiteMap.kmPerDegreeLatitude - 3) < 0.01)
        #expect(SiteMap(lat: "49,38", lon: "3.32", km: "6") == map)
        #expect(SiteMap(lat: "95", lon: "3.32", km: "6") == nil)
        #expect(SiteMap(lat: "49.38", lon: "3.32", km: "500") == nil)
        #expect(SiteMap(lat: "49.38", lon: "3.32", km: "6", mark: "49.4") == nil)
    }

    @Test func aFirmPlacesItsSiteByClickingAMapOfTheCommunesAroundIt() async throws {
        let fixture = try await PortalFixture()
        let token = try #require(fixture.tokens["acme"])
        try await fixture.application.test(.router) { client in
            var firm = try await Browser.firm(client, token: token)
            let unplaced = FirmTests.fields(value: "10").filter { $0.0 != "lat" && $0.0 != "lon" }
            let page = try await firm.post(client, "/firm", unplaced + [("action", "add-row")])
            let hidden = Self.hidden(page.text)
            #expect(hidden["map-lat"] == "49.377")  // Soissons' centre in the commune table
            let source = try #require(Self.attribute("src", of: #"type="image""#, in: page.text))
            let image = try await firm.get(client, source.replacingOccurrences(of: "&amp;", with: "&"))
            #expect(image.status == .ok)
            #expect(image.headers[.contentType] == "image/svg+xml")
            #expect(image.text.contains(">Soissons</text>"))
            #expect(!image.text.contains("Acme") && !image.text.contains("Bolt"))

            firm.take(page)
            let click = unplaced + hidden.map { ($0.key, $0.value) } + [("map.x", "240"), ("map.y", "80")]
            let placed = try await firm.post(client, "/firm", click)
            #expect(placed.status == .ok)
            // Written as French writes it, as the rest of the form.
            let lat = try #require(
                Self.attribute("value", of: #"name="lat""#, in: placed.text).flatMap(NumberText.parse))
            #expect(Self.attribute("value", of: #"name="lat""#, in: placed.text)?.contains(",") == true)
            #expect(abs((lat - 49.377) * SiteMap.kmPerDegreeLatitude - 3) < 0.01)
            #expect(placed.text.contains("Site placé en"))
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").isEmpty)
            // Enter in a field sends the first button, the map, at (0, 0): that saves, as Enter should.
            firm.take(placed)
            let enter = unplaced + hidden.map { ($0.key, $0.value) } + [("map.x", "0"), ("map.y", "0")]
            #expect(try await firm.post(client, "/firm", enter).text.contains("Brouillon enregistré"))
            #expect(try await fixture.store.revisions(territoryID: fixture.territory.id, companyID: "acme").count == 1)
        }
    }

    @Test func theMapIsTheFirmsOnly() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let nobody = try await client.execute(uri: "/firm/site-map.svg?lat=49.38&lon=3.32&km=6", method: .get)
            #expect(nobody.status == .unauthorized)
            let firm = try await Browser.firm(client, token: try #require(fixture.tokens["acme"]))
            let wrong = try await firm.get(client, "/firm/site-map.svg?lat=49.38&lon=3.32&km=5000")
            #expect(wrong.status == .badRequest)
        }
    }

    /// The hidden map fields of a page.
    static func hidden(_ html: String) -> [String: String] {
        var values: [String: String] = [:]
        for name in ["map-lat", "map-lon", "map-km"] {
            values[name] = attribute("value", of: "name=\"\(name)\"", in: html)
        }
        return values
    }

    /// The value of `attribute` in the first tag holding `marker`.
    static func attribute(_ attribute: String, of marker: String, in html: String) -> String? {
        guard let at = html.range(of: marker) else { return nil }
        let start = html[..<at.lowerBound].lastIndex(of: "<") ?? at.lowerBound
        let tag = html[start...].prefix { $0 != ">" }
        guard let found = tag.range(of: "\(attribute)=\"") else { return nil }
        return String(tag[found.upperBound...].prefix { $0 != "\"" })
    }
}
