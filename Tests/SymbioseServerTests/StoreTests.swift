import Foundation
import Logging
import PostgresNIO
import SymbioseFollowUp
import SymbioseStore
import Testing

/// The same checks on every back end: SQLite in memory and in a file, and PostgreSQL when
/// `SYMBIOSE_TEST_POSTGRES` names a server's database (`.ci/run` starts one).
@Suite(.serialized) struct StoreTests {
    static let postgresURL = ProcessInfo.processInfo.environment["SYMBIOSE_TEST_POSTGRES"]
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func sqliteInMemory() async throws {
        try await exercise(try SQLiteStore())
    }

    @Test func sqliteFileKeepsEverythingAcrossReopeningAndMigratesOnce() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try await exercise(try SQLiteStore(path: path))
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.schemaVersion() == 5)
        #expect(try await reopened.workshops(territoryID: 1).first?.workshop.plan == [["acme"], ["bolt"]])
        #expect(try await reopened.leads(territoryID: 1).count == 1)
        #expect(try await reopened.users().count == 2)
        let copy = path + ".backup"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try reopened.backup(to: copy)
        #expect(try await SQLiteStore(path: copy).users().count == 2)
    }

    @Test(.enabled(if: postgresURL != nil)) func postgres() async throws {
        let url = try #require(Self.postgresURL)
        try await Self.emptyDatabase(url)
        try await exercise(try await PostgresStore(url: url))
        // A second server on the same database finds it migrated.
        #expect(try await PostgresStore(url: url).users().count == 2)
    }

    @Test func aBadPostgresAddressIsRefused() async throws {
        await #expect(throws: StoreError.badAddress("mysql://x")) { try await PostgresStore(url: "mysql://x") }
    }

    /// Drops every table of the test database.
    static func emptyDatabase(_ url: String) async throws {
        let parts = try #require(URLComponents(string: url))
        let configuration = PostgresClient.Configuration(
            host: parts.host ?? "127.0.0.1", port: parts.port ?? 5432, username: parts.user ?? "postgres",
            password: parts.password, database: String(parts.path.dropFirst()), tls: .disable)
        let client = PostgresClient(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            try await client.query("DROP SCHEMA public CASCADE")
            try await client.query("CREATE SCHEMA public")
            group.cancelAll()
        }
    }

    func exercise(_ store: some SymbioseStore) async throws {
        let (anne, root, territory) = try await accounts(store)
        try await firmsAndRevisions(store, territory: territory, anne: anne)
        try await invitationsAndSessions(store, territory: territory, anne: anne)
        try await runs(store, territory: territory, anne: anne)
        try await leads(store, territory: territory)
        try await workshops(store, territory: territory)
        #expect(try await store.territories(visibleTo: root).count == 2)
        #expect(try await store.territories().map(\.name) == ["Vallée", "Plateau"])
    }

    func accounts(_ store: some SymbioseStore) async throws -> (User, User, Territory) {
        let anne = try await store.addUser(email: "anne@cci.test", role: .facilitator, passwordHash: "h1", at: start)
        let root = try await store.addUser(email: "root@cci.test", role: .admin, passwordHash: "h2", at: start)
        await #expect(throws: StoreError.duplicateEmail("anne@cci.test")) {
            try await store.addUser(email: "anne@cci.test", role: .admin, passwordHash: "h3", at: start)
        }
        #expect(try await store.user(email: "anne@cci.test") == anne)
        #expect(try await store.user(id: root.id)?.role == .admin)
        try await store.setPassword("h4", userID: anne.id)
        #expect(try await store.user(id: anne.id)?.passwordHash == "h4")
        let territory = try await store.addTerritory(name: "Vallée", ownerID: anne.id, at: start)
        _ = try await store.addTerritory(name: "Plateau", ownerID: root.id, at: start)
        #expect(try await store.territories(visibleTo: anne).map(\.name) == ["Vallée"])
        for minute in 0..<3 {
            try await store.recordLoginFailure(
                email: "anne@cci.test", at: start.addingTimeInterval(Double(minute) * 600))
        }
        #expect(try await store.loginFailures(email: "anne@cci.test", since: start.addingTimeInterval(300)) == 2)
        return (try #require(try await store.user(id: anne.id)), root, territory)
    }

    func firmsAndRevisions(_ store: some SymbioseStore, territory: Territory, anne: User) async throws {
        _ = try await store.addFirm(territoryID: territory.id, companyID: "acme", name: "Acme", at: start)
        _ = try await store.addFirm(territoryID: territory.id, companyID: "bolt", name: "bolt sarl", at: start)
        await #expect(throws: StoreError.duplicateFirm("acme")) {
            try await store.addFirm(territoryID: territory.id, companyID: "acme", name: "Acme", at: start)
        }
        try await store.saveProfile(
            "{\"v\": 1}", status: .draft, territoryID: territory.id, companyID: "acme", author: .user(anne.id),
            at: start)
        try await store.saveProfile(
            "{\"v\": 2}", status: .submitted, territoryID: territory.id, companyID: "acme", author: .user(anne.id),
            at: start.addingTimeInterval(60))
        let firm = try #require(try await store.firm(territoryID: territory.id, companyID: "acme"))
        #expect(firm.profile == "{\"v\": 2}")
        #expect(firm.status == .submitted)
        let revisions = try await store.revisions(territoryID: territory.id, companyID: "acme")
        #expect(revisions.map(\.profile) == ["{\"v\": 1}", "{\"v\": 2}"])
        #expect(revisions.map(\.status) == [.draft, .submitted])
        try await store.setStatus(
            .returned, comment: "Précisez", territoryID: territory.id, companyID: "acme", at: start)
        #expect(try await store.firm(territoryID: territory.id, companyID: "acme")?.comment == "Précisez")
        #expect(try await store.firms(territoryID: territory.id).map(\.companyID) == ["acme", "bolt"])
        await #expect(throws: StoreError.notFound) {
            try await store.setStatus(
                .accepted, comment: nil, territoryID: territory.id, companyID: "nobody", at: start)
        }
    }

    func invitationsAndSessions(_ store: some SymbioseStore, territory: Territory, anne: User) async throws {
        let invitation = try await store.addInvitation(
            territoryID: territory.id, companyID: "acme", tokenHash: "abc", email: nil, at: start,
            expiresAt: start.addingTimeInterval(3_600))
        #expect(try await store.invitation(tokenHash: "abc") == invitation)
        #expect(try await store.invitations(territoryID: territory.id) == [invitation])
        try await store.saveProfile(
            "{\"v\": 3}", status: .draft, territoryID: territory.id, companyID: "acme",
            author: .invitation(invitation.id), at: start)
        let revisions = try await store.revisions(territoryID: territory.id, companyID: "acme")
        #expect(revisions.map(\.author) == [.user(anne.id), .user(anne.id), .invitation(invitation.id)])
        let firmSession = Session(
            tokenHash: "s1", holder: .invitation(invitation.id), csrf: "c1", expiresAt: start.addingTimeInterval(60))
        let userSession = Session(
            tokenHash: "s2", holder: .user(anne.id), csrf: "c2", expiresAt: start.addingTimeInterval(120))
        try await store.addSession(firmSession, at: start)
        try await store.addSession(userSession, at: start)
        #expect(try await store.session(tokenHash: "s1", now: start) == firmSession)
        #expect(try await store.session(tokenHash: "s1", now: start.addingTimeInterval(61)) == nil)
        try await store.revokeInvitation(id: invitation.id, at: start.addingTimeInterval(10))
        #expect(try await store.invitation(id: invitation.id)?.revokedAt == start.addingTimeInterval(10))
        #expect(try await store.session(tokenHash: "s1", now: start) == nil)
        #expect(try await store.session(tokenHash: "s2", now: start) == userSession)
        try await store.removeSession(tokenHash: "s2")
        #expect(try await store.session(tokenHash: "s2", now: start) == nil)
    }

    func runs(_ store: some SymbioseStore, territory: Territory, anne: User) async throws {
        #expect(try await store.latestRun(territoryID: territory.id, publishedOnly: false) == nil)
        let first = try await store.addRun(
            territoryID: territory.id, ranBy: anne.id, profiles: 2,
            outputs: RunOutputs(recommendations: "r1", plan: "p1", report: "h1", snapshot: "s1"), at: start)
        let second = try await store.addRun(
            territoryID: territory.id, ranBy: anne.id, profiles: 2,
            outputs: RunOutputs(recommendations: "r2", plan: "p2", report: "h2", snapshot: "s2"), at: start)
        try await store.publishRun(id: first.id)
        #expect(try await store.latestRun(territoryID: territory.id, publishedOnly: false) == second)
        #expect(
            try await store.latestRun(territoryID: territory.id, publishedOnly: true)?.outputs.recommendations == "r1")
    }

    /// A lead is stored whole, moves only forward from the copy last read, and keeps its past.
    func leads(_ store: some SymbioseStore, territory: Territory) async throws {
        let opened = LeadChange(status: .detected, at: start, author: "anne@cci.test")
        let lead = Lead(
            kind: .substitution, resource: "material.glass.cullet", title: "Calcin",
            parties: [Lead.Party(company: "acme", name: "Acme", role: .supplier, flow: "cullet")],
            facilitator: "anne@cci.test", origin: Lead.Origin(kind: .call), created: opened)
        let stored = try await store.addLead(lead, territoryID: territory.id, at: start)
        #expect(try await store.lead(id: stored.id)?.lead == lead)
        var moved = lead
        try moved.apply(.init(status: .contacted, at: start.addingTimeInterval(86_400), author: "anne@cci.test"))
        try await store.updateLead(id: stored.id, moved, readWith: 1, at: start.addingTimeInterval(86_400))
        #expect(try await store.lead(id: stored.id)?.lead.status == .contacted)
        // A copy read before that move is outdated; a history that drops a change is refused.
        await #expect(throws: StoreError.leadChanged(stored.id)) {
            try await store.updateLead(id: stored.id, moved, readWith: 1, at: start)
        }
        var rewritten = moved
        rewritten.history[0].author = "someone@else.test"
        await #expect(throws: StoreError.historyRewritten(stored.id)) {
            try await store.updateLead(id: stored.id, rewritten, readWith: 2, at: start)
        }
        await #expect(throws: StoreError.notFound) {
            try await store.updateLead(id: 9_999, moved, readWith: 2, at: start)
        }
        #expect(try await store.leads(territoryID: territory.id).map(\.lead.status) == [.contacted])
    }

    func workshops(_ store: some SymbioseStore, territory: Territory) async throws {
        var workshop = Workshop(title: "Atelier", date: "2027-02-04", place: "CCI", tables: 2, firms: ["acme", "bolt"])
        let stored = try await store.addWorkshop(workshop, territoryID: territory.id, at: start)
        workshop.plan = [["acme"], ["bolt"]]
        try await store.updateWorkshop(id: stored.id, workshop, at: start)
        #expect(try await store.workshop(id: stored.id)?.workshop == workshop)
        #expect(try await store.workshops(territoryID: territory.id).map(\.id) == [stored.id])
        await #expect(throws: StoreError.notFound) { try await store.updateWorkshop(id: 999, workshop, at: start) }
    }
}
