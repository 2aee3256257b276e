import Foundation
import SymbioseCore

/// How firms and figures are shown in reports and maps: as declared, or anonymised.
///
/// Anonymised, each firm gets a stable pseudonym ("Entreprise A", "Company B"…: letters follow
/// the sorted company ids, so the same inputs always give the same letters), its id becomes
/// `firm-a`, coordinates are rounded to 0.01° (about 1 km), and every quantity is shown as a
/// band. Confidential flows are always banded unless `revealConfidential`.
public struct Presentation: Sendable {
    /// Set when made: the pseudonyms are worked out then, and only when anonymised.
    public let anonymize: Bool
    public var revealConfidential: Bool
    public var language: Language
    private var letters: [CompanyID: String] = [:]

    /// `companies` is read only when anonymised: a national run names a million firms.
    public init(
        companies: @autoclosure () -> [CompanyID], anonymize: Bool, revealConfidential: Bool = false,
        language: Language
    ) {
        self.anonymize = anonymize
        self.revealConfidential = revealConfidential
        self.language = language
        guard anonymize else { return }
        for (offset, id) in Set(companies()).sorted().enumerated() { letters[id] = Self.letters(for: offset) }
    }

    /// A, B, …, Z, AA, AB, …
    static func letters(for offset: Int) -> String {
        var n = offset
        var text = ""
        repeat {
            text = String(UnicodeScalar(UInt8(65 + n % 26))) + text
            n = n / 26 - 1
        } while n >= 0
        return text
    }

    public func name(_ reference: FlowReference) -> String { name(id: reference.company, name: reference.companyName) }

    public func name(id: CompanyID, name: String) -> String {
        guard anonymize else { return name }
        return (LocalizedText(en: "Company ", fr: "Entreprise ")[language]) + (letters[id] ?? "?")
    }

    public func id(_ company: CompanyID) -> String {
        guard anonymize else { return company.rawValue }
        return "firm-" + (letters[company] ?? "x").lowercased()
    }

    /// The grid anonymised positions snap to, in degrees (about 2 km).
    public static let anonymisedGridDegrees = 0.02

    public func coordinate(_ value: Double) -> Double {
        guard anonymize else { return (value * 1_000_000).rounded() / 1_000_000 }
        let grid = Self.anonymisedGridDegrees
        return ((value / grid).rounded() * grid * 100).rounded() / 100
    }

    /// A position as shown: snapped to the grid when anonymised.
    public func place(_ point: GeoPoint) -> GeoPoint {
        GeoPoint(latitude: coordinate(point.latitude), longitude: coordinate(point.longitude))
    }

    /// A distance as shown: rounded up to the next 5 km when anonymised.
    public func distance(_ km: Double) -> Double {
        anonymize ? max(5, (km / 5).rounded(.up) * 5) : km
    }

    /// A resource as shown: its parent category when anonymised (cullet is only glass, flue gas
    /// only heat), since a precise stream names the firm to anyone local.
    public func resource(_ code: ResourceCode) -> ResourceCode {
        anonymize ? (code.parent ?? code) : code
    }

    /// Whether figures of this flow must be shown as a band.
    public func bands(confidential: Bool) -> Bool {
        anonymize || (confidential && !revealConfidential)
    }

    /// The band holding `value` on a 1–2–5 scale: 150 is in [100, 200), 3,000 in [2,000, 5,000).
    public static func band(_ value: Double) -> (lower: Double, upper: Double) {
        guard value > 0, value.isFinite else { return (0, 0) }
        var decade = pow(10, log10(value).rounded(.down))
        if value / decade >= 10 { decade *= 10 }
        if value / decade < 1 { decade /= 10 }
        let mantissa = value / decade
        if mantissa < 2 { return (decade, 2 * decade) }
        if mantissa < 5 { return (2 * decade, 5 * decade) }
        return (5 * decade, 10 * decade)
    }

    /// An amount as people read it, exact or banded: `28 000 MWh/an` or `20 000–50 000 MWh/an`.
    public func amount(_ amount: Amount, confidential: Bool, writer: ReasonWriter) -> String {
        guard bands(confidential: confidential) else { return writer.amount(amount) }
        let (lower, upper) = Self.band(amount.value)
        let range =
            NumberFormatting.format(lower, decimals: 2, language: language) + "–"
            + NumberFormatting.format(upper, decimals: 2, language: language)
        let banded = Amount(value: 0, dimension: amount.dimension, isOneOff: amount.isOneOff)
        let text = writer.amount(banded)
        // Replace the leading "0" of the formatted zero amount with the range.
        return range + text.drop { $0 != " " }
    }

    /// CO2e and € of one synergy as people read them, exact or banded like its quantity.
    public func impact(_ impact: SynergyImpact?, confidential: Bool) -> String {
        guard let impact else { return "—" }
        let period = impact.quantity?.period ?? .year
        var parts: [String] = []
        if let kg = impact.netKg {
            parts.append(banded(kg / 1000, confidential: confidential, unit: " t CO2e", period))
        }
        if let eur = impact.netEUR { parts.append(banded(eur, confidential: confidential, unit: " €", period)) }
        return parts.isEmpty ? "?" : parts.joined(separator: " · ")
    }

    private func banded(_ value: Double, confidential: Bool, unit: String, _ period: Period) -> String {
        let suffix = period == .year ? (LocalizedText(en: "/yr", fr: "/an")[language]) : ""
        guard bands(confidential: confidential), value > 0 else {
            let decimals = abs(value) >= 100 || unit == " €" ? 0 : 1
            return NumberFormatting.format(value, decimals: decimals, language: language) + unit + suffix
        }
        let (lower, upper) = Self.band(value)
        return NumberFormatting.format(lower, decimals: 2, language: language) + "–"
            + NumberFormatting.format(upper, decimals: 2, language: language) + unit + suffix
    }
}
