/// "de" before a firm's name as French writes it. A name that begins with an article contracts
/// it ("du Relais", "des Serres"); a name that begins with a common noun takes the article that
/// noun takes in a sentence ("du Centre de tri", "de la Scierie", "de l'Entrepôt", "des
/// Transports Leroy"); a proper name takes "de" or "d'" ("de Saica Paper", "d'Intersnack").
enum FrenchNames {
    /// First words that are common nouns, with the article they take: masculine, feminine,
    /// plural. Elision before a vowel or mute h is handled separately.
    static let masculine: Set<String> = [
        "centre", "réseau", "haras", "gaec", "lycée", "collège", "port", "garage", "domaine", "moulin",
        "laboratoire", "syndicat", "groupe", "cabinet", "magasin", "parc", "silo", "abattoir", "chantier",
        "comptoir", "négoce", "bureau", "service", "site", "pôle", "musée", "théâtre", "stade", "golf",
    ]
    static let feminine: Set<String> = [
        "station", "cuisine", "coopérative", "scierie", "menuiserie", "fromagerie", "champignonnière", "ferme",
        "brasserie", "sucrerie", "distillerie", "papeterie", "verrerie", "fonderie", "laiterie", "boulangerie",
        "société", "sas", "sarl", "sa", "communauté", "commune", "chambre", "clinique", "maison", "piscine",
        "blanchisserie", "tannerie", "carrosserie", "serrurerie", "chaudronnerie", "miroiterie", "savonnerie",
        "cartonnerie", "biscuiterie", "conserverie", "malterie", "cidrerie", "minoterie", "raffinerie",
        "déchetterie", "déchèterie", "ressourcerie", "recyclerie", "plateforme", "pépinière", "régie", "caisse",
    ]
    static let plural: Set<String> = [
        "transports", "établissements", "ateliers", "pépinières", "serres", "fonderies", "papeteries", "entrepôts",
        "laboratoires", "services", "vergers", "jardins", "chais", "caves", "celliers", "moulins",
    ]
    /// Masculine or feminine nouns beginning with a vowel or mute h: "de l'".
    static let elided: Set<String> = [
        "entrepôt", "atelier", "imprimerie", "usine", "hôpital", "établissement", "entreprise", "earl", "office",
        "institut", "hôtel", "exploitation", "abbaye", "école", "agence", "association", "unité", "huilerie",
        "auberge", "aérodrome",
    ]

    /// `"Le Relais"` → `"du Relais"`, `"Centre de tri"` → `"du Centre de tri"`, `"Intersnack"`
    /// → `"d'Intersnack"`, `"Entreprise A"` → `"de l'entreprise A"` (a pseudonym).
    static func of(_ name: String) -> String {
        let lower = name.lowercased()
        for (article, contracted) in [("le ", "du "), ("les ", "des "), ("la ", "de la "), ("l'", "de l'")]
        where lower.hasPrefix(article) {
            return contracted + name.dropFirst(article.count)
        }
        if lower.hasPrefix("entreprise ") { return "de l'" + lower.prefix(1) + name.dropFirst(1) }
        let first = String(lower.prefix { $0 != " " && $0 != "-" })
        if elided.contains(first) { return "de l'" + name }
        if plural.contains(first) { return "des " + name }
        if feminine.contains(first) { return "de la " + name }
        if masculine.contains(first) { return "du " + name }
        let elides = "aeiouâàéèêîïôûœ".contains(lower.prefix(1))
        return elides ? "d'" + name : "de " + name
    }

    /// A name opening a sentence: `"Centre de tri"` → `"Le Centre de tri"`, `"Scierie"` →
    /// `"La Scierie"`, `"Entrepôt"` → `"L'Entrepôt"`; a proper name or one with its article as is.
    static func subject(_ name: String) -> String {
        let first = String(name.lowercased().prefix { $0 != " " && $0 != "-" })
        if elided.contains(first) { return "L'" + name }
        if plural.contains(first) { return "Les " + name }
        if feminine.contains(first) { return "La " + name }
        if masculine.contains(first) { return "Le " + name }
        return name
    }
}
