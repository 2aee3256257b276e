import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseServer
import SymbioseStore
import Synchronization

/// A clock tests move by hand.
final class TestClock: Sendable {
    let date = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
    var now: Date { date.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { date.withLock { $0 += seconds } }
}

/// A portal on an in-memory store with two facilitators, an administrator, a territory of
/// two firms and their invitations.
struct PortalFixture {
    let store: SQLiteStore
    let clock = TestClock()
    var portal: Portal
    let facilitator: User
    let other: User
    let admin: User
    let territory: Territory
    /// Invitation tokens of `acme` and `bolt`.
    var tokens: [String: String] = [:]
    static let password = "correct horse battery"

    init() async throws {
        store = try SQLiteStore()
        portal = Portal(store: store, publicURL: "http://portal.test")
        let clock = self.clock
        portal.clock = { clock.now }
        portal.passwordCost = 4
        let hash = Secrets.hash(password: Self.password, cost: 4)
        facilitator = try await store.addUser(
            email: "anne@cci.test", role: .facilitator, passwordHash: hash, at: clock.now)
        other = try await store.addUser(
            email: "olivier@cci.test", role: .facilitator, passwordHash: hash, at: clock.now)
        admin = try await store.addUser(email: "root@cci.test", role: .admin, passwordHash: hash, at: clock.now)
        territory = try await store.addTerritory(name: "Vallée", ownerID: facilitator.id, at: clock.now)
        for (id, name) in [("acme", "Acme Verrerie"), ("bolt", "Bolt Papeterie")] {
            _ = try await store.addFirm(territoryID: territory.id, companyID: id, name: name, at: clock.now)
            let token = Secrets.token()
            _ = try await store.addInvitation(
                territoryID: territory.id, companyID: id, tokenHash: Secrets.hash(token: token), email: nil,
                at: clock.now, expiresAt: clock.now.addingTimeInterval(86_400))
            tokens[id] = token
        }
    }

    var application: some ApplicationProtocol {
        Application(router: portal.router())
    }
}

/// A browser's cookies and the CSRF token of its last page.
struct Browser {
    var cookies: [String: String] = [:]
    var csrf = ""

    var headers: HTTPFields {
        var fields: HTTPFields = [:]
        if !cookies.isEmpty {
            fields[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        return fields
    }

    /// Keeps the cookies a response sets and the CSRF field of its page.
    mutating func take(_ response: TestResponse) {
        for field in response.headers[values: .setCookie] {
            let pair = field.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            let value = pair.count > 1 ? String(pair[1]) : ""
            cookies[String(pair[0])] = value.isEmpty ? nil : value
        }
        let page = String(buffer: response.body)
        if let range = page.range(of: "name=\"csrf\" value=\"") {
            csrf = String(page[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    func get(_ client: some TestClientProtocol, _ uri: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: headers)
    }

    /// Posts a form; `csrf` is added unless given.
    func post(_ client: some TestClientProtocol, _ uri: String, _ fields: [(String, String)], csrf: String? = nil)
        async throws -> TestResponse
    {
        var all = fields
        if !fields.contains(where: { $0.0 == "csrf" }) { all.append(("csrf", csrf ?? self.csrf)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var fields = headers
        fields[.contentType] = "application/x-www-form-urlencoded"
        return try await client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
    }

    /// Posts a multipart form holding the CSRF token (this page's unless given), `fields` and
    /// one file in field `field`.
    func send(
        _ client: some TestClientProtocol, _ uri: String, file name: String, content: String, field: String = "file",
        fields extra: [(String, String)] = [], csrf: String? = nil
    ) async throws -> TestResponse {
        let boundary = "----symbiose-test-boundary"
        let parts = extra.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="csrf"\r
            \r
            \(csrf ?? self.csrf)\r
            \(parts.joined())--\(boundary)\r
            Content-Disposition: form-data; name="\(field)"; filename="\(name)"\r
            Content-Type: application/octet-stream\r
            \r
            \(content)\r
            --\(boundary)--\r

            """
        var fields = headers
        fields[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return try await client.execute(uri: uri, method: .post, headers: fields, body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// Signs in through the form.
    static func signedIn(_ client: some TestClientProtocol, email: String, password: String = PortalFixture.password)
        async throws -> (Browser, TestResponse)
    {
        var browser = Browser()
        browser.take(try await browser.get(client, "/login"))
        let response = try await browser.post(client, "/login", [("email", email), ("password", password)])
        browser.take(response)
        if response.status == .seeOther {
            browser.take(try await browser.get(client, "/territories"))
        }
        return (browser, response)
    }

    /// Opens a firm's invitation link and its profile page.
    static func firm(_ client: some TestClientProtocol, token: String) async throws -> Browser {
        var browser = Browser()
        browser.take(try await browser.get(client, "/i/\(token)"))
        browser.take(try await browser.get(client, "/firm"))
        return browser
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}

extension PortalFixture {
    /// The start of most facilitator tests: both firms' profiles submitted, matching run once, and
    /// Anne signed in with her territory page's form token; `body` gets the fixture, the client,
    /// Anne and her territory's path.
    static func afterARun(
        _ body: @escaping @Sendable (PortalFixture, any TestClientProtocol, Browser, String) async throws -> Void
    ) async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        let territory = "/territories/\(fixture.territory.id)"
        try await fixture.application.test(.router) { client in
            var anne = try await Browser.signedIn(client, email: "anne@cci.test").0
            anne.take(try await anne.get(client, territory))
            _ = try await anne.post(client, "\(territory)/runs", [])
            try await body(fixture, client, anne, territory)
        }
    }
}
