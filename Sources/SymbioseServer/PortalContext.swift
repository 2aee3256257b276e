import Foundation
import Hummingbird
import SymbioseStore

/// What a request carries through the portal.
public struct PortalContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Refuses bodies over 2 MiB with 413 before decoding.
    public var maxUploadSize: Int { 2 << 20 }

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}

/// Who is asking: an account, or a firm through its invitation.
enum Visitor: Sendable {
    case user(User)
    case firm(Invitation)
}
