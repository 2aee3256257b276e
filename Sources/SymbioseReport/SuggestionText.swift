import SymbioseCore

/// What `symbiose suggest` writes: per firm, the usual flows of its activity its profile does
/// not declare, as text for an interview or as a `symbiose/suggestions@1` document.
public enum SuggestionText {
    /// One block per firm:
    ///
    ///     Tereos (10.81Z, Manufacture of sugar): 2 usual flows not in the profile
    ///       - releases molasses, September–January: about 230,000 t/yr (160,000–320,000) for 187 employees
    ///         source: CEDUS, Les coproduits en sucrerie, 2022
    public static func text(_ suggestions: [Suggestion], base: ActivityBase, writer: ReasonWriter) -> String {
        let language = writer.language
        var out = ""
        for suggestion in suggestions {
            let company = suggestion.profile.company
            guard let activity = suggestion.activity else {
                out +=
                    LocalizedText(
                        en: "\(company.name): no typical profile for activity \(company.naf ?? "not given")\n\n",
                        fr: "\(company.name) : aucun profil type pour l'activité \(company.naf ?? "non renseignée")\n\n"
                    )[language]
                continue
            }
            let head = "\(company.name) (\(activity.naf), \(activity.name[language]))"
            if suggestion.missing.isEmpty {
                out +=
                    LocalizedText(
                        en: "\(head): the profile declares every usual flow of the activity\n\n",
                        fr: "\(head) : le profil déclare tous les flux usuels de l'activité\n\n")[language]
                continue
            }
            let count = suggestion.missing.count
            out +=
                LocalizedText(
                    en: "\(head): \(count) usual flow\(count > 1 ? "s" : "") not in the profile\n",
                    fr: "\(head) : \(count) flux usuel\(count > 1 ? "s" : "") absent\(count > 1 ? "s" : "") du profil\n"
                )[language]
            for flow in suggestion.missing {
                out += "  - " + line(flow, activity: activity, company: company, writer: writer) + "\n"
                let source = base.source(flow.source)
                out +=
                    "    "
                    + (source?.isEstimate == false
                        ? (LocalizedText(en: "source: ", fr: "source : ")[language]) + (source?.citation ?? flow.source)
                        : (LocalizedText(en: "estimated order of magnitude", fr: "ordre de grandeur estimé")[language]))
                    + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// "releases molasses, September–January: about 230,000 t/yr (160,000–320,000) for 187 employees".
    static func line(_ flow: TypicalFlow, activity: ActivityProfile, company: Company, writer: ReasonWriter) -> String {
        let language = writer.language
        let amounts = activity.amounts(of: flow, employees: company.employees)
        let label = writer.label(flow.resource)
        var text: String
        switch flow.direction {
        case .output: text = LocalizedText(en: "usually releases ", fr: "rejette d'habitude : ")[language] + label
        case .input:
            let of = "aeéèêiouy".contains(label.prefix(1)) ? "d'" : "de "
            text = LocalizedText(en: "usually needs ", fr: "a d'habitude besoin " + of)[language] + label
        }
        if let temperature = flow.temperature {
            text += " (\(NumberFormatting.format(temperature, language: language)) °C)"
        }
        if let months = flow.months { text += ", " + MonthNames.period(MonthSet(months), language: language) }
        // As people write units: m³ and m², not the file's m3 and m2.
        let symbol = flow.unit.rawValue.replacingOccurrences(of: "m3", with: "m³").replacingOccurrences(
            of: "m2", with: "m²")
        let unit: String = symbol + (LocalizedText(en: "/yr", fr: "/an")[language])
        func number(_ value: Double) -> String {
            NumberFormatting.quantity(ActivityInference.roundedForDisplay(value), language: language)
        }
        let about: String = LocalizedText(en: ": about ", fr: " : environ ")[language]
        text += about + number(amounts.typical) + " " + unit
        text += " (" + number(amounts.low) + "–" + number(amounts.high) + ")"
        let people = company.employees ?? activity.typicalEmployees
        text +=
            company.employees == nil
            ? (LocalizedText(
                en: " for a typical site of \(people) employees", fr: " pour un site type de \(people) salariés")[
                    language])
            : (LocalizedText(en: " for \(people) employees", fr: " pour \(people) salariés")[language])
        return text
    }

    private static func missingFlow(_ flow: TypicalFlow, activity: ActivityProfile, company: Company) -> JSONOutput {
        let amounts = activity.amounts(of: flow, employees: company.employees)
        let months: JSONOutput = flow.months.map { .array($0.map(JSONOutput.integer)) } ?? .null
        let members: [(String, JSONOutput)] = [
            ("direction", .string(flow.direction.rawValue)), ("resource", .string(flow.resource)),
            ("unit", .string(flow.unit.rawValue)),
            ("typical", .number(ActivityInference.roundedForDisplay(amounts.typical))),
            ("low", .number(ActivityInference.roundedForDisplay(amounts.low))),
            ("high", .number(ActivityInference.roundedForDisplay(amounts.high))), ("months", months),
            ("temperature", flow.temperature.map(JSONOutput.number) ?? .null), ("source", .string(flow.source)),
        ]
        return .object(members)
    }

    /// `{"schema": "symbiose/suggestions@1", "firms": [{"company", "naf", "activity", "missing":
    /// [{"direction", "resource", "unit", "typical", "low", "high", "months", "temperature",
    /// "source"}]}]}`.
    public static func json(_ suggestions: [Suggestion], language: Language) -> String {
        JSONOutput.object([
            ("schema", .string("symbiose/suggestions@1")),
            ("language", .string(language.rawValue)),
            (
                "firms",
                .array(
                    suggestions.map { suggestion in
                        let company = suggestion.profile.company
                        var members: [(String, JSONOutput)] = [
                            ("company", .string(company.id)), ("name", .string(company.name)),
                            ("naf", company.naf.map(JSONOutput.string) ?? .null),
                            ("activity", suggestion.activity.map { .string($0.name[language]) } ?? .null),
                        ]
                        members.append(
                            (
                                "missing",
                                .array(
                                    suggestion.missing.map { flow in
                                        missingFlow(flow, activity: suggestion.activity!, company: company)
                                    })
                            ))
                        return .object(members)
                    })
            ),
        ]).rendered()
    }
}
