import Foundation

/// The funnel of a territory over a period, in figures: firms invited → profiles submitted →
/// synergies found → leads → leads by stage reached → realised, with what realised leads
/// exchange and avoid per year, and the median time between stages (`Docs/followup.md`).
public struct Funnel: Sendable, Hashable {
    /// What the funnel needs to know of a firm.
    public struct Firm: Sendable, Hashable {
        public var invitedAt: Date
        /// When it first sent its profile, if it did.
        public var submittedAt: Date?

        public init(invitedAt: Date, submittedAt: Date?) {
            self.invitedAt = invitedAt
            self.submittedAt = submittedAt
        }
    }

    public var invited = 0
    public var submitted = 0
    public var synergies = 0
    /// Leads opened in the period.
    public var leads = 0
    /// Of those leads, how many reached each stage (a lead that skipped a stage counts as having
    /// passed it) and how many were abandoned.
    public var reached: [LeadStatus: Int] = [:]
    /// Of those leads, how many stand at each status now.
    public var current: [LeadStatus: Int] = [:]
    /// What realised leads exchange per year, by base unit (t, m3, MWh).
    public var realisedPerYear: [String: Double] = [:]
    /// Summed over the realised leads that give them; `nil` when none does (unknown, not zero).
    public var co2eTonnesPerYear: Double?
    public var eurPerYear: Double?
    /// How many realised leads give their CO2e and € as estimates rather than measures, and how
    /// many give neither (left out of the sums, not counted as zero).
    public var estimatedImpacts = 0
    public var unknownImpacts = 0
    /// The median number of days from a lead's opening to each stage it reached.
    public var medianDays: [LeadStatus: Double] = [:]
    /// The median number of days from the stage before (the one the lead left) to each stage.
    public var medianDaysFromPrevious: [LeadStatus: Double] = [:]

    /// The figures of the firms, synergies and leads of a territory whose start falls in
    /// `period` (a firm by its invitation, a lead by its opening).
    public init(firms: [Firm], synergies: Int, leads: [Lead], period: DateInterval) {
        let inPeriod = { (date: Date) in date >= period.start && date < period.end }
        let invitedFirms = firms.filter { inPeriod($0.invitedAt) }
        invited = invitedFirms.count
        submitted = invitedFirms.filter { $0.submittedAt != nil }.count
        self.synergies = synergies
        let opened = leads.filter { lead in lead.history.first.map { inPeriod($0.at) } ?? false }
        self.leads = opened.count
        var days: [LeadStatus: [Double]] = [:]
        var steps: [LeadStatus: [Double]] = [:]
        for lead in opened {
            current[lead.status, default: 0] += 1
            let start = lead.history[0].at
            for (previous, change) in zip(lead.history, lead.history.dropFirst()) {
                days[change.status, default: []].append(change.at.timeIntervalSince(start) / 86_400)
                steps[change.status, default: []].append(change.at.timeIntervalSince(previous.at) / 86_400)
            }
            let furthest = lead.history.map(\.status).filter { $0 != .abandoned }.max() ?? .detected
            for stage in LeadStatus.allCases where stage != .abandoned && stage <= furthest {
                reached[stage, default: 0] += 1
            }
            if lead.status == .abandoned { reached[.abandoned, default: 0] += 1 }
            if lead.status == .realised, let realised = lead.realised { add(realised) }
        }
        medianDays = days.mapValues(Self.median)
        medianDaysFromPrevious = steps.mapValues(Self.median)
    }

    mutating func add(_ realised: Lead.Realisation) {
        if let yearly = realised.yearly { realisedPerYear[yearly.unit, default: 0] += yearly.value }
        guard realised.co2eKgPerYear != nil || realised.eurPerYear != nil else {
            unknownImpacts += 1
            return
        }
        if let kg = realised.co2eKgPerYear { co2eTonnesPerYear = (co2eTonnesPerYear ?? 0) + kg / 1000 }
        if let eur = realised.eurPerYear { eurPerYear = (eurPerYear ?? 0) + eur }
        if realised.basis == .estimated { estimatedImpacts += 1 }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
