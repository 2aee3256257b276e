import Foundation
import SymbioseFollowUp

extension StoredLead {
    init(row: some StoreRow) throws {
        let id = try row.integer("id")
        guard let lead = try? Lead(json: try row.text("document")) else { throw StoreError.corrupt("lead \(id)") }
        self.init(id: id, territoryID: try row.integer("territory_id"), lead: lead)
    }
}

extension Lead {
    /// Whether `self` only adds changes to `stored`'s history, leaving the past as it was.
    func extendsHistory(of stored: Lead) -> Bool {
        history.count >= stored.history.count && Array(history.prefix(stored.history.count)) == stored.history
    }
}

extension StoredWorkshop {
    init(row: some StoreRow) throws {
        let id = try row.integer("id")
        guard let workshop = try? Workshop(json: try row.text("document")) else {
            throw StoreError.corrupt("workshop \(id)")
        }
        self.init(id: id, territoryID: try row.integer("territory_id"), workshop: workshop)
    }
}
