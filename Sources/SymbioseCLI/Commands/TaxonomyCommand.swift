import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseReport

struct TaxonomyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "taxonomy",
        abstract: "Browse and search the resource codes.",
        discussion: """
            Without --search, lists every code. With --search, lists the codes related to the \
            words given, best first, with their relevance: codes, labels and synonyms in French \
            and English are searched; accents, case, plurals and one typo are forgiven, \
            abbreviations (CSR, VHU, STEP, PEHD…) understood, and not every word needs to match. \
            JSON output says why each code matched.
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
        if let search {
            let matches = taxonomy.search(search, language: language)
            try OutputFile.writeOrExit(
                TaxonomySearchRenderer.render(
                    matches, query: search, taxonomy: taxonomy, as: format.format, language: language),
                to: nil, language: language)
            if matches.isEmpty, format.format == .table {
                console.notice(
                    LocalizedText(
                        en: "no resource code relates to \"\(search)\"",
                        fr: "aucun code de ressource ne se rapporte à « \(search) »"))
            }
            return
        }
        try OutputFile.writeOrExit(
            TaxonomyRenderer.render(
                taxonomy.codes.compactMap { taxonomy[$0] }, version: taxonomy.version, as: format.format,
                language: language),
            to: nil, language: language)
    }
}
