import Foundation
import PostgresNIO

extension PostgresStore {
    // MARK: - Accounts

    public func addUser(email: String, role: Role, passwordHash: String, at: Date) async throws -> User {
        let seconds = at.seconds
        let roleName = role.rawValue
        let id = try await write { connection in
            if try await count("SELECT COUNT(*) FROM users WHERE email = \(email)", on: connection) > 0 {
                throw StoreError.duplicateEmail(email)
            }
            return try await insertedID(
                """
                INSERT INTO users (email, role, password_hash, created_at)
                VALUES (\(email), \(roleName), \(passwordHash), \(seconds)) RETURNING id
                """, on: connection)
        }
        return User(id: id, email: email, role: role, passwordHash: passwordHash, createdAt: at.rounded)
    }

    public func user(email: String) async throws -> User? {
        try await row("SELECT * FROM users WHERE email = \(email)") { try User(row: $0) }
    }

    public func user(id: Int64) async throws -> User? {
        try await row("SELECT * FROM users WHERE id = \(id)") { try User(row: $0) }
    }

    public func users() async throws -> [User] {
        try await rows("SELECT * FROM users ORDER BY id") { try User(row: $0) }
    }

    public func setPassword(_ passwordHash: String, userID: Int64) async throws {
        try await write { connection in
            let updated = try await count(
                "WITH u AS (UPDATE users SET password_hash = \(passwordHash) WHERE id = \(userID) RETURNING 1) SELECT COUNT(*) FROM u",
                on: connection)
            if updated == 0 { throw StoreError.notFound }
            try await connection.query("DELETE FROM sessions WHERE user_id = \(userID)", logger: logger)
        }
    }

    public func recordLoginFailure(email: String, at: Date) async throws {
        let seconds = at.seconds
        let dayBefore = seconds - 86_400
        try await write { connection in
            try await connection.query(
                "INSERT INTO login_failures (email, at) VALUES (\(email), \(seconds))", logger: logger)
            try await connection.query("DELETE FROM login_failures WHERE at < \(dayBefore)", logger: logger)
        }
    }

    public func loginFailures(email: String, since: Date) async throws -> Int {
        let seconds = since.seconds
        return try await row("SELECT COUNT(*) AS n FROM login_failures WHERE email = \(email) AND at >= \(seconds)") {
            Int(try $0.integer("n"))
        } ?? 0
    }

    // MARK: - Sessions

    public func addSession(_ session: Session, at: Date) async throws {
        let (user, invitation) = session.holder.columns
        let (now, expires) = (at.seconds, session.expiresAt.seconds)
        let (hash, csrf) = (session.tokenHash, session.csrf)
        try await write { connection in
            try await connection.query("DELETE FROM sessions WHERE expires_at <= \(now)", logger: logger)
            try await connection.query(
                """
                INSERT INTO sessions (token_hash, user_id, invitation_id, csrf, created_at, expires_at)
                VALUES (\(hash), \(user), \(invitation), \(csrf), \(now), \(expires))
                """, logger: logger)
        }
    }

    public func session(tokenHash: String, now: Date) async throws -> Session? {
        let seconds = now.seconds
        return try await row("SELECT * FROM sessions WHERE token_hash = \(tokenHash) AND expires_at > \(seconds)") {
            try Session(row: $0)
        }
    }

    public func removeSession(tokenHash: String) async throws {
        try await write { connection in
            _ = try await connection.query("DELETE FROM sessions WHERE token_hash = \(tokenHash)", logger: logger)
        }
    }
}

extension Session.Holder {
    /// The user and invitation columns of a session row: one is set, the other `NULL`.
    var columns: (user: Int64?, invitation: Int64?) {
        switch self {
        case .user(let id): (id, nil)
        case .invitation(let id): (nil, id)
        }
    }
}

extension Author {
    var columns: (user: Int64?, invitation: Int64?) {
        switch self {
        case .user(let id): (id, nil)
        case .invitation(let id): (nil, id)
        }
    }
}
