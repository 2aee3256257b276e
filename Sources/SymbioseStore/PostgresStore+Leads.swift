import Foundation
import PostgresNIO
import SymbioseFollowUp

extension PostgresStore {
    public func addLead(_ lead: Lead, territoryID: Int64, at: Date) async throws -> StoredLead {
        let (document, status, changes, seconds) = (lead.json, lead.status.rawValue, lead.history.count, at.seconds)
        let id = try await write { connection in
            try await insertedID(
                """
                INSERT INTO leads (territory_id, document, status, changes, created_at, updated_at)
                VALUES (\(territoryID), \(document), \(status), \(changes), \(seconds), \(seconds)) RETURNING id
                """, on: connection)
        }
        return StoredLead(id: id, territoryID: territoryID, lead: lead)
    }

    public func lead(id: Int64) async throws -> StoredLead? {
        try await row("SELECT * FROM leads WHERE id = \(id)") { try StoredLead(row: $0) }
    }

    public func leads(territoryID: Int64) async throws -> [StoredLead] {
        try await rows("SELECT * FROM leads WHERE territory_id = \(territoryID) ORDER BY id") {
            try StoredLead(row: $0)
        }
    }

    public func updateLead(id: Int64, _ lead: Lead, readWith changes: Int, at: Date) async throws {
        let (document, status, count, seconds) = (lead.json, lead.status.rawValue, lead.history.count, at.seconds)
        try await write { connection in
            var stored: StoredLead?
            for try await row in try await connection.query(
                "SELECT * FROM leads WHERE id = \(id) FOR UPDATE", logger: logger)
            {
                stored = try StoredLead(row: row.makeRandomAccess())
            }
            guard let stored else { throw StoreError.notFound }
            guard stored.lead.history.count == changes else { throw StoreError.leadChanged(id) }
            guard lead.extendsHistory(of: stored.lead) else { throw StoreError.historyRewritten(id) }
            try await connection.query(
                """
                UPDATE leads SET document = \(document), status = \(status), changes = \(count),
                updated_at = \(seconds) WHERE id = \(id)
                """, logger: logger)
        }
    }
}

extension PostgresStore {
    public func addWorkshop(_ workshop: Workshop, territoryID: Int64, at: Date) async throws -> StoredWorkshop {
        let (document, seconds) = (workshop.json, at.seconds)
        let id = try await write { connection in
            try await insertedID(
                """
                INSERT INTO workshops (territory_id, document, created_at, updated_at)
                VALUES (\(territoryID), \(document), \(seconds), \(seconds)) RETURNING id
                """, on: connection)
        }
        return StoredWorkshop(id: id, territoryID: territoryID, workshop: workshop)
    }

    public func workshop(id: Int64) async throws -> StoredWorkshop? {
        try await row("SELECT * FROM workshops WHERE id = \(id)") { try StoredWorkshop(row: $0) }
    }

    public func workshops(territoryID: Int64) async throws -> [StoredWorkshop] {
        try await rows("SELECT * FROM workshops WHERE territory_id = \(territoryID) ORDER BY id") {
            try StoredWorkshop(row: $0)
        }
    }

    public func updateWorkshop(id: Int64, _ workshop: Workshop, at: Date) async throws {
        let (document, seconds) = (workshop.json, at.seconds)
        try await write { connection in
            let updated = try await count(
                """
                WITH w AS (UPDATE workshops SET document = \(document), updated_at = \(seconds)
                WHERE id = \(id) RETURNING 1) SELECT COUNT(*) FROM w
                """, on: connection)
            if updated == 0 { throw StoreError.notFound }
        }
    }
}
