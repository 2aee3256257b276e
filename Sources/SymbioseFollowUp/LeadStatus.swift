import Foundation
import SymbioseCore

/// Where a lead stands: `detected → contacted → studying → negotiating → realised | abandoned`.
public enum LeadStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case detected, contacted, studying, negotiating, realised, abandoned

    /// Realised and abandoned leads are closed: they move no more.
    public var isFinal: Bool { self == .realised || self == .abandoned }

    var rank: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (a: LeadStatus, b: LeadStatus) -> Bool { a.rank < b.rank }

    /// Whether a lead may move from this status to `next`: forward only (a step may be skipped:
    /// firms that already talk go straight to studying), to abandoned from any open status, and
    /// never from a closed one.
    public func mayMove(to next: LeadStatus) -> Bool {
        guard !isFinal else { return false }
        return next == .abandoned || next > self
    }

    public var label: LocalizedText {
        switch self {
        case .detected: LocalizedText(en: "detected", fr: "détectée")
        case .contacted: LocalizedText(en: "contacted", fr: "contactée")
        case .studying: LocalizedText(en: "studying", fr: "à l'étude")
        case .negotiating: LocalizedText(en: "negotiating", fr: "en négociation")
        case .realised: LocalizedText(en: "realised", fr: "réalisée")
        case .abandoned: LocalizedText(en: "abandoned", fr: "abandonnée")
        }
    }
}

/// Why a lead was abandoned: the closed list of evaluations of French programmes.
public enum AbandonReason: String, Sendable, Hashable, Codable, CaseIterable {
    case technical, regulatory, economic, logistics, trust, timing, other

    public var label: LocalizedText {
        switch self {
        case .technical: LocalizedText(en: "technical", fr: "technique")
        case .regulatory: LocalizedText(en: "regulatory", fr: "réglementaire")
        case .economic: LocalizedText(en: "economic", fr: "économique")
        case .logistics: LocalizedText(en: "logistics", fr: "logistique")
        case .trust: LocalizedText(en: "trust", fr: "confiance")
        case .timing: LocalizedText(en: "timing", fr: "calendrier")
        case .other: LocalizedText(en: "other", fr: "autre")
        }
    }
}

/// One change of status, dated and signed.
public struct LeadChange: Sendable, Hashable, Codable {
    public var status: LeadStatus
    public var at: Date
    /// Who made the change (a facilitator's e-mail).
    public var author: String
    public var note: String?
    public var reason: AbandonReason?

    /// `at` is kept to the second, as documents store it.
    public init(status: LeadStatus, at: Date, author: String, note: String? = nil, reason: AbandonReason? = nil) {
        self.status = status
        self.at = Date(timeIntervalSince1970: at.timeIntervalSince1970.rounded(.down))
        self.author = author
        self.note = note
        self.reason = reason
    }
}

/// Why a change was refused, in words for the facilitator.
public struct LeadProblem: Error, Sendable, Hashable {
    public var text: LocalizedText

    public init(_ en: String, _ fr: String) { text = LocalizedText(en: en, fr: fr) }
}

extension Lead {
    /// A change asked for: the status, when and by whom, why (for an abandonment) and what was
    /// exchanged (for a realisation).
    public struct Move: Sendable, Hashable {
        public var status: LeadStatus
        public var at: Date?
        public var author: String
        public var note: String?
        public var reason: AbandonReason?
        public var realisation: Realisation?

        public init(
            status: LeadStatus, at: Date?, author: String, note: String? = nil, reason: AbandonReason? = nil,
            realisation: Realisation? = nil
        ) {
            self.status = status
            self.at = at
            self.author = author
            self.note = note
            self.reason = reason
            self.realisation = realisation
        }
    }

    /// Applies `move`, or refuses it with the reason and changes nothing.
    public mutating func apply(_ move: Move) throws(LeadProblem) {
        let author = move.author.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !author.isEmpty else { throw LeadProblem("a change needs its author", "un changement doit être signé") }
        guard let at = move.at else { throw LeadProblem("a change needs its date", "un changement doit être daté") }
        if let last = history.last, at < last.at {
            throw LeadProblem("a change cannot predate the last one", "un changement ne peut précéder le dernier")
        }
        guard status.mayMove(to: move.status) else {
            throw LeadProblem(
                "a lead \(status.label.en) cannot become \(move.status.label.en)",
                "une piste \(status.label.fr) ne peut devenir \(move.status.label.fr)")
        }
        let note = move.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if move.status == .abandoned {
            guard let reason = move.reason else {
                throw LeadProblem("an abandonment needs its reason", "un abandon doit avoir sa raison")
            }
            if reason == .other && (note ?? "").isEmpty {
                throw LeadProblem(
                    "reason \"other\" needs a note saying what it is", "la raison « autre » doit être précisée")
            }
        }
        if move.status == .realised { realised = estimated(try Self.checked(move.realisation)) }
        history.append(
            LeadChange(
                status: move.status, at: at, author: author, note: (note ?? "").isEmpty ? nil : note,
                reason: move.status == .abandoned ? move.reason : nil))
    }

    static func checked(_ realisation: Realisation?) throws(LeadProblem) -> Realisation {
        guard let realisation, realisation.value > 0, realisation.value.isFinite, !realisation.unit.isEmpty else {
            throw LeadProblem(
                "a realised lead needs the quantity exchanged", "une piste réalisée doit donner la quantité échangée")
        }
        guard realisation.yearly != nil else {
            throw LeadProblem(
                "a realised quantity needs a unit of mass, volume or energy and a period (t, m3, MWh… per year, month, week or day)",
                "une quantité réalisée demande une unité de masse, de volume ou d'énergie et une période (t, m3, MWh… par an, mois, semaine ou jour)"
            )
        }
        guard Day(realisation.start) != nil else {
            throw LeadProblem(
                "a realised lead needs its start date (YYYY-MM-DD)",
                "une piste réalisée doit donner sa date de début (AAAA-MM-JJ)")
        }
        return realisation
    }
}

/// A calendar day written `YYYY-MM-DD`.
public struct Day: Sendable, Hashable, Comparable {
    public var text: String

    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
            let day = Int(parts[2]), (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
            calendar.component(.day, from: date) == day
        else { return nil }
        self.text = text
    }

    public static func < (a: Day, b: Day) -> Bool { a.text < b.text }

    /// The day of `date` in UTC.
    public init(_ date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        text = String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}

extension Lead.Realisation {
    /// The quantity per year in its base unit (t, m3 or MWh), with that unit; `nil` for a power,
    /// a one-off amount or an unknown unit.
    public var yearly: (value: Double, unit: String)? {
        guard let unit = QuantityUnit(rawValue: unit), unit != .kilowatt, unit != .megawatt,
            let perYear = Period(rawValue: per)?.perYear
        else { return nil }
        let base: String
        switch unit.dimension {
        case .mass: base = "t"
        case .volume: base = "m3"
        case .energy: base = "MWh"
        default: return nil
        }
        return (value * unit.factorToBase * perYear, base)
    }
}

extension Day {
    /// When a change given as `text` happened: a day (`YYYY-MM-DD`, at noon UTC, or `now` for
    /// today) or an ISO 8601 time, never later than `now`; `nil` when `text` is neither.
    public static func moment(_ text: String, now: Date) -> Date? {
        let formatter = ISO8601DateFormatter()
        guard let day = Day(text) else { return formatter.date(from: text).map { min($0, now) } }
        if day == Day(now) { return now }
        return formatter.date(from: text + "T12:00:00Z").map { min($0, now) }
    }
}
