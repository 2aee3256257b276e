import Foundation

/// A row of either database, read by column name: the one place that turns rows into the
/// store's values, whichever back end read them.
protocol StoreRow {
    func integer(_ column: String) throws -> Int64
    func optionalInteger(_ column: String) throws -> Int64?
    func text(_ column: String) throws -> String
    func optionalText(_ column: String) throws -> String?
}

extension StoreRow {
    func date(_ column: String) throws -> Date { Date(seconds: try integer(column)) }
}

extension User {
    init(row: some StoreRow) throws {
        self.init(
            id: try row.integer("id"), email: try row.text("email"),
            role: Role(rawValue: try row.text("role")) ?? .facilitator, passwordHash: try row.text("password_hash"),
            createdAt: try row.date("created_at"))
    }
}

extension Territory {
    init(row: some StoreRow) throws {
        self.init(
            id: try row.integer("id"), name: try row.text("name"), ownerID: try row.integer("owner_id"),
            createdAt: try row.date("created_at"))
    }
}

extension Firm {
    init(row: some StoreRow) throws {
        self.init(
            territoryID: try row.integer("territory_id"), companyID: try row.text("company_id"),
            name: try row.text("name"), status: FirmStatus(rawValue: try row.text("status")) ?? .invited,
            profile: try row.optionalText("profile"), comment: try row.optionalText("comment"),
            updatedAt: try row.date("updated_at"))
    }
}

extension ProfileRevision {
    init(row: some StoreRow) throws {
        let user = try row.optionalInteger("author_user")
        let invitation = try row.optionalInteger("author_invitation")
        self.init(
            id: try row.integer("id"), profile: try row.text("profile"),
            author: user.map(Author.user) ?? .invitation(invitation ?? 0),
            status: FirmStatus(rawValue: try row.text("status")) ?? .draft, at: try row.date("at"))
    }
}

extension Invitation {
    init(row: some StoreRow) throws {
        self.init(
            id: try row.integer("id"), territoryID: try row.integer("territory_id"),
            companyID: try row.text("company_id"), email: try row.optionalText("email"),
            createdAt: try row.date("created_at"), expiresAt: try row.date("expires_at"),
            revokedAt: try row.optionalInteger("revoked_at").map(Date.init(seconds:)))
    }
}

extension Session {
    init(row: some StoreRow) throws {
        let user = try row.optionalInteger("user_id")
        let invitation = try row.optionalInteger("invitation_id")
        self.init(
            tokenHash: try row.text("token_hash"), holder: user.map(Holder.user) ?? .invitation(invitation ?? 0),
            csrf: try row.text("csrf"), expiresAt: try row.date("expires_at"))
    }
}

extension MatchRun {
    init(row: some StoreRow) throws {
        self.init(
            id: try row.integer("id"), territoryID: try row.integer("territory_id"), ranAt: try row.date("ran_at"),
            ranBy: try row.integer("ran_by"), profiles: Int(try row.integer("profiles")),
            outputs: RunOutputs(
                recommendations: try row.text("recommendations"), plan: try row.text("plan"),
                report: try row.text("report"), snapshot: try row.text("snapshot"),
                options: try row.text("options")),
            published: try row.integer("published") != 0)
    }
}

/// The versioned SQL scripts of a back end, each split into its statements.
enum Migrations {
    static func statements(_ script: [UInt8]) -> [String] {
        String(decoding: script, as: UTF8.self).split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("--") }
            .joined(separator: "\n").split(separator: ";")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }
}
