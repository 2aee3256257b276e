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

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Option(
        name: .customLong("factors"),
        help: ArgumentHelp("An impact factor file that adds or replaces factors.", valueName: "file"))
    var factorsFile: String?

    @Option(help: "table or json.")
    var format: Format = .table

    @Option(help: "The language of names: fr or en (default: from LANG).")
    var lang: Language?

    func run() throws {
        let language = LanguageChoice.resolve(lang)
        let (factors, diagnostics) = ReferenceData.factors(userFile: factorsFile, taxonomy: TaxonomyFile.builtIn)
        StandardError.write(DiagnosticsRenderer.text(diagnostics, language: language))
        if diagnostics.containsErrors { throw ExitStatus.invalidInput }
        switch format {
        case .json:
            let document = JSONOutput.object([
                ("schema", .string(FactorsFile.schema)), ("version", .string(factors.version)),
                ("factors", ImpactText.factorsJSON(factors.all, language: language)),
            ])
            print(document.rendered(), terminator: "")
        case .table:
            print(ImpactText.factorsTable(factors, language: language), terminator: "")
        }
    }
}
