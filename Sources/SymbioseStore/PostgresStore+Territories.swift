import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: - Territories

    public func addTerritory(name: String, ownerID: Int64, at: Date) async throws -> Territory {
        let seconds = at.seconds
        let id = try await write { connection in
            try await insertedID(
                "INSERT INTO territories (name, owner_id, created_at) VALUES (\(name), \(ownerID), \(seconds)) RETURNING id",
                on: connection)
        }
        return Territory(id: id, name: name, ownerID: ownerID, createdAt: at.rounded)
    }

    public func territory(id: Int64) async throws -> Territory? {
        try await row("SELECT * FROM territories WHERE id = \(id)") { try Territory(row: $0) }
    }

    public func territories() async throws -> [Territory] {
        try await rows("SELECT * FROM territories ORDER BY id") { try Territory(row: $0) }
    }

    public func territories(visibleTo user: User) async throws -> [Territory] {
        let all = user.role == .admin
        return try await rows(
            "SELECT * FROM territories WHERE \(all) OR owner_id = \(user.id) ORDER BY id"
        ) { try Territory(row: $0) }
    }

    // MARK: - Firms and profiles

    public func addFirm(territoryID: Int64, companyID: String, name: String, at: Date) async throws -> Firm {
        let seconds = at.seconds
        try await write { connection in
            let existing = try await count(
                "SELECT COUNT(*) FROM firms WHERE territory_id = \(territoryID) AND company_id = \(companyID)",
                on: connection)
            if existing > 0 { throw StoreError.duplicateFirm(companyID) }
            try await connection.query(
                """
                INSERT INTO firms (territory_id, company_id, name, status, updated_at)
                VALUES (\(territoryID), \(companyID), \(name), 'invited', \(seconds))
                """, logger: logger)
        }
        return Firm(
            territoryID: territoryID, companyID: companyID, name: name, status: .invited, profile: nil, comment: nil,
            updatedAt: at.rounded)
    }

    public func firm(territoryID: Int64, companyID: String) async throws -> Firm? {
        try await row(
            "SELECT \(unescaped: SQLiteStore.firmColumns) FROM firms f WHERE f.territory_id = \(territoryID) AND f.company_id = \(companyID)"
        ) { try Firm(row: $0) }
    }

    public func firms(territoryID: Int64) async throws -> [Firm] {
        try await rows(
            """
            SELECT \(unescaped: SQLiteStore.firmColumns) FROM firms f WHERE f.territory_id = \(territoryID)
            ORDER BY LOWER(f.name), f.company_id
            """
        ) { try Firm(row: $0) }
    }

    public func setStatus(
        _ status: FirmStatus, comment: String?, territoryID: Int64, companyID: String, at: Date
    ) async throws {
        let (name, seconds) = (status.rawValue, at.seconds)
        try await write { connection in
            let updated = try await count(
                """
                WITH f AS (UPDATE firms SET status = \(name), comment = \(comment), updated_at = \(seconds)
                WHERE territory_id = \(territoryID) AND company_id = \(companyID) RETURNING 1) SELECT COUNT(*) FROM f
                """, on: connection)
            if updated == 0 { throw StoreError.notFound }
        }
    }

    public func saveProfile(
        _ profile: String, status: FirmStatus, territoryID: Int64, companyID: String, author: Author, at: Date
    ) async throws {
        let (name, seconds) = (status.rawValue, at.seconds)
        let (user, invitation) = author.columns
        try await write { connection in
            let updated = try await count(
                """
                WITH f AS (UPDATE firms SET status = \(name), updated_at = \(seconds)
                WHERE territory_id = \(territoryID) AND company_id = \(companyID) RETURNING 1) SELECT COUNT(*) FROM f
                """, on: connection)
            if updated == 0 { throw StoreError.notFound }
            try await connection.query(
                """
                INSERT INTO profile_revisions
                    (territory_id, company_id, profile, status, author_user, author_invitation, at)
                VALUES (\(territoryID), \(companyID), \(profile), \(name), \(user), \(invitation), \(seconds))
                """, logger: logger)
        }
    }

    public func revisions(territoryID: Int64, companyID: String) async throws -> [ProfileRevision] {
        try await rows(
            "SELECT * FROM profile_revisions WHERE territory_id = \(territoryID) AND company_id = \(companyID) ORDER BY id"
        ) { try ProfileRevision(row: $0) }
    }
}
