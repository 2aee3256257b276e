import Foundation
import Hummingbird
import SymbioseCore
import SymbioseStore

/// Signing in and out, and the door a firm's invitation link opens.
struct AccountRoutes: Sendable {
    let portal: Portal
    let pages: Pages
    var gate: Gate { Gate(portal: portal) }

    func add(to router: Router<PortalContext>) {
        router.get("/") { request, _ -> Response in
            switch try await gate.visit(request)?.visitor {
            case .user: .redirect(to: "/territories")
            case .firm: .redirect(to: "/firm")
            case nil: .redirect(to: "/login")
            }
        }
        router.get("/login") { request, _ in loginPage(request, email: "", error: nil) }
        router.post("/login") { request, _ in try await login(request) }
        router.post("/logout") { request, _ in try await logout(request) }
        router.get("/i/:token") { request, context -> Response in
            try await openInvitation(request, token: context.parameters.get("token") ?? "")
        }
    }

    /// The sign-in form, with a fresh double-submit token in a cookie and a hidden field.
    func loginPage(_ request: Request, email: String, error: LocalizedText?, status: HTTPResponse.Status = .ok)
        -> Response
    {
        let page = PageState(request: request, csrf: nil)
        let token = Secrets.token()
        var values: [String: Any] = ["loginCSRF": token, "email": email]
        if let error { values["error"] = error[page.language] }
        var response = pages.render(
            "login", title: LocalizedText(en: "Sign in", fr: "Connexion"), values: values, page: page, status: status)
        response.setCookie(
            Cookie(
                name: Gate.loginCookieName, value: token, maxAge: 3_600, path: "/login",
                secure: portal.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }

    func login(_ request: Request) async throws -> Response {
        let form = try await Form.read(request, limit: 16_384)
        guard let expected = request.cookies[Gate.loginCookieName]?.value, let given = form["csrf"],
            Secrets.constantTimeEqual(expected, given)
        else {
            return loginPage(
                request, email: form["email"] ?? "",
                error: LocalizedText(
                    en: "The form expired: please sign in again.", fr: "Le formulaire a expiré : reconnectez-vous."),
                status: .forbidden)
        }
        let email = (form["email"] ?? "").lowercased()
        switch try await Authenticator(portal: portal).check(email: email, password: form["password"] ?? "") {
        case .signedIn(let user):
            let opened = try await gate.open(.user(user.id))
            var response = Response.redirect(to: "/territories")
            response.setCookie(opened.cookie)
            return response
        case .refused:
            return loginPage(
                request, email: email,
                error: LocalizedText(
                    en: "Unknown address or wrong password.", fr: "Adresse inconnue ou mot de passe erroné."),
                status: .unauthorized)
        case .throttled:
            return loginPage(
                request, email: email,
                error: LocalizedText(
                    en: "Too many failed attempts: wait a quarter of an hour.",
                    fr: "Trop d'essais infructueux : patientez un quart d'heure."),
                status: .tooManyRequests)
        }
    }

    func logout(_ request: Request) async throws -> Response {
        let form = try await Form.read(request, limit: 4_096)
        var response = Response.redirect(to: "/login")
        if let visit = try await gate.visit(request), let session = visit.session {
            try Gate.checkForm(form, visit: visit)
            try await portal.store.removeSession(tokenHash: session.tokenHash)
        }
        response.setCookie(gate.closingCookie)
        return response
    }

    /// A valid link opens a firm session and a page that goes on to the profile (a page, not a
    /// redirect, so that the `SameSite=Strict` cookie is sent on the next, same-site request).
    func openInvitation(_ request: Request, token: String) async throws -> Response {
        let page = PageState(request: request, csrf: nil)
        let now = portal.clock()
        guard token.count <= 64,
            let invitation = try await portal.store.invitation(tokenHash: Secrets.hash(token: token)),
            invitation.isUsable(at: now)
        else {
            return pages.message(
                LocalizedText(en: "Link no longer valid", fr: "Lien plus valable"),
                LocalizedText(
                    en: "This invitation link has expired or was withdrawn. Ask your facilitator for a new one.",
                    fr: "Ce lien d'invitation a expiré ou a été retiré. Demandez-en un nouveau à votre animateur."),
                page: page, status: .gone)
        }
        if let firm = try await portal.store.firm(territoryID: invitation.territoryID, companyID: invitation.companyID),
            firm.status == .invited
        {
            try await portal.store.setStatus(
                .opened, comment: nil, territoryID: firm.territoryID, companyID: firm.companyID, at: now)
        }
        let opened = try await gate.open(.invitation(invitation.id))
        var response = pages.message(
            LocalizedText(en: "Welcome", fr: "Bienvenue"),
            LocalizedText(
                en: "Your link is valid. Your answers are kept as you save them; only your facilitator sees them.",
                fr:
                    "Votre lien est valable. Vos réponses sont conservées à chaque enregistrement ; seul votre animateur les voit."
            ),
            page: page,
            link: ("/firm", LocalizedText(en: "Open my profile", fr: "Ouvrir mon profil")))
        response.setCookie(opened.cookie)
        return response
    }
}

/// Checks a password against the store, with the rate limit on failures.
struct Authenticator: Sendable {
    let portal: Portal

    enum Outcome {
        case signedIn(User)
        case refused
        case throttled
    }

    func check(email: String, password: String) async throws -> Outcome {
        let now = portal.clock()
        let failures = try await portal.store.loginFailures(
            email: email, since: now.addingTimeInterval(-portal.loginWindow))
        if failures >= portal.loginAttempts { return .throttled }
        let user = try await portal.store.user(email: email)
        let cost = portal.passwordCost
        // bcrypt off the event loops; an unknown address costs a hash too, so that timing does
        // not tell which addresses have an account.
        let matches = try await OffLoop.run {
            guard let user else {
                _ = Secrets.hash(password: password, cost: cost)
                return false
            }
            return Secrets.verify(password: password, hash: user.passwordHash)
        }
        if matches, let user { return .signedIn(user) }
        try await portal.store.recordLoginFailure(email: email, at: now)
        return .refused
    }
}
