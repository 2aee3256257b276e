import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseReport
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

    @OptionGroup var replace: ForceOption

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
            let console = Console(language: language)
            let base = try activities.base(taxonomy: TaxonomyFile.builtIn, console: console)
            let profile: Profile
            do {
                profile = try ProfileTemplate.prefilled(
                    naf: naf, employees: employees, output: activityOutput, base: base, language: language)
            } catch {
                throw console.fail(error.message, status: ExitStatus.usage)
            }
            try ProfileWriting.writeOrExit(
                [profile], as: format, to: output, force: replace.force, language: language)
            return
        }
        switch format {
        case .xml, .json:
            try OutputFile.writeOrExit(
                ProfileTemplate.text(format: format, language: language), to: output, force: replace.force,
                language: language)
        case .csv, .xlsx:
            try ProfileWriting.writeOrExit(
                [ProfileTemplate.spreadsheetExample(language: language)], as: format, to: output,
                force: replace.force, language: language)
        }
    }
}
