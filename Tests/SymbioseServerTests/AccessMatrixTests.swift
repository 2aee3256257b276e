import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseServer
import SymbioseStore
import Testing

/// Every API endpoint and every facilitator page against every kind of visitor: nobody, a
/// firm's invitation token, another facilitator, the owner, the administrator.
@Suite struct AccessMatrixTests {
    enum Who: CaseIterable { case nobody, firm, other, owner, admin }

    /// The status each visitor gets; `nil` where the request is not tried.
    struct Case {
        var method: HTTPRequest.Method
        var path: String
        var body: String?
        var expected: [Who: HTTPResponse.Status]
    }

    static func cases(territory: Int64) -> [Case] {
        let t = "/api/v1/territories/\(territory)"
        let page = "/territories/\(territory)"
        let facilitatorOnly: (HTTPResponse.Status) -> [Who: HTTPResponse.Status] = { ok in
            [.nobody: .unauthorized, .firm: .forbidden, .other: .notFound, .owner: ok, .admin: ok]
        }
        return [
            Case(
                method: .get, path: "/api/v1/territories", body: nil,
                expected: [.nobody: .unauthorized, .firm: .forbidden, .other: .ok, .owner: .ok, .admin: .ok]),
            Case(
                method: .post, path: "/api/v1/territories", body: #"{"name": "Plaine"}"#,
                expected: [
                    .nobody: .unauthorized, .firm: .forbidden, .other: .created, .owner: .created, .admin: .created,
                ]),
            Case(
                method: .post, path: "\(t)/invitations", body: #"{"company": {"name": "Échelle"}}"#,
                expected: facilitatorOnly(.created)),
            Case(method: .get, path: "\(t)/profiles", body: nil, expected: facilitatorOnly(.ok)),
            Case(method: .post, path: "\(t)/runs", body: nil, expected: facilitatorOnly(.created)),
            Case(method: .get, path: "\(t)/recommendations", body: nil, expected: facilitatorOnly(.ok)),
            Case(method: .get, path: "\(t)/plan", body: nil, expected: facilitatorOnly(.ok)),
            Case(method: .get, path: "\(t)/report", body: nil, expected: facilitatorOnly(.ok)),
            Case(method: .get, path: "\(t)/leads", body: nil, expected: facilitatorOnly(.ok)),
            Case(
                method: .get, path: "/api/v1/profile", body: nil,
                expected: [
                    .nobody: .unauthorized, .firm: .ok, .other: .unauthorized, .owner: .unauthorized,
                    .admin: .unauthorized,
                ]),
            Case(
                method: .get, path: "\(page)/firms/acme/profile.json", body: nil,
                expected: [.nobody: .seeOther, .firm: .forbidden, .other: .notFound, .owner: .ok, .admin: .ok]),
            Case(
                method: .get, path: "\(page)/synergies", body: nil,
                expected: [.nobody: .seeOther, .firm: .forbidden, .other: .notFound, .owner: .ok, .admin: .ok]),
        ]
            + ["leads", "leads.csv", "leads.xlsx", "leads.json", "funnel", "funnel.csv", "funnel.xlsx", "workshops"].map { path in
                Case(
                    method: .get, path: "\(page)/\(path)", body: nil,
                    expected: [.nobody: .seeOther, .firm: .forbidden, .other: .notFound, .owner: .ok, .admin: .ok])
            } + [
                Case(
                    method: .get, path: "/firm", body: nil,
                    expected: [
                        .nobody: .unauthorized, .firm: .ok, .other: .unauthorized, .owner: .unauthorized,
                        .admin: .unauthorized,
                    ])
            ]
    }

    static func token(_ client: some TestClientProtocol, email: String) async throws -> String {
        let response = try await client.execute(
            uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(string: #"{"email": "\#(email)", "password": "\#(PortalFixture.password)"}"#))
        let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    @Test func everyVisitorGetsExactlyWhatItsRoleAllows() async throws {
        let fixture = try await PortalFixture()
        try await FacilitatorTests.submitProfiles(fixture)
        try await fixture.application.test(.router) { client in
            let tokens: [Who: String] = [
                .firm: try #require(fixture.tokens["acme"]),
                .other: try await Self.token(client, email: "olivier@cci.test"),
                .owner: try await Self.token(client, email: "anne@cci.test"),
                .admin: try await Self.token(client, email: "root@cci.test"),
            ]
            for item in Self.cases(territory: fixture.territory.id) {
                for who in Who.allCases {
                    guard let expected = item.expected[who] else { continue }
                    var headers: HTTPFields = [.contentType: "application/json"]
                    if let token = tokens[who] { headers[.authorization] = "Bearer \(token)" }
                    let response = try await client.execute(
                        uri: item.path, method: item.method, headers: headers,
                        body: item.body.map(ByteBuffer.init(string:)))
                    #expect(response.status == expected, "\(item.method) \(item.path) as \(who)")
                }
            }
        }
    }
}
