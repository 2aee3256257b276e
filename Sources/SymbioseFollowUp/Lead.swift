import Foundation
import SymbioseCore

/// A synergy a facilitator decided to follow, from its detection to a signed exchange or its
/// abandonment: the firms and flows involved, where it came from, who is in charge, what is
/// next, and every change of status, dated and signed (`Docs/followup.md`).
///
/// It is stored and exchanged as one JSON document (`symbiose/lead@1`), the same for the
/// store, the command line and the API.
public struct Lead: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case substitution, pooling
    }

    /// A firm of the lead and the flow it brings.
    public struct Party: Sendable, Hashable, Codable {
        public enum Role: String, Sendable, Hashable, Codable {
            case supplier, receiver, member
        }
        public var company: String
        public var name: String
        public var role: Role
        /// The flow's id in the firm's profile; `nil` for a lead entered by hand without one.
        public var flow: String?
        /// What the flow was when the lead was made (``FlowPrint``), to tell when it changes.
        public var flowPrint: String?
        /// A named contact, kept out of exports unless asked for.
        public var contact: Contact?

        public init(company: String, name: String, role: Role, flow: String? = nil, flowPrint: String? = nil) {
            self.company = company
            self.name = name
            self.role = role
            self.flow = flow
            self.flowPrint = flowPrint
        }
    }

    /// A named contact of a firm: the profile's own kind.
    public typealias Contact = SymbioseCore.Contact

    /// Where the lead came from.
    public struct Origin: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case run, workshop, call, other
        }
        public var kind: Kind
        /// The match run and the synergy it proposed, for a lead taken from results.
        public var run: Int64?
        public var synergy: String?
        public var workshop: Int64?
        public var note: String?

        public init(kind: Kind, run: Int64? = nil, synergy: String? = nil, workshop: Int64? = nil, note: String? = nil)
        {
            self.kind = kind
            self.run = run
            self.synergy = synergy
            self.workshop = workshop
            self.note = note
        }
    }

    /// What a realised lead actually exchanges, and its yearly impact.
    public struct Realisation: Sendable, Hashable, Codable {
        public enum Basis: String, Sendable, Hashable, Codable {
            case measured, estimated
        }
        public var value: Double
        public var unit: String
        public var per: String
        /// The first day of the exchange, `YYYY-MM-DD`.
        public var start: String
        public var co2eKgPerYear: Double?
        public var eurPerYear: Double?
        /// Whether the impact was measured by the firms or estimated with the impact factors.
        public var basis: Basis

        public init(
            value: Double, unit: String, per: String, start: String, co2eKgPerYear: Double? = nil,
            eurPerYear: Double? = nil, basis: Basis = .estimated
        ) {
            self.value = value
            self.unit = unit
            self.per = per
            self.start = start
            self.co2eKgPerYear = co2eKgPerYear
            self.eurPerYear = eurPerYear
            self.basis = basis
        }
    }

    public var schema = Lead.schemaName
    public var kind: Kind
    public var resource: String
    public var title: String
    public var parties: [Party]
    /// The facilitator in charge (their e-mail).
    public var facilitator: String
    public var origin: Origin
    /// Every change of status, oldest first; the first one creates the lead.
    public var history: [LeadChange]
    public var nextAction: String?
    /// When the next action is due, `YYYY-MM-DD`.
    public var due: String?
    public var realised: Realisation?
    /// What matching proposed, for a lead taken from results.
    public var proposal: Proposal?

    public static let schemaName = "symbiose/lead@1"

    public var status: LeadStatus { history.last?.status ?? .detected }
    public var companies: [String] { parties.map(\.company) }

    public init(
        kind: Kind, resource: String, title: String, parties: [Party], facilitator: String, origin: Origin,
        created: LeadChange
    ) {
        self.kind = kind
        self.resource = resource
        self.title = title
        self.parties = parties
        self.facilitator = facilitator
        self.origin = origin
        history = [created]
    }

    /// Whether the next action is due before `today` (`YYYY-MM-DD`) on a lead still open.
    public func isOverdue(today: String) -> Bool {
        guard !status.isFinal, let due else { return false }
        return due < today
    }
}

/// A lead in the store: its number in the territory and its document.
public struct StoredLead: Sendable, Hashable {
    public var id: Int64
    public var territoryID: Int64
    public var lead: Lead

    public init(id: Int64, territoryID: Int64, lead: Lead) {
        self.id = id
        self.territoryID = territoryID
        self.lead = lead
    }
}

extension Lead.Realisation {
    private enum CodingKeys: String, CodingKey {
        case value, unit, per, start, co2eKgPerYear, eurPerYear, basis
    }

    /// Reads a realisation; without `basis`, impacts given are measured and none means estimated.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(Double.self, forKey: .value)
        unit = try container.decode(String.self, forKey: .unit)
        per = try container.decodeIfPresent(String.self, forKey: .per) ?? "year"
        start = try container.decodeIfPresent(String.self, forKey: .start) ?? ""
        co2eKgPerYear = try container.decodeIfPresent(Double.self, forKey: .co2eKgPerYear)
        eurPerYear = try container.decodeIfPresent(Double.self, forKey: .eurPerYear)
        basis =
            try container.decodeIfPresent(Basis.self, forKey: .basis)
            ?? (co2eKgPerYear != nil || eurPerYear != nil ? .measured : .estimated)
    }
}
