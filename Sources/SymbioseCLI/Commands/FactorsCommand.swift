import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseReport

struct FactorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factors",
        abstract: "List the impact factors: value, unit, source, year, and whether it is an estimate.",
        discussion: """
            The factors behind every CO2e and euro estimate. --factors FILE adds factors or \
            replaces them by id, as it does for match, plan and report. See Docs/impacts.md.
            """)

    @Option(
        name: .customLong("factors"),
        help: ArgumentHelp("An impact factor file that adds or replaces factors.", valueName: "file"))
    var factorsFile: String?

    @Option(help: "table or json.")
    var format = FormatChoice<TableFormats>(.table)

    @Option(help: "The language of names: fr or en (default: from LANG).")
    var lang: Language?

    func run() throws {
        let language = LanguageChoice.resolve(lang)
        let (factors, diagnostics) = ReferenceData.factors(userFile: factorsFile, taxonomy: TaxonomyFile.builtIn)
        Console(language: language).report(diagnostics)
        if diagnostics.containsErrors { throw ExitStatus.invalidInput }
        try OutputFile.writeOrExit(
            ImpactText.factors(factors, as: format.format, language: language), to: nil, language: language)
    }
}
