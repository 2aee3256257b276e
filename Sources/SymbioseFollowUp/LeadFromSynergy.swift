import Foundation
import SymbioseCore

/// A synergy as the recommendations of a run list it (`symbiose/recommendations@1`): what a
/// lead taken from results keeps of it.
public struct ProposedSynergy: Sendable, Hashable, Decodable {
    public struct Party: Sendable, Hashable, Decodable {
        public var company: String
        public var name: String?
        public var flow: String?
    }
    public struct Amount: Sendable, Hashable, Decodable {
        public var value: Double
        public var unit: String
        public var per: String?
    }
    struct Impact: Sendable, Hashable, Decodable {
        struct Net: Sendable, Hashable, Decodable { var net: Double? }
        var co2eKg: Net?
        var eur: Net?
    }

    public var id: String
    public var kind: String
    public var resource: String
    public var quantity: Amount?
    public var supplier: Party?
    public var receiver: Party?
    public var members: [Party]?
    /// `planned`, `seasonal`, `confidential`…
    public var flags: [String]?
    var impact: Impact?

    /// The synergies of a recommendations document.
    public static func all(in recommendations: String) throws -> [ProposedSynergy] {
        struct Document: Decodable { var synergies: [ProposedSynergy] }
        return try JSONDecoder().decode(Document.self, from: Data(recommendations.utf8)).synergies
    }
}

extension Lead {
    /// What matching proposed, kept so that a realisation's impact can be estimated from it.
    public struct Proposal: Sendable, Hashable, Codable {
        public var value: Double
        public var unit: String
        public var per: String
        public var co2eKgPerYear: Double?
        public var eurPerYear: Double?
    }

    /// A lead opened on a synergy of run `run`: its firms and flows, each flow's print from
    /// `profiles` (the profiles the run matched), and what it was expected to exchange and avoid.
    public init(
        _ synergy: ProposedSynergy, run: Int64, profiles: [Profile], title: String, facilitator: String,
        created: LeadChange
    ) {
        let flows = Dictionary(
            profiles.flatMap { profile in profile.flows.map { ("\(profile.company.id)\u{1}\($0.id)", $0) } }
        ) { first, _ in first }
        func party(_ found: ProposedSynergy.Party, _ role: Party.Role) -> Party {
            let print = found.flow.flatMap { flows["\(found.company)\u{1}\($0)"] }.map(FlowPrint.of)
            return Party(
                company: found.company, name: found.name ?? found.company, role: role, flow: found.flow,
                flowPrint: print)
        }
        let parties =
            synergy.members.map { $0.map { party($0, .member) } }
            ?? [synergy.supplier.map { party($0, .supplier) }, synergy.receiver.map { party($0, .receiver) }]
            .compactMap { $0 }
        self.init(
            kind: synergy.kind == "pooling" ? .pooling : .substitution, resource: synergy.resource, title: title,
            parties: parties, facilitator: facilitator,
            origin: Origin(kind: .run, run: run, synergy: synergy.id), created: created)
        if let amount = synergy.quantity, let per = amount.per {
            proposal = Proposal(
                value: amount.value, unit: amount.unit, per: per, co2eKgPerYear: synergy.impact?.co2eKg?.net,
                eurPerYear: synergy.impact?.eur?.net)
        }
    }

    /// The realisation with its CO2e and € estimated, where the firms gave none, from what
    /// matching expected, in proportion to the quantity actually exchanged (same impact
    /// factors, labelled as an estimate).
    public func estimated(_ realisation: Realisation) -> Realisation {
        guard realisation.co2eKgPerYear == nil && realisation.eurPerYear == nil, let proposal,
            let done = realisation.yearly,
            let expected = Realisation(
                value: proposal.value, unit: proposal.unit, per: proposal.per, start: realisation.start
            ).yearly, expected.unit == done.unit, expected.value > 0
        else { return realisation }
        let share = done.value / expected.value
        var estimated = realisation
        estimated.co2eKgPerYear = proposal.co2eKgPerYear.map { ($0 * share).rounded() }
        estimated.eurPerYear = proposal.eurPerYear.map { ($0 * share).rounded() }
        estimated.basis = .estimated
        return estimated
    }
}
