import Foundation
import SymbioseFollowUp

/// Everything the portal keeps, behind one protocol: an embedded SQLite file by default
/// (``SQLiteStore``), PostgreSQL for several territories and many users.
///
/// Every write is one transaction; every statement binds its values (no SQL is built from
/// user text). Times are stored to the second.
public protocol SymbioseStore: Sendable {
    // MARK: Accounts
    func addUser(email: String, role: Role, passwordHash: String, at: Date) async throws -> User
    func user(email: String) async throws -> User?
    func user(id: Int64) async throws -> User?
    func users() async throws -> [User]
    func setPassword(_ passwordHash: String, userID: Int64) async throws
    func recordLoginFailure(email: String, at: Date) async throws
    func loginFailures(email: String, since: Date) async throws -> Int

    // MARK: Sessions
    func addSession(_ session: Session, at: Date) async throws
    /// The session of this token hash, when it has not expired at `now`.
    func session(tokenHash: String, now: Date) async throws -> Session?
    func removeSession(tokenHash: String) async throws

    // MARK: Territories
    func addTerritory(name: String, ownerID: Int64, at: Date) async throws -> Territory
    func territory(id: Int64) async throws -> Territory?
    /// Every territory, oldest first (for backups and exports).
    func territories() async throws -> [Territory]
    /// Every territory for an administrator, a facilitator's own otherwise, oldest first.
    func territories(visibleTo user: User) async throws -> [Territory]

    // MARK: Firms and profiles
    func addFirm(territoryID: Int64, companyID: String, name: String, at: Date) async throws -> Firm
    func firm(territoryID: Int64, companyID: String) async throws -> Firm?
    /// The firms of a territory, by name then id.
    func firms(territoryID: Int64) async throws -> [Firm]
    /// Moves a firm to `status`, with the facilitator's comment when returned.
    func setStatus(
        _ status: FirmStatus, comment: String?, territoryID: Int64, companyID: String, at: Date
    ) async throws
    /// Stores a new revision of a firm's profile (valid, `symbiose/profile@1`) and moves the
    /// firm to `status`; earlier revisions are kept.
    func saveProfile(
        _ profile: String, status: FirmStatus, territoryID: Int64, companyID: String, author: Author, at: Date
    ) async throws
    /// Every revision of a firm's profile, oldest first.
    func revisions(territoryID: Int64, companyID: String) async throws -> [ProfileRevision]

    // MARK: Invitations
    func addInvitation(
        territoryID: Int64, companyID: String, tokenHash: String, email: String?, at: Date, expiresAt: Date
    ) async throws -> Invitation
    func invitation(id: Int64) async throws -> Invitation?
    func invitation(tokenHash: String) async throws -> Invitation?
    func invitations(territoryID: Int64) async throws -> [Invitation]
    func revokeInvitation(id: Int64, at: Date) async throws

    // MARK: Runs
    func addRun(
        territoryID: Int64, ranBy: Int64, profiles: Int, outputs: RunOutputs, at: Date
    ) async throws -> MatchRun
    /// The latest run of a territory; the latest published one when `publishedOnly`.
    func latestRun(territoryID: Int64, publishedOnly: Bool) async throws -> MatchRun?
    func publishRun(id: Int64) async throws

    // MARK: Leads
    func addLead(_ lead: Lead, territoryID: Int64, at: Date) async throws -> StoredLead
    func lead(id: Int64) async throws -> StoredLead?
    /// The leads of a territory, oldest first.
    func leads(territoryID: Int64) async throws -> [StoredLead]
    /// Stores `lead` as the new state of lead `id`, read when its history held `changes`
    /// changes; ``StoreError/leadChanged(_:)`` when it moved since, and
    /// ``StoreError/historyRewritten(_:)`` unless the new history extends the stored one.
    func updateLead(id: Int64, _ lead: Lead, readWith changes: Int, at: Date) async throws

    // MARK: Workshops
    func addWorkshop(_ workshop: Workshop, territoryID: Int64, at: Date) async throws -> StoredWorkshop
    func workshop(id: Int64) async throws -> StoredWorkshop?
    /// The workshops of a territory, oldest first.
    func workshops(territoryID: Int64) async throws -> [StoredWorkshop]
    func updateWorkshop(id: Int64, _ workshop: Workshop, at: Date) async throws
}
