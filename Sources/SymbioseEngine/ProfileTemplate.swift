import SymbioseCore
import SymbioseFormats
import SymbioseXML

/// The blank profile `symbiose template` prints.
public enum ProfileTemplate {
    public static func text(format: ProfileLoader.Format, language: Language) -> String {
        switch format {
        case .xml: xml[language]
        default: ProfileJSON.encode([example(language: language)])
        }
    }

    /// The XML template in both languages, every field explained in comments.
    public static let xml = LocalizedText(
        en: String(decoding: PackageResources.template_en_xml, as: UTF8.self),
        fr: String(decoding: PackageResources.template_fr_xml, as: UTF8.self))

    /// The example profile of the template.
    public static func example(language: Language) -> Profile {
        ProfileXML.decode(Array(xml[language].utf8), file: "template.xml").profiles[0].profile
    }

    /// A profile for a site of the activity `naf`, with every typical flow of the knowledge
    /// base, quantities for its headcount (or output), marked estimated and explained.
    ///
    /// - Throws: `UnknownActivity`, which says which codes of the division are known, when the
    ///   base does not know the activity.
    public static func prefilled(
        naf: String, employees: Int?, output: Double?, base: ActivityBase, language: Language
    ) throws(UnknownActivity) -> Profile {
        guard let activity = base.activity(naf: naf) else {
            let division = String(naf.prefix(2))
            throw UnknownActivity(naf: naf, known: base.all.filter { $0.naf.hasPrefix(division) }.map(\.naf))
        }
        let flows = ActivityInference.flows(
            of: activity, employees: employees, output: output, base: base, language: language)
        return Profile(
            company: Company(
                id: CompanyID(LocalizedText(en: "my-company", fr: "mon-entreprise")[language]),
                name: LocalizedText(en: "My company", fr: "Mon entreprise")[language], naf: activity.naf,
                employees: employees ?? activity.typicalEmployees),
            site: Site(),
            outputs: flows.filter { $0.direction == .output }, inputs: flows.filter { $0.direction == .input })
    }

    /// The example as one spreadsheet row: the company with its first flow.
    public static func spreadsheetExample(language: Language) -> Profile {
        var profile = example(language: language)
        profile.outputs = Array(profile.outputs.prefix(1))
        profile.inputs = []
        return profile
    }
}

/// An activity code the knowledge base has no typical profile for.
public struct UnknownActivity: Error {
    public var naf: String
    /// The known codes of the same division.
    public var known: [String]

    public var message: LocalizedText {
        let division = String(naf.prefix(2))
        let hint =
            known.isEmpty
            ? LocalizedText(
                en: "; Docs/activity-profiles.md lists the known codes",
                fr: " ; Docs/activity-profiles.md liste les codes connus")
            : LocalizedText(
                en: "; known codes of division \(division): " + known.joined(separator: ", "),
                fr: " ; codes connus de la division \(division) : " + known.joined(separator: ", "))
        return LocalizedText(
            en: "no typical profile for activity \"\(naf)\"" + hint.en,
            fr: "aucun profil type pour l'activité « \(naf) »" + hint.fr)
    }
}
