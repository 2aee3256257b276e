/// The language knowledge of resource search: which words carry no meaning, how inflected
/// forms are brought to one stem, and the abbreviations firms and facilitators write.
/// Documented in `Docs/taxonomy.md`, "Search".
enum SearchVocabulary {
    /// Words skipped in queries and fields, folded: French and English articles, prepositions
    /// and conjunctions. A query made only of them is searched as given.
    static let stopWords: Set<String> = [
        "a", "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le",
        "les", "leur", "ou", "par", "pour", "sans", "se", "sur", "un", "une", "an", "and", "by", "for", "from",
        "in", "into", "of", "on", "or", "the", "to", "with",
    ]

    /// Abbreviations of French and English practice, folded, with the words they stand for.
    static let abbreviations: [String: String] = [
        "csr": "combustible solide de récupération",
        "srf": "solid recovered fuel",
        "rdf": "refuse derived fuel",
        "dib": "déchets industriels banals",
        "dae": "déchets d'activités économiques",
        "dnd": "déchets non dangereux",
        "dd": "déchets dangereux",
        "deee": "déchets d'équipements électriques et électroniques",
        "weee": "waste electrical and electronic equipment",
        "vhu": "véhicules hors d'usage",
        "elv": "end-of-life vehicles",
        "step": "station d'épuration",
        "wwtp": "wastewater treatment plant",
        "gn": "gaz naturel",
        "gnl": "gaz naturel liquéfié",
        "lng": "liquefied natural gas",
        "gpl": "gaz de pétrole liquéfié",
        "lpg": "liquefied petroleum gas",
        "gnv": "gaz naturel véhicule",
        "pehd": "polyéthylène haute densité",
        "pebd": "polyéthylène basse densité",
        "hdpe": "high-density polyethylene",
        "ldpe": "low-density polyethylene",
        "pet": "polyéthylène téréphtalate",
        "pp": "polypropylène",
        "ps": "polystyrène",
        "pse": "polystyrène expansé",
        "eps": "expanded polystyrene",
        "pvc": "polychlorure de vinyle",
        "fod": "fioul domestique",
        "hfo": "heavy fuel oil",
        "ftp": "fioul lourd",
        "bp": "basse pression",
        "hp": "haute pression",
        "lp": "low pressure",
        "mp": "moyenne pression",
        "cov": "composés organiques volatils",
        "voc": "volatile organic compounds",
        "mdf": "panneaux de fibres",
        "osb": "panneaux de lamelles orientées",
        "cet": "installation de stockage",
        "isdnd": "installation de stockage de déchets non dangereux",
        "uiom": "usine d'incinération des ordures ménagères",
        "uve": "unité de valorisation énergétique",
        "mswi": "municipal solid waste incineration",
        "refiom": "résidus d'épuration des fumées d'incinération",
        "apc": "air pollution control residues",
        "btp": "bâtiment et travaux publics",
        "ggbs": "ground granulated blast-furnace slag",
        "pfa": "pulverised fuel ash",
        "co2": "dioxyde de carbone",
        "h2": "hydrogène",
        "o2": "oxygène",
        "n2": "azote",
    ]

    /// Lemmas that spelling alone does not bring together, after stemming: French `usagé` is
    /// `usé`, English `used` is `use`.
    static let lemmas: [String: String] = ["usag": "use", "used": "use"]

    /// The stem of a folded word: plurals (`s`, `x`, `-aux`), English `-ies` and `-ed` and a
    /// final `e` on longer words (French feminine, `-ée`), then the table of lemmas.
    static func stem(_ word: String) -> String {
        if let lemma = lemmas[word] { return lemma }
        var stem = word
        let count = stem.count
        if count > 5, stem.hasSuffix("aux") {
            stem = String(stem.dropLast(3)) + "al"
        } else if count > 4, stem.hasSuffix("ies") {
            stem = String(stem.dropLast(3)) + "y"
        } else if count > 3, let last = stem.last, last == "s" || last == "x" {
            stem = String(stem.dropLast())
        }
        if stem.count > 5, stem.hasSuffix("ed"), !stem.hasSuffix("eed") { stem = String(stem.dropLast(2)) }
        if stem.count > 3, stem.hasSuffix("ee") { stem = String(stem.dropLast()) }
        // A final e (French feminine, English silent e): `fatale` is `fatal`, `usée` is `usé`.
        if stem.count > 4, stem.hasSuffix("e") { stem = String(stem.dropLast()) }
        return lemmas[stem] ?? stem
    }

    /// The stems of a text's meaningful words, in order; the stop words are kept only when
    /// nothing else is left.
    static func terms(_ text: String) -> [String] {
        meaningfulWords(text).map(stem)
    }

    /// The folded words of a text without its stop words, or all of them when nothing else is
    /// left.
    static func meaningfulWords(_ text: String) -> [String] {
        let words = TextFolding.fold(text).split(separator: " ").map(String.init)
        let meaningful = words.filter { !stopWords.contains($0) }
        return meaningful.isEmpty ? words : meaningful
    }
}
