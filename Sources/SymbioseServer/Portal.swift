import Foundation
import Hummingbird
import Logging
import SymbioseCore
import SymbioseEngine
import SymbioseStore

/// The web portal: firms answer from an invitation link, facilitators run their territories
/// from a browser, other tools use `/api/v1`. Every page and endpoint runs the same ``Engine``
/// as the command line, on profiles kept in a ``SymbioseStore``.
public struct Portal: Sendable {
    public var store: any SymbioseStore
    public var engine: Engine
    /// The address printed in invitation links, such as `http://127.0.0.1:8080`.
    public var publicURL: String
    /// The time now; tests set it.
    public var clock: @Sendable () -> Date = { Date() }
    public var invitationLifetime: TimeInterval = 60 * 86_400
    public var sessionLifetime: TimeInterval = 12 * 3_600
    /// Failed logins of one address within `loginWindow` before the next is refused.
    public var loginAttempts = 5
    public var loginWindow: TimeInterval = 15 * 60
    /// The largest request body: a profile file or form (2 MiB).
    public var maximumBody = 2 << 20
    public var passwordCost = Secrets.passwordCost
    /// Sets the `Secure` attribute on cookies, for a portal behind HTTPS.
    public var secureCookies = false

    public init(store: any SymbioseStore, engine: Engine = Engine(), publicURL: String) {
        self.store = store
        self.engine = engine
        self.publicURL = publicURL
    }

    /// The routes of the portal, for ``application(host:port:logger:)`` and for tests.
    public func router() -> Router<PortalContext> {
        let router = Router(context: PortalContext.self)
        router.addMiddleware {
            AccessLog()
            SecurityHeaders()
            ErrorPages()
        }
        let pages = Pages()
        AccountRoutes(portal: self, pages: pages).add(to: router)
        TerritoryRoutes(portal: self, pages: pages).add(to: router)
        FirmRoutes(portal: self, pages: pages).add(to: router)
        FirmPage(portal: self, pages: pages).add(to: router)
        FirmUpload(portal: self, pages: pages).add(to: router)
        TerritoryImport(portal: self, pages: pages).add(to: router)
        CodeSearch(portal: self, pages: pages).add(to: router)
        SynergyBrowser(portal: self, pages: pages).add(to: router)
        FollowUpRoutes(portal: self, pages: pages).add(to: router)
        WorkshopRoutes(portal: self, pages: pages).add(to: router)
        APIRoutes(portal: self).add(to: router)
        for (path, css) in [("/style.css", PackageResources.server_css), ("/print.css", PackageResources.print_css)] {
            router.get(RouterPath(path)) { _, _ in
                Response(
                    status: .ok,
                    headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                    body: .init(byteBuffer: ByteBuffer(bytes: css)))
            }
        }
        return router
    }

    /// The server on `host:port`; it stops on SIGINT or SIGTERM after the requests under way.
    public func application(host: String, port: Int, logger: Logger) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(address: .hostname(host, port: port), serverName: "symbiose"),
            logger: logger)
    }

    /// A link a firm opens to answer.
    public func invitationLink(token: String) -> String { "\(publicURL)/i/\(token)" }
}
