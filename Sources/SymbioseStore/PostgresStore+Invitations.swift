import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: - Invitations

    public func addInvitation(
        territoryID: Int64, companyID: String, tokenHash: String, email: String?, at: Date, expiresAt: Date
    ) async throws -> Invitation {
        let (created, expires) = (at.seconds, expiresAt.seconds)
        let id = try await write { connection in
            try await insertedID(
                """
                INSERT INTO invitations (territory_id, company_id, token_hash, email, created_at, expires_at)
                VALUES (\(territoryID), \(companyID), \(tokenHash), \(email), \(created), \(expires)) RETURNING id
                """, on: connection)
        }
        return Invitation(
            id: id, territoryID: territoryID, companyID: companyID, email: email, createdAt: at.rounded,
            expiresAt: expiresAt.rounded, revokedAt: nil)
    }

    public func invitation(id: Int64) async throws -> Invitation? {
        try await row("SELECT * FROM invitations WHERE id = \(id)") { try Invitation(row: $0) }
    }

    public func invitation(tokenHash: String) async throws -> Invitation? {
        try await row("SELECT * FROM invitations WHERE token_hash = \(tokenHash)") { try Invitation(row: $0) }
    }

    public func invitations(territoryID: Int64) async throws -> [Invitation] {
        try await rows("SELECT * FROM invitations WHERE territory_id = \(territoryID) ORDER BY id") {
            try Invitation(row: $0)
        }
    }

    public func revokeInvitation(id: Int64, at: Date) async throws {
        let seconds = at.seconds
        try await write { connection in
            let updated = try await count(
                """
                WITH i AS (UPDATE invitations SET revoked_at = COALESCE(revoked_at, \(seconds)) WHERE id = \(id)
                RETURNING 1) SELECT COUNT(*) FROM i
                """, on: connection)
            if updated == 0 { throw StoreError.notFound }
            try await connection.query("DELETE FROM sessions WHERE invitation_id = \(id)", logger: logger)
        }
    }

    // MARK: - Runs

    public func addRun(
        territoryID: Int64, ranBy: Int64, profiles: Int, outputs: RunOutputs, at: Date
    ) async throws -> MatchRun {
        let (recommendations, plan, report, snapshot, options) = (
            outputs.recommendations, outputs.plan, outputs.report, outputs.snapshot, outputs.options
        )
        let (seconds, count) = (at.seconds, Int64(profiles))
        let id = try await write { connection in
            try await insertedID(
                """
                INSERT INTO runs (territory_id, ran_by, ran_at, profiles, recommendations, plan, report, snapshot, options)
                VALUES (\(territoryID), \(ranBy), \(seconds), \(count), \(recommendations), \(plan), \(report), \(snapshot), \(options))
                RETURNING id
                """, on: connection)
        }
        return MatchRun(
            id: id, territoryID: territoryID, ranAt: at.rounded, ranBy: ranBy, profiles: profiles,
            outputs: outputs, published: false)
    }

    public func latestRun(territoryID: Int64, publishedOnly: Bool) async throws -> MatchRun? {
        let any = !publishedOnly
        return try await row(
            """
            SELECT * FROM runs WHERE territory_id = \(territoryID) AND (published = 1 OR \(any))
            ORDER BY id DESC LIMIT 1
            """
        ) { try MatchRun(row: $0) }
    }

    public func publishRun(id: Int64) async throws {
        try await write { connection in
            let updated = try await count(
                "WITH r AS (UPDATE runs SET published = 1 WHERE id = \(id) RETURNING 1) SELECT COUNT(*) FROM r",
                on: connection)
            if updated == 0 { throw StoreError.notFound }
        }
    }
}
