import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseXML

struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a profile to fill in.",
        discussion: """
            The XML template explains every field in comments, in French or English. JSON cannot \
            hold comments: the JSON template holds the same example, and \
            Docs/profile-template.md explains it field by field. CSV and .xlsx give the \
            spreadsheet layout's headers and one example row (Docs/spreadsheet-format.md). All \
            validate as printed; replace the example values with your site's.
            """)

    @Option(help: "xml, json, csv or xlsx.")
    var format: ProfileLoader.Format = .xml

    @Option(help: "The language of the comments and headers: fr or en (default: from LANG).")
    var lang: Language?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx).", valueName: "file"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "Pre-fill the usual flows of this NAF activity code (as 10.81Z), marked estimated.", valueName: "code"))
    var naf: String?

    @Option(help: ArgumentHelp("The site's headcount, for quantities from --naf.", valueName: "n"))
    var employees: Int?

    @Option(
        name: .customLong("activity-output"),
        help: ArgumentHelp(
            "The site's yearly output in the activity's usual measure (t of beet, hl of beer…), for --naf.",
            valueName: "amount"))
    var activityOutput: Double?

    @OptionGroup var activities: ActivitiesOption

    func validate() throws {
        if naf == nil && (employees != nil || activityOutput != nil || activities.file != nil) {
            throw ValidationError("--employees, --activity-output and --activities go with --naf")
        }
        if let employees, employees < 1 { throw ValidationError("--employees is at least 1") }
        if let activityOutput, !(activityOutput > 0) { throw ValidationError("--activity-output is above 0") }
    }

    func run() throws {
        let language = LanguageChoice.resolve(lang)
        if let naf {
            let base = try activities.base(taxonomy: TaxonomyFile.builtIn) {
                DiagnosticsRenderer.text($0, language: language)
            }
            let profile = try ProfileTemplate.prefilled(
                naf: naf, employees: employees, output: activityOutput, base: base, language: language)
            try ProfileWriting.writeOrExit([profile], as: format, to: output, language: language)
            return
        }
        switch format {
        case .xml, .json:
            try OutputFile.writeOrExit(
                ProfileTemplate.text(format: format, language: language), to: output, language: language)
        case .csv, .xlsx:
            try ProfileWriting.writeOrExit(
                [ProfileTemplate.spreadsheetExample(language: language)], as: format, to: output, language: language)
        }
    }
}

/// The blank profile `symbiose template` prints.
enum ProfileTemplate {
    static func text(format: ProfileLoader.Format, language: Language) -> String {
        switch format {
        case .xml: xml[language]
        default: ProfileJSON.encode([example(language: language)])
        }
    }

    /// The template in both languages.
    static let xml = LocalizedText(en: english, fr: french)

    /// The example profile of the template.
    static func example(language: Language) -> Profile {
        ProfileXML.decode(Array(xml[language].utf8), file: "template.xml").profiles[0].profile
    }

    /// A profile for a site of the activity `naf`, with every typical flow of the knowledge
    /// base, quantities for its headcount (or output), marked estimated and explained.
    ///
    /// - Throws: exit status 64, after saying which codes are known, when the base does not
    ///   know the activity.
    static func prefilled(
        naf: String, employees: Int?, output: Double?, base: ActivityBase, language: Language
    ) throws -> Profile {
        guard let activity = base.activity(naf: naf) else {
            let division = String(naf.prefix(2))
            let near = base.all.filter { $0.naf.hasPrefix(division) }.map(\.naf)
            var message =
                LocalizedText(
                    en: "error: no typical profile for activity \"\(naf)\"",
                    fr: "erreur : aucun profil type pour l'activité « \(naf) »")[language]
            message +=
                near.isEmpty
                ? (LocalizedText(
                    en: "; Docs/activity-profiles.md lists the known codes\n",
                    fr: " ; Docs/activity-profiles.md liste les codes connus\n")[language])
                : (LocalizedText(
                    en: "; known codes of division \(division): ", fr: " ; codes connus de la division \(division) : ")[
                        language])
                    + near.joined(separator: ", ") + "\n"
            StandardError.write(message)
            throw ExitStatus.usage
        }
        let flows = ActivityInference.flows(
            of: activity, employees: employees, output: output, base: base, language: language)
        return Profile(
            company: Company(
                id: LocalizedText(en: "my-company", fr: "mon-entreprise")[language],
                name: LocalizedText(en: "My company", fr: "Mon entreprise")[language], naf: activity.naf,
                employees: employees ?? activity.typicalEmployees),
            site: Site(),
            outputs: flows.filter { $0.direction == .output }, inputs: flows.filter { $0.direction == .input })
    }

    /// The example as one spreadsheet row: the company with its first flow.
    static func spreadsheetExample(language: Language) -> Profile {
        var profile = example(language: language)
        profile.outputs = Array(profile.outputs.prefix(1))
        profile.inputs = []
        return profile
    }

    static let english = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Symbiose resource profile: one company site, what it consumes (input) and releases (output).
             Replace the example values, delete what does not apply, then run: symbiose validate FILE
             Field reference: Docs/profile-format.md. Resource codes: run symbiose taxonomy, with its search option to look up words. -->
        <profile xmlns="urn:symbiose:profile:1">
          <!-- id: short, unique, lowercase (letters, digits, - _ .). naf: activity code as 10.81Z.
               siret (optional): 14 digits. employees: headcount on the site. -->
          <company id="example-foods" name="Example Foods" naf="10.39A" siret="73282932000074" employees="85"/>
          <!-- lat/lon: WGS84 decimal degrees. approximate="true" when they locate the commune, not the site. -->
          <site lat="49.3817" lon="3.3236" approximate="true" commune="Soissons" postcode="02200" zone="CA GrandSoissons"/>
          <!-- Contact details stay in this file: they never appear in any report. -->
          <contact name="Jane Doe" email="jane.doe@example.org" phone="+33 3 23 00 00 00"/>

