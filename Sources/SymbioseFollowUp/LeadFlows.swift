import SymbioseCore

/// What a flow was, in one line — resource, direction, quantity, unit and period — enough to
/// tell that a firm changed it: `material.glass.cullet output 800 t/year`.
public enum FlowPrint {
    public static func of(_ flow: Flow) -> String {
        var text = "\(flow.resource.rawValue) \(flow.direction.rawValue)"
        if let quantity = flow.quantity {
            text += " \(NumberFormatting.plain(quantity.value, decimalMark: ".")) \(quantity.unit.rawValue)"
            if let period = quantity.period { text += "/\(period.rawValue)" }
            if let hours = quantity.hours { text += " \(NumberFormatting.plain(hours, decimalMark: ".")) h" }
        }
        return text
    }
}

/// How a flow a lead relies on stands in the territory's current profiles.
public struct FlowCheck: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        case unchanged
        /// The firm changed it: what it was when the lead was made, and what it is now.
        case changed(was: String, now: String)
        /// The firm's profile no longer has it.
        case gone
        /// The firm no longer takes part (no profile submitted or accepted).
        case firmGone
    }
    public var company: String
    public var flow: String
    public var state: State

    public var text: LocalizedText {
        switch state {
        case .unchanged:
            LocalizedText(en: "\(company) \(flow): unchanged", fr: "\(company) \(flow) : inchangé")
        case .changed(let was, let now):
            LocalizedText(
                en: "\(company) \(flow) changed: was \(was), now \(now)",
                fr: "\(company) \(flow) a changé : était \(was), maintenant \(now)")
        case .gone:
            LocalizedText(
                en: "\(company) \(flow): no longer in the firm's profile",
                fr: "\(company) \(flow) : ne figure plus dans le profil de l'entreprise")
        case .firmGone:
            LocalizedText(
                en: "\(company): no profile taking part any more", fr: "\(company) : plus de profil participant")
        }
    }
}

extension Lead {
    /// The flows of the lead compared with the territory's current profiles, in party order;
    /// parties entered without a flow are not checked.
    public func check(against profiles: [Profile]) -> [FlowCheck] {
        let byCompany = Dictionary(profiles.map { ($0.company.id.rawValue, $0) }) { first, _ in first }
        return parties.compactMap { party in
            guard let flowID = party.flow else { return nil }
            guard let profile = byCompany[party.company] else {
                return FlowCheck(company: party.company, flow: flowID, state: .firmGone)
            }
            guard let flow = profile.flows.first(where: { $0.id.rawValue == flowID }) else {
                return FlowCheck(company: party.company, flow: flowID, state: .gone)
            }
            let now = FlowPrint.of(flow)
            guard let was = party.flowPrint, was != now else {
                return FlowCheck(company: party.company, flow: flowID, state: .unchanged)
            }
            return FlowCheck(company: party.company, flow: flowID, state: .changed(was: was, now: now))
        }
    }
}
