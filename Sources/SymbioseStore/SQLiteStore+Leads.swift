import Foundation
import GRDB
import SymbioseFollowUp

extension SQLiteStore {
    public func addLead(_ lead: Lead, territoryID: Int64, at: Date) async throws -> StoredLead {
        let (document, status, changes) = (lead.json, lead.status.rawValue, lead.history.count)
        return try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO leads (territory_id, document, status, changes, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [territoryID, document, status, changes, at.seconds, at.seconds])
            return StoredLead(id: db.lastInsertedRowID, territoryID: territoryID, lead: lead)
        }
    }

    public func lead(id: Int64) async throws -> StoredLead? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM leads WHERE id = ?", arguments: [id]).map {
                try StoredLead(row: $0)
            }
        }
    }

    public func leads(territoryID: Int64) async throws -> [StoredLead] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM leads WHERE territory_id = ? ORDER BY id", arguments: [territoryID]
            )
            .map { try StoredLead(row: $0) }
        }
    }

    public func updateLead(id: Int64, _ lead: Lead, readWith changes: Int, at: Date) async throws {
        let (document, status, count) = (lead.json, lead.status.rawValue, lead.history.count)
        try await database.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM leads WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound
            }
            let stored = try StoredLead(row: row)
            guard stored.lead.history.count == changes else { throw StoreError.leadChanged(id) }
            guard lead.extendsHistory(of: stored.lead) else { throw StoreError.historyRewritten(id) }
            try db.execute(
                sql: "UPDATE leads SET document = ?, status = ?, changes = ?, updated_at = ? WHERE id = ?",
                arguments: [document, status, count, at.seconds, id])
        }
    }
}

extension SQLiteStore {
    public func addWorkshop(_ workshop: Workshop, territoryID: Int64, at: Date) async throws -> StoredWorkshop {
        let document = workshop.json
        return try await database.write { db in
            try db.execute(
                sql: "INSERT INTO workshops (territory_id, document, created_at, updated_at) VALUES (?, ?, ?, ?)",
                arguments: [territoryID, document, at.seconds, at.seconds])
            return StoredWorkshop(id: db.lastInsertedRowID, territoryID: territoryID, workshop: workshop)
        }
    }

    public func workshop(id: Int64) async throws -> StoredWorkshop? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM workshops WHERE id = ?", arguments: [id]).map {
                try StoredWorkshop(row: $0)
            }
        }
    }

    public func workshops(territoryID: Int64) async throws -> [StoredWorkshop] {
        try await database.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM workshops WHERE territory_id = ? ORDER BY id", arguments: [territoryID]
            ).map { try StoredWorkshop(row: $0) }
        }
    }

    public func updateWorkshop(id: Int64, _ workshop: Workshop, at: Date) async throws {
        let document = workshop.json
        try await database.write { db in
            try db.execute(
                sql: "UPDATE workshops SET document = ?, updated_at = ? WHERE id = ?",
                arguments: [document, at.seconds, id])
            if db.changesCount == 0 { throw StoreError.notFound }
        }
    }
}
