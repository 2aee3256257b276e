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
            JSON output says why each code matched. With --ewc, shows a List of Waste entry and \
            the resource code it maps to.
            """)

    @Option(help: ArgumentHelp("Words to look for, as \"drêches brasserie\" or \"fly ash\".", valueName: "words"))
    var search: String?

    @Option(
        help: ArgumentHelp(
            "A List of Waste code to show, as \"10 02 02\", with the resource it maps to.", valueName: "code"))
    var ewc: String?

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
        if let ewc {
            let list = ListOfWaste.shared
            guard let entry = list.entry(ewc.trimmingCharacters(in: .whitespaces)) else {
                throw console.fail(
                    LocalizedText(
                        en: "\(ewc) is not in the List of Waste", fr: "\(ewc) n'est pas dans la liste des déchets"),
                    status: ExitStatus.invalidInput)
            }
            try OutputFile.writeOrExit(
                ListOfWasteRenderer.render(
                    entry, list: list, taxonomy: taxonomy, as: format.format, language: language),
                to: nil, language: language)
            return
        }
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
