import Foundation

/// A workshop: round tables of about five firms with a facilitator and a note-taker, each firm
/// bringing its "fiches ressources" (what it offers) and "fiches besoins" (what it needs).
/// Stored and exchanged as one JSON document (`symbiose/workshop@1`).
public struct Workshop: Sendable, Hashable, Codable {
    public var schema = Workshop.schemaName
    public var title: String
    /// `YYYY-MM-DD`.
    public var date: String
    public var place: String
    public var tables: Int
    /// The participating firms (`company.id`), in the order they were chosen.
    public var firms: [String]
    /// Who sits at which table, once seated.
    public var plan: [[String]]?

    public static let schemaName = "symbiose/workshop@1"

    public init(title: String, date: String, place: String, tables: Int, firms: [String]) {
        self.title = title
        self.date = date
        self.place = place
        self.tables = tables
        self.firms = firms
    }

    /// What is wrong with it, in words for the facilitator; empty when it can be kept.
    public var problems: [LeadProblem] {
        var problems: [LeadProblem] = []
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append(LeadProblem("a workshop needs a title", "un atelier doit avoir un titre"))
        }
        if Day(date) == nil {
            problems.append(LeadProblem("a date YYYY-MM-DD is needed", "une date AAAA-MM-JJ est nécessaire"))
        }
        if !(1...50).contains(tables) {
            problems.append(LeadProblem("between 1 and 50 tables", "entre 1 et 50 tables"))
        }
        if firms.count < 2 { problems.append(LeadProblem("at least two firms", "au moins deux entreprises")) }
        return problems
    }
}

/// A workshop in the store.
public struct StoredWorkshop: Sendable, Hashable {
    public var id: Int64
    public var territoryID: Int64
    public var workshop: Workshop

    public init(id: Int64, territoryID: Int64, workshop: Workshop) {
        self.id = id
        self.territoryID = territoryID
        self.workshop = workshop
    }
}
