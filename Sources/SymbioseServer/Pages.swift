import Foundation
import Hummingbird
import Mustache
import SymbioseCore

/// The server-rendered pages: Mustache templates (escaped by default) in a layout, in French or
/// English.
struct Pages: Sendable {
    let library: MustacheLibrary

    init() {
        var library = MustacheLibrary()
        let templates: [(String, [UInt8])] = [
            ("layout", PackageResources.layout_mustache), ("message", PackageResources.message_mustache),
            ("login", PackageResources.login_mustache), ("territories", PackageResources.territories_mustache),
            ("territory", PackageResources.territory_mustache), ("profile", PackageResources.profile_mustache),
            ("firm", PackageResources.firm_mustache), ("codes", PackageResources.codes_mustache),
            ("synergies", PackageResources.synergies_mustache), ("leads", PackageResources.leads_mustache),
            ("lead", PackageResources.lead_mustache), ("funnel", PackageResources.funnel_mustache),
            ("workshops", PackageResources.workshops_mustache), ("workshop", PackageResources.workshop_mustache),
            ("fiches", PackageResources.fiches_mustache), ("summaries", PackageResources.summaries_mustache),
        ]
        for (name, bytes) in templates {
            // The templates are part of the program: one that does not parse is a build defect.
            guard let template = try? MustacheTemplate(string: String(decoding: bytes, as: UTF8.self)) else {
                preconditionFailure("template \(name) does not parse")
            }
            library.register(template, named: name)
        }
        self.library = library
    }

    /// A page: `template` inside the layout, with the words of `language` under `t`.
    func render(
        _ template: String, title: LocalizedText, values: [String: Any], page: PageState,
        status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = values
        context["title"] = title[page.language]
        context["lang"] = page.language.rawValue
        context["otherLang"] = page.language == .fr ? "en" : "fr"
        context["otherLangName"] = page.language == .fr ? "English" : "Français"
        context["t"] = PortalWords.table(page.language)
        context["signedIn"] = page.csrf != nil
        context["csrf"] = page.csrf ?? ""
        if let notice = page.notice { context["notice"] = notice }
        let html = library.render(context, withTemplate: template) ?? ""
        var response = Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html)))
        if let cookie = page.languageCookie { response.setCookie(cookie) }
        return response
    }

    /// A short page with a message and an optional link.
    func message(
        _ title: LocalizedText, _ message: LocalizedText, page: PageState, status: HTTPResponse.Status = .ok,
        link: (href: String, label: LocalizedText)? = nil
    ) -> Response {
        var values: [String: Any] = ["message": message[page.language]]
        if let link { values["link"] = ["href": link.href, "label": link.label[page.language]] }
        return render("message", title: title, values: values, page: page, status: status)
    }
}

/// What every page needs to know about its request.
struct PageState: Sendable {
    var language: Language
    /// The session's CSRF token, when someone is signed in.
    var csrf: String?
    var notice: String?
    /// Set when the visitor just chose a language.
    var languageCookie: Cookie?

    /// French unless the visitor chose English (`?lang=en`, then a cookie) or the browser prefers it.
    init(request: Request, csrf: String?) {
        self.csrf = csrf
        if let chosen = request.uri.queryParameters["lang"].flatMap({ Language(rawValue: String($0)) }) {
            language = chosen
            languageCookie = Cookie(
                name: "symbiose_lang", value: chosen.rawValue, maxAge: 365 * 86_400, path: "/", httpOnly: true,
                sameSite: .strict)
        } else if let saved = request.cookies["symbiose_lang"].flatMap({ Language(rawValue: $0.value) }) {
            language = saved
        } else {
            let accepted = request.headers[.acceptLanguage] ?? ""
            language = accepted.lowercased().hasPrefix("en") ? .en : .fr
        }
    }
}
