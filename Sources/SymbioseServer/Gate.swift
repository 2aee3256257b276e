import Foundation
import HTTPTypes
import Hummingbird
import SymbioseStore

/// Who is asking, and whether they may: sessions in cookies or bearer tokens, invitation
/// tokens, CSRF tokens on every form.
struct Gate: Sendable {
    let portal: Portal
    static let cookieName = "symbiose_session"
    static let loginCookieName = "symbiose_login"

    /// The visitor of a request: a session's (cookie or bearer), or a firm's invitation token
    /// given as bearer; `nil` when none is valid.
    func visit(_ request: Request) async throws -> Visit? {
        let now = portal.clock()
        let bearer = Self.bearer(request)
        guard let token = bearer ?? request.cookies[Self.cookieName]?.value, !token.isEmpty, token.count <= 64 else {
            return nil
        }
        let hash = Secrets.hash(token: token)
        if let session = try await portal.store.session(tokenHash: hash, now: now) {
            switch session.holder {
            case .user(let id):
                guard let user = try await portal.store.user(id: id) else { return nil }
                return Visit(visitor: .user(user), session: session, byCookie: bearer == nil)
            case .invitation(let id):
                guard let invitation = try await portal.store.invitation(id: id), invitation.isUsable(at: now) else {
                    return nil
                }
                return Visit(visitor: .firm(invitation), session: session, byCookie: bearer == nil)
            }
        }
        if bearer != nil, let invitation = try await portal.store.invitation(tokenHash: hash),
            invitation.isUsable(at: now)
        {
            return Visit(visitor: .firm(invitation), session: nil, byCookie: false)
        }
        return nil
    }

    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }

    /// Opens a session for `holder`; the token goes to the client once, its hash to the store.
    func open(_ holder: Session.Holder) async throws -> (token: String, session: Session, cookie: Cookie) {
        let now = portal.clock()
        let token = Secrets.token()
        let session = Session(
            tokenHash: Secrets.hash(token: token), holder: holder, csrf: Secrets.token(),
            expiresAt: now.addingTimeInterval(portal.sessionLifetime))
        try await portal.store.addSession(session, at: now)
        let cookie = Cookie(
            name: Self.cookieName, value: token, maxAge: Int(portal.sessionLifetime), path: "/",
            secure: portal.secureCookies, httpOnly: true, sameSite: .strict)
        return (token, session, cookie)
    }

    /// The cookie that ends a session in the browser.
    var closingCookie: Cookie {
        Cookie(
            name: Self.cookieName, value: "", maxAge: 0, path: "/", secure: portal.secureCookies, httpOnly: true,
            sameSite: .strict)
    }

    /// Refuses a form whose `csrf` field is not its session's token (403).
    static func checkForm(_ form: Form, visit: Visit) throws {
        try checkFormToken(form["csrf"], visit: visit)
    }

    /// Refuses a form token (a field of any encoding) that is not its session's (403).
    static func checkFormToken(_ given: String?, visit: Visit) throws {
        guard let expected = visit.session?.csrf, let given, Secrets.constantTimeEqual(expected, given) else {
            throw HTTPError(.forbidden, message: "The form has expired: reload the page and try again.")
        }
    }

    /// Refuses an API write sent with a session cookie but without its `X-CSRF-Token` header
    /// (a bearer token is not sent by browsers on their own, so it needs none).
    static func checkAPIWrite(_ request: Request, visit: Visit) throws {
        guard visit.byCookie else { return }
        guard let expected = visit.session?.csrf, let given = request.headers[csrfHeader],
            Secrets.constantTimeEqual(expected, given)
        else { throw HTTPError(.forbidden, message: "missing or wrong X-CSRF-Token header") }
    }

    static var csrfHeader: HTTPField.Name { HTTPField.Name("X-CSRF-Token")! }
}

/// A visitor with the session they came with (none for an invitation token used as bearer).
struct Visit: Sendable {
    var visitor: Visitor
    var session: Session?
    var byCookie: Bool

    var user: User? {
        if case .user(let user) = visitor { return user }
        return nil
    }

    var invitation: Invitation? {
        if case .firm(let invitation) = visitor { return invitation }
        return nil
    }
}
