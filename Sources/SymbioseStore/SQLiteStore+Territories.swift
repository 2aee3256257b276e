import Foundation
import GRDB

extension SQLiteStore {
    // MARK: - Territories

    public func addTerritory(name: String, ownerID: Int64, at: Date) async throws -> Territory {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO territories (name, owner_id, created_at) VALUES (?, ?, ?)",
                arguments: [name, ownerID, at.seconds])
            return Territory(id: db.lastInsertedRowID, name: name, ownerID: ownerID, createdAt: at.rounded)
        }
    }

    public func territory(id: Int64) async throws -> Territory? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM territories WHERE id = ?", arguments: [id])
                .map { try Territory(row: $0) }
        }
    }

    public func territories() async throws -> [Territory] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM territories ORDER BY id").map { try Territory(row: $0) }
        }
    }

    public func territories(visibleTo user: User) async throws -> [Territory] {
        try await database.read { db in
            let rows =
                user.role == .admin
                ? try Row.fetchAll(db, sql: "SELECT * FROM territories ORDER BY id")
                : try Row.fetchAll(
                    db, sql: "SELECT * FROM territories WHERE owner_id = ? ORDER BY id", arguments: [user.id])
            return try rows.map { try Territory(row: $0) }
        }
    }

    // MARK: - Firms and profiles

    static let firmColumns = """
        f.territory_id, f.company_id, f.name, f.status, f.comment, f.updated_at,
        (SELECT r.profile FROM profile_revisions r
         WHERE r.territory_id = f.territory_id AND r.company_id = f.company_id
         ORDER BY r.id DESC LIMIT 1) AS profile
        """

    public func addFirm(territoryID: Int64, companyID: String, name: String, at: Date) async throws -> Firm {
        try await database.write { db in
            let exists = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM firms WHERE territory_id = ? AND company_id = ?",
                arguments: [territoryID, companyID])
            if exists == true { throw StoreError.duplicateFirm(companyID) }
            try db.execute(
                sql: """
                    INSERT INTO firms (territory_id, company_id, name, status, updated_at)
                    VALUES (?, ?, ?, 'invited', ?)
                    """,
                arguments: [territoryID, companyID, name, at.seconds])
            return Firm(
                territoryID: territoryID, companyID: companyID, name: name, status: .invited, profile: nil,
                comment: nil, updatedAt: at.rounded)
        }
    }

    public func firm(territoryID: Int64, companyID: String) async throws -> Firm? {
        try await database.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT \(Self.firmColumns) FROM firms f WHERE f.territory_id = ? AND f.company_id = ?",
                arguments: [territoryID, companyID]
            ).map { try Firm(row: $0) }
        }
    }

    public func firms(territoryID: Int64) async throws -> [Firm] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT \(Self.firmColumns) FROM firms f WHERE f.territory_id = ? ORDER BY f.name COLLATE NOCASE, f.company_id",
                arguments: [territoryID]
            ).map { try Firm(row: $0) }
        }
    }

    public func setStatus(
        _ status: FirmStatus, comment: String?, territoryID: Int64, companyID: String, at: Date
    ) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    UPDATE firms SET status = ?, comment = ?, updated_at = ?
                    WHERE territory_id = ? AND company_id = ?
                    """,
                arguments: [status.rawValue, comment, at.seconds, territoryID, companyID])
            if db.changesCount == 0 { throw StoreError.notFound }
        }
    }

    public func saveProfile(
        _ profile: String, status: FirmStatus, territoryID: Int64, companyID: String, author: Author, at: Date
    ) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE firms SET status = ?, updated_at = ? WHERE territory_id = ? AND company_id = ?",
                arguments: [status.rawValue, at.seconds, territoryID, companyID])
            if db.changesCount == 0 { throw StoreError.notFound }
            let (user, invitation) = author.columns
            try db.execute(
                sql: """
                    INSERT INTO profile_revisions
                        (territory_id, company_id, profile, status, author_user, author_invitation, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [territoryID, companyID, profile, status.rawValue, user, invitation, at.seconds])
        }
    }

    public func revisions(territoryID: Int64, companyID: String) async throws -> [ProfileRevision] {
        try await database.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT * FROM profile_revisions WHERE territory_id = ? AND company_id = ? ORDER BY id",
                arguments: [territoryID, companyID]
            ).map { try ProfileRevision(row: $0) }
        }
    }

    // MARK: - Invitations

    public func addInvitation(
        territoryID: Int64, companyID: String, tokenHash: String, email: String?, at: Date, expiresAt: Date
    ) async throws -> Invitation {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO invitations (territory_id, company_id, token_hash, email, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [territoryID, companyID, tokenHash, email, at.seconds, expiresAt.seconds])
            return Invitation(
                id: db.lastInsertedRowID, territoryID: territoryID, companyID: companyID, email: email,
                createdAt: at.rounded, expiresAt: expiresAt.rounded, revokedAt: nil)
        }
    }

    public func invitation(id: Int64) async throws -> Invitation? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invitations WHERE id = ?", arguments: [id])
                .map { try Invitation(row: $0) }
        }
    }

    public func invitation(tokenHash: String) async throws -> Invitation? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invitations WHERE token_hash = ?", arguments: [tokenHash])
                .map { try Invitation(row: $0) }
        }
    }

    public func invitations(territoryID: Int64) async throws -> [Invitation] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM invitations WHERE territory_id = ? ORDER BY id", arguments: [territoryID]
            ).map { try Invitation(row: $0) }
        }
    }

    public func revokeInvitation(id: Int64, at: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "UPDATE invitations SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?",
                arguments: [at.seconds, id])
            if db.changesCount == 0 { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM sessions WHERE invitation_id = ?", arguments: [id])
        }
    }

    // MARK: - Runs

    public func addRun(
        territoryID: Int64, ranBy: Int64, profiles: Int, outputs: RunOutputs, at: Date
    ) async throws -> MatchRun {
        let (recommendations, plan, report, snapshot, options) = (
            outputs.recommendations, outputs.plan, outputs.report, outputs.snapshot, outputs.options
        )
        return try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (territory_id, ran_by, ran_at, profiles, recommendations, plan, report, snapshot, options)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [territoryID, ranBy, at.seconds, profiles, recommendations, plan, report, snapshot, options])
            return MatchRun(
                id: db.lastInsertedRowID, territoryID: territoryID, ranAt: at.rounded, ranBy: ranBy,
                profiles: profiles, outputs: outputs, published: false)
        }
    }

    public func latestRun(territoryID: Int64, publishedOnly: Bool) async throws -> MatchRun? {
        try await database.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT * FROM runs WHERE territory_id = ? AND (published = 1 OR ? = 0)
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: [territoryID, publishedOnly ? 1 : 0]
            ).map { try MatchRun(row: $0) }
        }
    }

    public func publishRun(id: Int64) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE runs SET published = 1 WHERE id = ?", arguments: [id])
            if db.changesCount == 0 { throw StoreError.notFound }
        }
    }
}
