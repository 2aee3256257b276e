import Foundation

/// What an account may do. Firms have no account: an invitation link opens their own profile
/// and nothing else.
public enum Role: String, Sendable, CaseIterable, Codable {
    /// Every territory, and the accounts.
    case admin
    /// The territories they created, their firms and results.
    case facilitator
}

/// An account of the portal.
public struct User: Sendable, Hashable {
    public var id: Int64
    public var email: String
    public var role: Role
    /// A bcrypt hash, never the password.
    public var passwordHash: String
    public var createdAt: Date
}

/// A territory a facilitator runs: its firms, their profiles and the runs of matching.
public struct Territory: Sendable, Hashable {
    public var id: Int64
    public var name: String
    public var ownerID: Int64
    public var createdAt: Date
}

/// Where a firm's answer stands, from the invitation to the facilitator's acceptance.
public enum FirmStatus: String, Sendable, CaseIterable, Codable {
    case invited, opened, draft, submitted, returned, accepted

    /// Whether the firm may still change its profile.
    public var isEditableByFirm: Bool { self != .submitted && self != .accepted }
    /// Whether the profile takes part in matching.
    public var isMatched: Bool { self == .submitted || self == .accepted }
}

/// A firm of a territory, and its latest profile.
public struct Firm: Sendable, Hashable {
    public var territoryID: Int64
    /// The profile's `company.id`.
    public var companyID: String
    public var name: String
    public var status: FirmStatus
    /// The latest stored profile (`symbiose/profile@1` JSON); every stored profile was valid.
    public var profile: String?
    /// The facilitator's comment when the profile was returned.
    public var comment: String?
    public var updatedAt: Date
}

/// Who wrote a profile revision.
public enum Author: Sendable, Hashable {
    case user(Int64)
    case invitation(Int64)
}

/// One stored version of a firm's profile: a change never overwrites the earlier ones.
public struct ProfileRevision: Sendable, Hashable {
    public var id: Int64
    public var profile: String
    public var author: Author
    public var status: FirmStatus
    public var at: Date
}

/// The link that lets a firm answer: its token is shown once, and only its hash is stored.
public struct Invitation: Sendable, Hashable {
    public var id: Int64
    public var territoryID: Int64
    public var companyID: String
    public var email: String?
    public var createdAt: Date
    public var expiresAt: Date
    public var revokedAt: Date?

    /// Whether the link still opens the profile at `now`.
    public func isUsable(at now: Date) -> Bool { revokedAt == nil && now < expiresAt }
}

/// A signed-in browser or API client: an account's, or a firm's through its invitation.
public struct Session: Sendable, Hashable {
    public enum Holder: Sendable, Hashable {
        case user(Int64)
        case invitation(Int64)
    }
    /// SHA-256 of the cookie or bearer token.
    public var tokenHash: String
    public var holder: Holder
    /// The token every form of this session carries.
    public var csrf: String
    public var expiresAt: Date

    public init(tokenHash: String, holder: Holder, csrf: String, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.holder = holder
        self.csrf = csrf
        self.expiresAt = expiresAt
    }
}

/// One run of matching and planning over a territory's submitted profiles.
public struct MatchRun: Sendable, Hashable {
    public var id: Int64
    public var territoryID: Int64
    public var ranAt: Date
    public var ranBy: Int64
    /// How many profiles took part.
    public var profiles: Int
    public var outputs: RunOutputs
    public var published: Bool
}

/// What a run produced, as stored.
public struct RunOutputs: Sendable, Hashable {
    /// `symbiose/recommendations@1`, `symbiose/plan@1` and the HTML report, as the CLI writes them.
    public var recommendations: String
    public var plan: String
    public var report: String
    /// The profiles matched (`symbiose/profiles@1`): every other output is rendered from them.
    public var snapshot: String
    /// The options it ran with, as JSON (`RunOptions`); empty for the defaults.
    public var options: String

    public init(recommendations: String, plan: String, report: String, snapshot: String, options: String = "") {
        self.recommendations = recommendations
        self.plan = plan
        self.report = report
        self.snapshot = snapshot
        self.options = options
    }
}

/// A store operation that cannot be carried out as asked.
public enum StoreError: Error, Equatable, Sendable {
    /// The e-mail address already has an account.
    case duplicateEmail(String)
    /// The territory already has a firm with this `company.id`.
    case duplicateFirm(String)
    /// No such row.
    case notFound
    /// The lead changed since it was read (someone else moved it): read it again.
    case leadChanged(Int64)
    /// A write would have removed or altered a lead's past changes.
    case historyRewritten(Int64)
    /// A stored value is missing or of the wrong type.
    case corrupt(String)
    /// The database address cannot be understood.
    case badAddress(String)
    /// The database was written by a newer Symbiose.
    case newerSchema(found: Int, known: Int)
}
