import SymbioseCore
import SymbioseEngine

/// The options of a run as the territory page's form shows and posts them: the options of
/// `symbiose match` and `plan`, with the same names, limits and defaults (`RunOptions`).
struct RunOptionsForm {
    var options = RunOptions()
    /// What the facilitator typed, shown back as typed when it is wrong.
    var typed: [String: String] = [:]
    /// Problems by field.
    var problems: [String: LocalizedText] = [:]

    /// The name of the last run's factor file, which "keep" reuses.
    var keepable: String?

    init(_ options: RunOptions = RunOptions()) {
        self.options = options
        keepable = options.factors?.name
    }

    /// The numeric fields: name, words, unit, and the member they set.
    static let numbers: [(name: String, label: LocalizedText, unit: String)] = [
        (
            "maxDistanceKm",
            LocalizedText(en: "Distance envelope (every category)", fr: "Distance maximale (toutes catégories)"), "km"
        ),
        ("poolRadiusKm", LocalizedText(en: "Pooling radius", fr: "Rayon des mutualisations"), "km"),
        ("minMembers", LocalizedText(en: "Fewest firms in a pooling group", fr: "Entreprises minimum par groupe"), ""),
        (
            "perNeed",
            LocalizedText(
                en: "Suppliers proposed per need (0: all)", fr: "Fournisseurs proposés par besoin (0 : tous)"), ""
        ),
        (
            "perRelease",
            LocalizedText(en: "Needs proposed per release (0: all)", fr: "Besoins proposés par ressource (0 : tous)"),
            ""
        ),
    ]

    /// The words of the transport modes and plan objectives.
    static let words: [String: LocalizedText] = [
        "road": LocalizedText(en: "road", fr: "route"), "barge": LocalizedText(en: "barge", fr: "voie d'eau"),
        "rail": LocalizedText(en: "rail", fr: "rail"), "co2": LocalizedText(en: "CO2e avoided", fr: "CO2e évité"),
        "volume": LocalizedText(en: "quantity exchanged", fr: "quantité échangée"),
        "score": LocalizedText(en: "score", fr: "score"),
        "euro": LocalizedText(en: "euros saved", fr: "euros économisés"),
    ]

    /// Reads a posted form, a field left out keeping its default, the factor file chosen or, when
    /// "keep" is ticked, the last run's; `problems` is empty when the options can run.
    init(posted form: Form, previous: RunOptions?, taxonomy: Taxonomy) {
        for (name, _, _) in Self.numbers {
            guard let text = form[name] else { continue }  // left out: the default
            typed[name] = text
            set(name, text)
        }
        let weights = form["weights"] ?? ""
        typed["weights"] = weights
        options.weights = weights.isEmpty ? nil : weights
        if let transport = form["transport"].flatMap(TransportMode.init(rawValue:)) { options.transport = transport }
        if let objective = form["objective"].flatMap(PlanObjective.init(rawValue:)) { options.objective = objective }
        options.include = RunOptions.includable.filter { flag in
            form.fields.contains { $0.name == "include" && $0.value == flag.rawValue }
        }
        options.infer = form["infer"] == "on"
        keepable = previous?.factors?.name
        if let file = form.files["factors"] {
            if let text = String(validating: file.bytes, as: UTF8.self) {
                options.factors = RunOptions.FactorFile(name: file.filename, text: text)
            } else {
                problems["factors"] = LocalizedText(
                    en: "\(file.filename): not UTF-8 text", fr: "\(file.filename) : pas un texte UTF-8")
            }
        } else if form["keepFactors"] == "on" {
            options.factors = previous?.factors
        }
        for problem in options.problems(taxonomy: taxonomy) where problems[problem.member] == nil {
            problems[problem.member] = problem.text
        }
    }

    private mutating func set(_ name: String, _ text: String) {
        let invalid = LocalizedText(en: "not a number", fr: "nombre illisible")
        guard !text.isEmpty else {
            if name == "maxDistanceKm" || name == "poolRadiusKm" { return }
            problems[name] = LocalizedText(en: "a number is needed", fr: "un nombre est nécessaire")
            return
        }
        guard let value = NumberText.parse(text) else {
            problems[name] = invalid
            return
        }
        let whole = value == value.rounded() && abs(value) < 1e9 ? Int(value) : nil
        switch name {
        case "maxDistanceKm": options.maxDistanceKm = value
        case "poolRadiusKm": options.poolRadiusKm = value
        case "minMembers", "perNeed", "perRelease":
            guard let whole else {
                problems[name] = LocalizedText(en: "a whole number is needed", fr: "un nombre entier est nécessaire")
                return
            }
            if name == "minMembers" { options.minMembers = whole }
            if name == "perNeed" { options.perNeed = whole }
            if name == "perRelease" { options.perRelease = whole }
        default: break
        }
    }

    private func shown(_ name: String) -> String {
        if let typed = typed[name] { return typed }
        switch name {
        case "maxDistanceKm": return options.maxDistanceKm.map(NumberText.plain) ?? ""
        case "poolRadiusKm": return options.poolRadiusKm.map(NumberText.plain) ?? ""
        case "minMembers": return String(options.minMembers)
        case "perNeed": return String(options.perNeed)
        case "perRelease": return String(options.perRelease)
        case "weights": return options.weights ?? ""
        default: return ""
        }
    }

    /// The values the template reads.
    func values(_ language: Language) -> [String: Any] {
        var fields: [[String: Any]] = Self.numbers.map { name, label, unit in
            [
                "name": name, "label": label[language], "unit": unit.isEmpty ? false : unit, "value": shown(name),
                "error": problems[name].map { $0[language] } ?? false,
            ]
        }
        fields.append([
            "name": "weights",
            "label": LocalizedText(en: "Score weights", fr: "Poids du score")[language],
            "unit": false, "value": shown("weights"), "placeholder": "distance=0.3,volume=0.3",
            "error": problems["weights"].map { $0[language] } ?? false,
        ])
        return [
            "fields": fields, "hasProblems": !problems.isEmpty,
            "transports": TransportMode.allCases.map {
                [
                    "value": $0.rawValue, "label": Self.words[$0.rawValue]?[language] ?? "",
                    "selected": $0 == options.transport,
                ]
            },
            "objectives": PlanObjective.allCases.map {
                [
                    "value": $0.rawValue, "label": Self.words[$0.rawValue]?[language] ?? "",
                    "selected": $0 == options.objective,
                ]
            },
            "includes": RunOptions.includable.map { flag in
                [
                    "value": flag.rawValue, "checked": options.include.contains(flag),
                    "label":
                        (flag == .sameGroup
                        ? LocalizedText(en: "pairs within one group", fr: "paires d'un même groupe")
                        : LocalizedText(en: "exchanges already in place", fr: "échanges déjà en place"))[language],
                ]
            },
            "infer": options.infer,
            "factorsName": keepable ?? false,
            "factorsError": problems["factors"].map { $0[language] } ?? false,
        ]
    }
}
