import Foundation

/// Turns the knowledge base's typical flows into flows of a firm: pre-filled templates,
/// suggestions of undeclared flows, and inferred flows for firms that declared none.
public enum ActivityInference {
    /// The flows a site of `activity` usually has, with quantities from the intensities for
    /// `employees` (or `output`), each marked `estimated` and explained in its note.
    ///
    /// - Parameters:
    ///   - usualOnly: leave out flows that fewer than half the sites of the activity have.
    ///   - inferred: mark the flows as inferred, for `match --infer`.
    public static func flows(
        of activity: ActivityProfile, employees: Int?, output: Double? = nil, base: ActivityBase = .builtIn,
        language: Language = .en, usualOnly: Bool = false, inferred: Bool = false
    ) -> [Flow] {
        var flows: [Flow] = []
        var used: Set<String> = []
        for typical in activity.flows where !usualOnly || typical.isUsual {
            let amount = activity.amounts(of: typical, employees: employees, output: output).typical
            var id = "typical-" + typical.resource.rawValue.split(separator: ".").dropFirst().joined(separator: "-")
            if id == "typical-" { id += typical.resource.rawValue }
            while !used.insert(id).inserted { id += "-2" }
            flows.append(
                Flow(
                    id: FlowID(id), direction: typical.direction, resource: typical.resource,
                    quantity: Quantity(value: roundedForDisplay(amount), unit: typical.unit),
                    quality: FlowQuality(temperature: typical.temperature, medium: medium(for: typical)),
                    availability: typical.months.map { .seasonal(months: $0) } ?? .continuous,
                    status: typical.direction == .output ? typical.status : nil, confidence: .estimated,
                    note: note(typical, activity: activity, base: base, language: language), inferred: inferred))
        }
        return flows
    }

    /// An amount to two significant figures: an estimate's precision, not more.
    public static func roundedForDisplay(_ value: Double) -> Double {
        guard value > 0 else { return value }
        let magnitude = pow(10, (log10(value)).rounded(.down) - 1)
        return (value / magnitude).rounded() * magnitude
    }

    /// The heat carrier a typical heat flow implies.
    static func medium(for flow: TypicalFlow) -> HeatMedium? {
        switch flow.resource.rawValue {
        case let code where code.hasPrefix("heat.steam"): .steam
        case "heat.flue-gas", "heat.furnace": .flueGas
        case "heat.exhaust-air", "heat.drying", "heat.compressor": .air
        case let code where code.hasPrefix("heat."): .water
        default: nil
        }
    }

    /// "Typical of NAF 10.81Z (Manufacture of sugar): 0.2–0.26 t per t of beet processed. Source: …"
    public static func note(
        _ flow: TypicalFlow, activity: ActivityProfile, base: ActivityBase, language: Language
    ) -> String {
        let low = NumberFormatting.format(flow.low, decimals: 6, language: language)
        let high = NumberFormatting.format(flow.high, decimals: 6, language: language)
        let range = "\(low)–\(high) \(flow.unit.rawValue)"
        let basis =
            flow.perOutput
            ? (LocalizedText(en: "per ", fr: "par ")[language]) + (activity.output?.name[language] ?? "")
            : (LocalizedText(en: "per employee a year", fr: "par salarié et par an")[language])
        let source = base.source(flow.source)
        let cited =
            source?.isEstimate == false
            ? (LocalizedText(en: "Source: ", fr: "Source : ")[language]) + (source?.citation ?? flow.source)
            : (LocalizedText(
                en: "An estimated order of magnitude: replace it with your figure.",
                fr: "Ordre de grandeur estimé, à remplacer par votre chiffre.")[language])
        return LocalizedText(
            en: "Typical of activity \(activity.naf) (\(activity.name.en)): \(range) \(basis). \(cited)",
            fr: "Typique de l'activité \(activity.naf) (\(activity.name.fr)) : \(range) \(basis). \(cited)")[language]
    }

    /// Whether `profile` declares a flow that covers `typical`: the same direction and the same
    /// resource, a more specific one, or a more general one.
    public static func declares(_ profile: Profile, _ typical: TypicalFlow) -> Bool {
        let flows = typical.direction == .output ? profile.outputs : profile.inputs
        return flows.contains { flow in
            flow.resource.isWithin(typical.resource) || typical.resource.isWithin(flow.resource)
        }
    }

    /// The usual flows of the profile's activity that it does not declare, in the base's order.
    public static func missing(in profile: Profile, base: ActivityBase = .builtIn) -> [TypicalFlow] {
        guard let activity = base.activity(naf: profile.company.naf) else { return [] }
        return activity.flows.filter { $0.isUsual && !declares(profile, $0) }
    }

    /// Adds inferred flows to every profile that declares no flow at all and whose activity the
    /// base knows; other profiles are left as they are.
    ///
    /// - Returns: the profiles, and the ids of the companies that received inferred flows.
    public static func infer(_ profiles: [LoadedProfile], base: ActivityBase = .builtIn) -> (
        profiles: [LoadedProfile], companies: [CompanyID]
    ) {
        var result = profiles
        var companies: [CompanyID] = []
        for index in result.indices {
            let profile = result[index].profile
            guard profile.flows.isEmpty, let activity = base.activity(naf: profile.company.naf) else { continue }
            let flows = flows(
                of: activity, employees: profile.company.employees, base: base, usualOnly: true, inferred: true)
            result[index].profile.outputs = flows.filter { $0.direction == .output }
            result[index].profile.inputs = flows.filter { $0.direction == .input }
            companies.append(profile.company.id)
        }
        return (result, companies)
    }
}