          <!-- An output is a release or an offer. status: waste, by-product or surplus.
               temperature in °C; medium: steam, water, thermal-oil, flue-gas or air.
               quantity: value, unit (t kg m3 L MWh kWh GWh GJ tep th kW MW m2 h day unit),
               per (year month week day hour once). A power (kW, MW) gives hours per year instead of per.
               Unknown quantity? Leave <quantity> out: the flow is kept and flagged as a data gap. -->
          <output id="cooling-water-heat" resource="heat.warm-water" temperature="35" medium="water" status="surplus" confidence="estimated">
            <quantity value="0.4" unit="MW" hours="4000"/>
          </output>

          <!-- A seasonal release: months 1 (January) to 12. ewc: List of Waste code, * if hazardous. -->
          <output id="vegetable-peelings" resource="material.organic.vegetable-residues" status="by-product" state="solid" ewc="02 03 04">
            <quantity value="12" unit="t" per="week"/>
            <months>7 8 9 10</months>
            <disposalCost value="65" currency="EUR" unit="t"/>
            <note>Collected in skips; the current contract ends in December.</note>
          </output>

          <!-- An input is a need or a request. grade for water: potable, process, cooling, rain, treated, raw. -->
          <input id="washing-water" resource="water.process" grade="process" maxDistanceKm="5">
            <quantity value="30000" unit="m3" per="year"/>
            <price value="2.1" currency="EUR" unit="m3"/>
          </input>

          <!-- Services and assets are flows too (service.*): an output offers, an input asks.
               confidential="true": figures are shown only in bands in reports. -->
          <input id="cold-storage" resource="service.storage.cold" confidential="true">
            <quantity value="200" unit="m2" per="year"/>
          </input>
        </profile>

        """

    static let french = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Profil de ressources Symbiose : un site d'entreprise, ce qu'il consomme (input) et ce qu'il rejette ou offre (output).
             Remplacez les valeurs d'exemple, supprimez ce qui ne s'applique pas, puis lancez : symbiose validate FICHIER
             Référence des champs : Docs/profile-format.md. Codes de ressources : lancez symbiose taxonomy, avec son option search pour chercher des mots. -->
        <profile xmlns="urn:symbiose:profile:1">
          <!-- id : court, unique, en minuscules (lettres, chiffres, - _ .). naf : code d'activité, ex. 10.81Z.
               siret (facultatif) : 14 chiffres. employees : effectif du site. -->
          <company id="exemple-legumes" name="Exemple Légumes" naf="10.39A" siret="73282932000074" employees="85"/>
          <!-- lat/lon : degrés décimaux WGS84. approximate="true" s'ils situent la commune et non le site. -->
          <site lat="49.3817" lon="3.3236" approximate="true" commune="Soissons" postcode="02200" zone="CA GrandSoissons"/>
          <!-- Les coordonnées de contact restent dans ce fichier : elles n'apparaissent dans aucun rapport. -->
          <contact name="Marie Martin" email="marie.martin@example.org" phone="+33 3 23 00 00 00"/>

          <!-- Un output est un rejet ou une offre. status : waste (déchet), by-product (coproduit) ou surplus.
               temperature en °C ; medium : steam, water, thermal-oil, flue-gas ou air.
               quantity : value, unit (t kg m3 L MWh kWh GWh GJ tep th kW MW m2 h day unit),
               per (year month week day hour once). Une puissance (kW, MW) donne hours (heures par an) au lieu de per.
               Quantité inconnue ? Omettez <quantity> : le flux est gardé et signalé comme lacune de données. -->
          <output id="chaleur-eau-refroidissement" resource="heat.warm-water" temperature="35" medium="water" status="surplus" confidence="estimated">
            <quantity value="0.4" unit="MW" hours="4000"/>
          </output>

          <!-- Un rejet saisonnier : mois 1 (janvier) à 12. ewc : code de la liste européenne des déchets, * si dangereux. -->
          <output id="epluchures" resource="material.organic.vegetable-residues" status="by-product" state="solid" ewc="02 03 04">
            <quantity value="12" unit="t" per="week"/>
            <months>7 8 9 10</months>
            <disposalCost value="65" currency="EUR" unit="t"/>
            <note>Collectées en bennes ; le contrat actuel se termine en décembre.</note>
          </output>

          <!-- Un input est un besoin ou une demande. grade pour l'eau : potable, process, cooling, rain, treated, raw. -->
          <input id="eau-lavage" resource="water.process" grade="process" maxDistanceKm="5">
            <quantity value="30000" unit="m3" per="year"/>
            <price value="2.1" currency="EUR" unit="m3"/>
          </input>

          <!-- Les services et équipements sont aussi des flux (service.*) : un output offre, un input demande.
               confidential="true" : les chiffres n'apparaissent qu'en tranches dans les rapports. -->
          <input id="stockage-froid" resource="service.storage.cold" confidential="true">
            <quantity value="200" unit="m2" per="year"/>
          </input>
        </profile>

        """
}
