import Foundation
import GRDB

extension User {
    init(row: Row) {
        self.init(
            id: row["id"], email: row["email"], role: Role(rawValue: row["role"]) ?? .facilitator,
            passwordHash: row["password_hash"], createdAt: Date(seconds: row["created_at"]))
    }
}

extension Territory {
    init(row: Row) {
        self.init(
            id: row["id"], name: row["name"], ownerID: row["owner_id"], createdAt: Date(seconds: row["created_at"]))
    }
}

extension Firm {
    init(row: Row) {
        self.init(
            territoryID: row["territory_id"], companyID: row["company_id"], name: row["name"],
            status: FirmStatus(rawValue: row["status"]) ?? .invited, profile: row["profile"], comment: row["comment"],
            updatedAt: Date(seconds: row["updated_at"]))
    }
}

extension ProfileRevision {
    init(row: Row) {
        let user: Int64? = row["author_user"]
        let invitation: Int64? = row["author_invitation"]
        self.init(
            id: row["id"], profile: row["profile"], author: user.map(Author.user) ?? .invitation(invitation ?? 0),
            status: FirmStatus(rawValue: row["status"]) ?? .draft, at: Date(seconds: row["at"]))
    }
}

extension Invitation {
    init(row: Row) {
        let revoked: Int64? = row["revoked_at"]
        self.init(
            id: row["id"], territoryID: row["territory_id"], companyID: row["company_id"], email: row["email"],
            createdAt: Date(seconds: row["created_at"]), expiresAt: Date(seconds: row["expires_at"]),
            revokedAt: revoked.map(Date.init(seconds:)))
    }
}

extension Session {
    init(row: Row) {
        let user: Int64? = row["user_id"]
        let invitation: Int64? = row["invitation_id"]
        self.init(
            tokenHash: row["token_hash"], holder: user.map(Holder.user) ?? .invitation(invitation ?? 0),
            csrf: row["csrf"], expiresAt: Date(seconds: row["expires_at"]))
    }
}

extension MatchRun {
    init(row: Row) {
        self.init(
            id: row["id"], territoryID: row["territory_id"], ranAt: Date(seconds: row["ran_at"]),
            ranBy: row["ran_by"], profiles: row["profiles"], recommendations: row["recommendations"],
            plan: row["plan"], report: row["report"], published: row["published"] as Int64 != 0)
    }
}
