import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SymbioseServer
import SymbioseStore
import Testing

@Suite struct AccountTests {
    @Test func signingInOpensASessionInAStrictHttpOnlyCookie() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let (browser, response) = try await Browser.signedIn(client, email: "anne@cci.test")
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/territories")
            let cookie = response.headers[values: .setCookie].first { $0.hasPrefix("symbiose_session=") } ?? ""
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Strict"))
            let page = try await browser.get(client, "/territories")
            #expect(page.status == .ok)
            #expect(page.text.contains("Vallée"))
        }
    }

    @Test func aWrongPasswordOrAMissingFormTokenIsRefused() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let (_, wrong) = try await Browser.signedIn(client, email: "anne@cci.test", password: "nope")
            #expect(wrong.status == .unauthorized)
            var browser = Browser()
            browser.take(try await browser.get(client, "/login"))
            let forged = try await browser.post(
                client, "/login", [("email", "anne@cci.test"), ("password", PortalFixture.password)], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(forged.headers[values: .setCookie].allSatisfy { !$0.hasPrefix("symbiose_session=") })
        }
    }

    @Test func failedSignInsAreRateLimitedThenForgottenAfterTheWindow() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            for _ in 0..<5 {
                let (_, response) = try await Browser.signedIn(client, email: "anne@cci.test", password: "guess")
                #expect(response.status == .unauthorized)
            }
            let (_, throttled) = try await Browser.signedIn(client, email: "anne@cci.test")
            #expect(throttled.status == .tooManyRequests)
            fixture.clock.advance(16 * 60)
            let (_, allowed) = try await Browser.signedIn(client, email: "anne@cci.test")
            #expect(allowed.status == .seeOther)
        }
    }

    @Test func signingOutNeedsTheFormTokenAndEndsTheSession() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let (browser, _) = try await Browser.signedIn(client, email: "anne@cci.test")
            let forged = try await browser.post(client, "/logout", [], csrf: "forged")
            #expect(forged.status == .forbidden)
            #expect(try await browser.get(client, "/territories").status == .ok)
            let out = try await browser.post(client, "/logout", [])
            #expect(out.status == .seeOther)
            let after = try await browser.get(client, "/territories")
            #expect(after.status == .seeOther)
            #expect(after.headers[.location] == "/login")
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            for uri in ["/login", "/territories", "/nowhere", "/api/v1/territories"] {
                let response = try await client.execute(uri: uri, method: .get)
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("default-src 'none'"), "\(uri)")
                #expect(!policy.contains("unsafe-inline"), "\(uri)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY", "\(uri)")
            }
        }
    }

    @Test func theAPIOpensASessionWithABearerToken() async throws {
        let fixture = try await PortalFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/session", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"email": "anne@cci.test", "password": "\#(PortalFixture.password)"}"#))
            #expect(response.status == .created)
            let object = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any]
            let token = try #require(object?["token"] as? String)
            let list = try await client.execute(
                uri: "/api/v1/territories", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(list.status == .ok)
            #expect(list.text.contains("\"Vallée\""))
            let anonymous = try await client.execute(uri: "/api/v1/territories", method: .get)
            #expect(anonymous.status == .unauthorized)
        }
    }
}
