import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseReport

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Browse and search the resource codes.",
        discussion: """
            Without --search, lists every code. With --search, lists the codes whose code, labels \
            or synonyms, in French or English, contain every word given, best first; accents, \
            case and plurals are ignored.
            """)

    @Option(help: ArgumentHelp("Words to look for, as \"drêches brasserie\" or \"fly ash\".", valueName: "words"))
    var search: String?

    @Option(help: "The language of labels: fr or en (default: from LANG).")
    var lang: Language?

    @Option(help: "table or json.")
    var format = FormatChoice<TableFormats>(.table)

    @Option(
        name: .customLong("taxonomy"),
        help: ArgumentHelp("A taxonomy file that adds or overrides resource codes.", valueName: "file"))
    var taxonomyFile: String?

    func run() throws {
        let (taxonomy, diagnostics) = ReferenceData.taxonomy(userFile: taxonomyFile)
        let language = LanguageChoice.resolve(lang)
        let console = Console(language: language)
        console.report(diagnostics)
        if diagnostics.containsErrors { throw ExitStatus.invalidInput }
        let codes = search.map { taxonomy.search($0, language: language).map(\.code) } ?? taxonomy.codes
        let entries = codes.compactMap { taxonomy[$0] }
        try OutputFile.writeOrExit(
            TaxonomyRenderer.render(entries, version: taxonomy.version, as: format.format, language: language),
            to: nil, language: language)
        if let search, entries.isEmpty, format.format == .table {
            console.notice(
                LocalizedText(
                    en: "no resource code matches \"\(search)\"",
                    fr: "aucun code de ressource ne correspond à « \(search) »"))
        }
    }
}
