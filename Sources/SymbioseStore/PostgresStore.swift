import Foundation
import Logging
import PostgresNIO

/// The store on a PostgreSQL server, for several territories and many users: the same tables
/// and the same versioned migrations as ``SQLiteStore``, values always bound, never spliced.
public final class PostgresStore: SymbioseStore {
    let client: PostgresClient
    let running: Task<Void, Never>
    let logger = Logger(label: "symbiose.store")

    /// Connects to `postgres://user:password@host:port/database[?sslmode=disable|require]` and
    /// brings the schema up to date.
    public init(url: String) async throws {
        client = PostgresClient(configuration: try Self.configuration(url))
        let client = self.client
        running = Task { await client.run() }
        do {
            try await migrate()
        } catch {
            running.cancel()
            throw error
        }
    }

    deinit { running.cancel() }

    static func configuration(_ url: String) throws -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
            let host = parts.host, !host.isEmpty
        else { throw StoreError.badAddress(url) }
        let mode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
        let tls: PostgresClient.Configuration.TLS
        switch mode {
        case "disable": tls = .disable
        case "prefer": tls = .prefer(.makeClientConfiguration())
        case "require": tls = .require(.makeClientConfiguration())
        default: throw StoreError.badAddress(url)
        }
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        return PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: parts.user ?? "postgres", password: parts.password,
            database: database.isEmpty ? nil : database, tls: tls)
    }

    static let migrations: [(version: Int, statements: [String])] = [
        (1, Migrations.statements(PackageResources.postgres_001_initial_sql)),
        (2, Migrations.statements(PackageResources.postgres_002_run_snapshot_sql)),
        (3, Migrations.statements(PackageResources.postgres_003_run_options_sql)),
        (4, Migrations.statements(PackageResources.postgres_004_leads_sql)),
        (5, Migrations.statements(PackageResources.postgres_005_workshops_sql)),
    ]

    func migrate() async throws {
        try await client.withTransaction(logger: logger) { connection in
            // One server migrates at a time.
            try await connection.query("SELECT pg_advisory_xact_lock(7301001)", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
                logger: logger)
            var applied: Int64 = 0
            for try await version in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: logger
            ).decode(Int64.self) { applied = version }
            let known = Self.migrations.last?.version ?? 0
            if applied > known { throw StoreError.newerSchema(found: Int(applied), known: known) }
            for migration in Self.migrations where migration.version > applied {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = Int64(migration.version)
                let now = Date().seconds
                try await connection.query(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (\(version), \(now))", logger: logger)
            }
        }
    }

    // MARK: - Helpers

    /// The rows of a query, turned into values.
    func rows<T>(_ query: PostgresQuery, _ make: (PostgresRandomAccessRow) throws -> T) async throws -> [T] {
        var values: [T] = []
        for try await row in try await client.query(query, logger: logger) {
            values.append(try make(row.makeRandomAccess()))
        }
        return values
    }

    func row<T>(_ query: PostgresQuery, _ make: (PostgresRandomAccessRow) throws -> T) async throws -> T? {
        try await rows(query, make).first
    }

    /// A write in one transaction, rolled back on any error; a refusal of the store's own
    /// (``StoreError``) comes out as itself.
    func write<T>(_ body: (PostgresConnection) async throws -> sending T) async throws -> sending T {
        do {
            return try await client.withTransaction(logger: logger) { connection in try await body(connection) }
        } catch let error as PostgresTransactionError {
            if let refusal = error.closureError as? StoreError { throw refusal }
            throw error
        }
    }

    func count(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Int64 {
        var count: Int64 = 0
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { count = value }
        return count
    }

    func insertedID(_ query: PostgresQuery, on connection: PostgresConnection) async throws -> Int64 {
        var id: Int64?
        for try await value in try await connection.query(query, logger: logger).decode(Int64.self) { id = value }
        guard let id else { throw StoreError.corrupt("id") }
        return id
    }
}

extension PostgresRandomAccessRow: StoreRow {
    func integer(_ column: String) throws -> Int64 { try self[column].decode(Int64.self) }
    func optionalInteger(_ column: String) throws -> Int64? { try self[column].decode(Int64?.self) }
    func text(_ column: String) throws -> String { try self[column].decode(String.self) }
    func optionalText(_ column: String) throws -> String? { try self[column].decode(String?.self) }
}
