import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseStore

extension LeadDesk {
    /// A lead entered by hand: its firms (`company` or `company` and its flow), what they would
    /// exchange (a code, or words read by the ranked search as a firm's free text is), where it
    /// came from. Substitution: the first firm gives, the second receives; pooling: all share.
    public struct ByHand: Sendable {
        public var firms: [(company: String, flow: String?)]
        public var kind: Lead.Kind = .substitution
        public var resource: String
        public var title: String?
        public var origin: Lead.Origin
        public var note: String?

        public init(firms: [(company: String, flow: String?)], resource: String, origin: Lead.Origin) {
            self.firms = firms
            self.resource = resource
            self.origin = origin
        }
    }

    /// Opens the lead `entry` describes; `prepare` completes it before it is stored.
    public func open(
        _ entry: ByHand, territoryID: Int64, author: String, at: Date, language: Language = .fr,
        prepare: (inout Lead) throws -> Void = { _ in }
    ) async throws -> StoredLead {
        let words = entry.resource.trimmingCharacters(in: .whitespaces)
        guard entry.firms.count >= 2, Set(entry.firms.map(\.company)).count == entry.firms.count, !words.isEmpty else {
            throw Refusal(
                text: LocalizedText(
                    en: "a lead needs at least two different firms and what they would exchange",
                    fr: "une piste demande au moins deux entreprises différentes et ce qu'elles échangeraient"))
        }
        let profiles = try await currentProfiles(territoryID: territoryID)
        var parties: [Lead.Party] = []
        for (index, chosen) in entry.firms.enumerated() {
            guard let firm = try await store.firm(territoryID: territoryID, companyID: chosen.company) else {
                throw Refusal(
                    text: LocalizedText(
                        en: "no firm \(chosen.company) in this territory",
                        fr: "pas d'entreprise \(chosen.company) sur ce territoire"))
            }
            let role: Lead.Party.Role = entry.kind == .pooling ? .member : (index == 0 ? .supplier : .receiver)
            let print = chosen.flow.flatMap { flow in
                profiles.first { $0.company.id.rawValue == firm.companyID }?.flows.first { $0.id.rawValue == flow }
            }.map(FlowPrint.of)
            parties.append(
                Lead.Party(company: firm.companyID, name: firm.name, role: role, flow: chosen.flow, flowPrint: print))
        }
        let code =
            taxonomy[ResourceCode(words)] != nil
            ? words : taxonomy.search(words, language: language).first?.code.rawValue ?? words
        let names = parties.map(\.name).joined(separator: entry.kind == .pooling ? ", " : " → ")
        let note = entry.note.flatMap { $0.isEmpty ? nil : String($0.prefix(2_000)) }
        var lead = Lead(
            kind: entry.kind, resource: code,
            title: entry.title ?? (language == .fr ? "\(names) : \(words)" : "\(names): \(words)"), parties: parties,
            facilitator: author, origin: entry.origin,
            created: LeadChange(status: .detected, at: at, author: author, note: note))
        try prepare(&lead)
        return try await store.addLead(lead, territoryID: territoryID, at: at)
    }
}
