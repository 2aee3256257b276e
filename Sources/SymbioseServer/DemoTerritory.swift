import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseStore

/// The Soissonnais-Valois demo as a territory of the portal: its 43 firms, all but three with
/// their profile submitted, those three with a draft to finish from their invitation link.
public struct DemoTerritory: Sendable {
    public static let name = "Soissonnais-Valois (démonstration)"
    public static let facilitatorEmail = "animateur@demo.symbiose"
    /// The firms whose links are printed: a sugar factory, a paper mill, a glassworks.
    public static let invitedFirms = ["tereos-bucy", "saica-paper-venizel", "verallia-cuffies"]

    public struct Access: Sendable {
        public var email: String
        public var password: String
        public var territoryID: Int64
        /// Firm name and invitation link.
        public var links: [(name: String, link: String)]
    }

    let portal: Portal

    public init(portal: Portal) { self.portal = portal }

    /// Loads the demo when the store has no demo territory yet, gives its facilitator a new
    /// password, and makes new links for the three firms.
    public func load() async throws -> Access {
        let store = portal.store
        let now = portal.clock()
        let password = Secrets.token().prefix(16).description
        let hash = Secrets.hash(password: password, cost: portal.passwordCost)
        let user: User
        if let existing = try await store.user(email: Self.facilitatorEmail) {
            try await store.setPassword(hash, userID: existing.id)
            user = existing
        } else {
            user = try await store.addUser(
                email: Self.facilitatorEmail, role: .facilitator, passwordHash: hash, at: now)
        }
        let territory: Territory
        if let existing = try await store.territories(visibleTo: user).first(where: { $0.name == Self.name }) {
            territory = existing
        } else {
            territory = try await store.addTerritory(name: Self.name, ownerID: user.id, at: now)
            try await addFirms(to: territory, by: user, at: now)
            try await DemoLeads(portal: portal).load(territory: territory, by: user, at: now)
        }
        var links: [(String, String)] = []
        for id in Self.invitedFirms {
            guard let firm = try await store.firm(territoryID: territory.id, companyID: id) else { continue }
            let invited = try await Invitations(portal: portal).invite(
                territory: territory, name: firm.name, companyID: id, email: nil)
            links.append((firm.name, portal.invitationLink(token: invited.token)))
        }
        return Access(email: Self.facilitatorEmail, password: password, territoryID: territory.id, links: links)
    }

    func addFirms(to territory: Territory, by user: User, at now: Date) async throws {
        let loaded = ProfileJSON.decode(ProfileInput.demoBytes, file: ProfileInput.demoFile, threads: 1).profiles
        for profile in loaded.map(\.profile) {
            let id = profile.company.id.rawValue
            _ = try await portal.store.addFirm(
                territoryID: territory.id, companyID: id, name: profile.company.name, at: now)
            try await portal.store.saveProfile(
                ProfileJSON.encode([profile]), status: Self.invitedFirms.contains(id) ? .draft : .submitted,
                territoryID: territory.id, companyID: id, author: .user(user.id), at: now)
        }
    }
}
