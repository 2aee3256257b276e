import Foundation
import GRDB

/// The store in one SQLite file (WAL journal: readers never wait for the writer), or in memory
/// for tests. GRDB serialises the writes, each in its own transaction.
public final class SQLiteStore: SymbioseStore {
    let database: any DatabaseWriter

    /// Opens (creating when absent) the database at `path` and brings its schema up to date.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        database = try DatabasePool(path: path, configuration: configuration)
        try Self.migrate(database)
    }

    /// A database in memory, gone with the value.
    public init() throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        database = try DatabaseQueue(configuration: configuration)
        try Self.migrate(database)
    }

    /// The versioned SQL scripts, applied in order, each once and in one transaction.
    static let migrations: [(version: Int, sql: String)] = [
        (1, String(decoding: PackageResources.sqlite_001_initial_sql, as: UTF8.self)),
        (2, String(decoding: PackageResources.sqlite_002_run_snapshot_sql, as: UTF8.self)),
        (3, String(decoding: PackageResources.sqlite_003_run_options_sql, as: UTF8.self)),
        (4, String(decoding: PackageResources.sqlite_004_leads_sql, as: UTF8.self)),
        (5, String(decoding: PackageResources.sqlite_005_workshops_sql, as: UTF8.self)),
    ]

    static func migrate(_ database: any DatabaseWriter) throws {
        try database.write { db in
            try db.execute(
                sql:
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)"
            )
        }
        let applied = try database.read { db in try Int.fetchOne(db, sql: "SELECT MAX(version) FROM schema_migrations")
        }
        let known = migrations.last?.version ?? 0
        if let applied, applied > known { throw StoreError.newerSchema(found: applied, known: known) }
        for migration in migrations where migration.version > (applied ?? 0) {
            try database.write { db in
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    arguments: [migration.version, Int64(Date().timeIntervalSince1970)])
            }
        }
    }

    /// The schema version of the database.
    public func schemaVersion() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT MAX(version) FROM schema_migrations") ?? 0 }
    }

    /// Copies the whole database to `path` while it stays in use (SQLite's online backup).
    public func backup(to path: String) throws {
        let target = try DatabaseQueue(path: path)
        try database.backup(to: target)
    }

    // MARK: - Accounts

    public func addUser(email: String, role: Role, passwordHash: String, at: Date) async throws -> User {
        try await database.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE email = ?", arguments: [email]) == true {
                throw StoreError.duplicateEmail(email)
            }
            try db.execute(
                sql: "INSERT INTO users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
                arguments: [email, role.rawValue, passwordHash, at.seconds])
            return User(
                id: db.lastInsertedRowID, email: email, role: role, passwordHash: passwordHash, createdAt: at.rounded)
        }
    }

    public func user(email: String) async throws -> User? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE email = ?", arguments: [email]).map {
                try User(row: $0)
            }
        }
    }

    public func user(id: Int64) async throws -> User? {
        try await database.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]).map { try User(row: $0) }
        }
    }

    public func users() async throws -> [User] {
        try await database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM users ORDER BY id").map { try User(row: $0) }
        }
    }

    public func setPassword(_ passwordHash: String, userID: Int64) async throws {
        try await database.write { db in
            try db.execute(sql: "UPDATE users SET password_hash = ? WHERE id = ?", arguments: [passwordHash, userID])
            if db.changesCount == 0 { throw StoreError.notFound }
            try db.execute(sql: "DELETE FROM sessions WHERE user_id = ?", arguments: [userID])
        }
    }

    public func recordLoginFailure(email: String, at: Date) async throws {
        try await database.write { db in
            try db.execute(
                sql: "INSERT INTO login_failures (email, at) VALUES (?, ?)", arguments: [email, at.seconds])
            try db.execute(
                sql: "DELETE FROM login_failures WHERE at < ?", arguments: [at.seconds - 86_400])
        }
    }

    public func loginFailures(email: String, since: Date) async throws -> Int {
        try await database.read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM login_failures WHERE email = ? AND at >= ?",
                arguments: [email, since.seconds]) ?? 0
        }
    }

    // MARK: - Sessions

    public func addSession(_ session: Session, at: Date) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE expires_at <= ?", arguments: [at.seconds])
            let (user, invitation) = session.holder.columns
            try db.execute(
                sql: """
                    INSERT INTO sessions (token_hash, user_id, invitation_id, csrf, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [session.tokenHash, user, invitation, session.csrf, at.seconds, session.expiresAt.seconds])
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> Session? {
        try await database.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM sessions WHERE token_hash = ? AND expires_at > ?",
                arguments: [tokenHash, now.seconds]
            ).map { try Session(row: $0) }
        }
    }

    public func removeSession(tokenHash: String) async throws {
        try await database.write { db in
            try db.execute(sql: "DELETE FROM sessions WHERE token_hash = ?", arguments: [tokenHash])
        }
    }
}

extension Date {
    /// Unix seconds, as stored.
    var seconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    /// The date as it reads back from the store.
    var rounded: Date { Date(timeIntervalSince1970: Double(seconds)) }
    init(seconds: Int64) { self.init(timeIntervalSince1970: Double(seconds)) }
}
