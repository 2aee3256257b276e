import SymbioseCore

extension HTMLReport {
    func dataQuality() -> String {
        let all = (validation + result.diagnostics).sortedForOutput()
        func items(_ codes: Set<DiagnosticCode>) -> String {
            let matching = all.filter { codes.contains($0.code) }
            guard !matching.isEmpty else {
                return "<p class=\"note\">\(e(t(en: "Nothing to report.", fr: "Rien à signaler.")))</p>"
            }
            // File names and messages name the firms: an anonymised report only counts.
            if presentation.anonymize {
                let items = LocalizedText.count(matching.count, en: ("item", "items"), fr: ("point", "points"))
                return "<p class=\"note\">"
                    + e(
                        t(
                            en: "\(items.en); the files to fix are named in the non-anonymised version.",
                            fr: "\(items.fr) ; les fichiers à corriger figurent dans la version nominative."))
                    + "</p>"
            }
            return "<ul class=\"quality\">"
                + matching.map {
                    "<li><span class=\"file\">\(e($0.location?.prefix ?? ""))</span> \(e($0.text[presentation.language]))</li>"
                }.joined() + "</ul>"
        }
        var estimated: [String] = []
        var inferred: [String] = []
        for profile in profiles {
            let name = presentation.name(id: profile.company.id, name: profile.company.name)
            for flow in profile.flows where flow.confidence == .estimated && !flow.inferred {
                estimated.append("\(name) : \(flow.id)")
            }
            let guesses = profile.flows.filter(\.inferred).count
            if guesses > 0 {
                inferred.append(
                    t(
                        en:
                            "\(name) (\(profile.company.naf ?? "")): \(guesses) typical flows of the activity, to confirm",
                        fr:
                            "\(name) (\(profile.company.naf ?? "")) : \(guesses) flux typiques de l'activité, à confirmer"
                    ))
            }
        }
        let inferredSection =
            inferred.isEmpty
            ? ""
            : "<h3>\(e(t(en: "Flows inferred from the activity code, not declared", fr: "Flux déduits du code d'activité, non déclarés")))</h3>"
                + "<ul class=\"quality\">" + inferred.sorted().map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        let estimatedList =
            estimated.isEmpty
            ? "<p class=\"note\">\(e(t(en: "None.", fr: "Aucune.")))</p>"
            : "<ul class=\"quality\">" + estimated.sorted().map { "<li>\(e($0))</li>" }.joined() + "</ul>"
        return """
            <section class="quality-section"><h2>\(e(t(en: "Data quality", fr: "Qualité des données")))</h2>
            <p class="note">\(e(t(en: "Each item names the file and line to fix.", fr: "Chaque point nomme le fichier et la ligne à corriger.")))</p>
            <h3>\(e(t(en: "Sites without coordinates, or placed by their commune or postcode", fr: "Sites sans coordonnées ou placés par leur commune ou leur code postal")))</h3>\(items([.profileMissingCoordinates, .profileLocated, .profileCommuneAmbiguous]))
            <h3>\(e(t(en: "Flows without quantity", fr: "Flux sans quantité")))</h3>\(items([.flowMissingQuantity]))
            <h3>\(e(t(en: "Estimated data", fr: "Données estimées")))</h3>\(estimatedList)\(inferredSection)
            <h3>\(e(t(en: "Unknown codes and profiles left out", fr: "Codes inconnus et profils écartés")))</h3>\(items([.profileUnknownResource, .matchExcludedProfile, .matchExcludedFlow]))
            <h3>\(e(t(en: "Units and dimensions", fr: "Unités et dimensions")))</h3>\(items([.quantityUnitMismatch, .quantityUnknownUnit, .matchDimensionMismatch, .flowHeatWithoutTemperature]))
            </section>
            """
    }

    func method() -> String {
        let w = settings.weights.normalized
        let envelopes = settings.envelopes.byPrefix.sorted { $0.key < $1.key }.map {
            "<tr><td class=\"code\">\(e($0.key))</td><td class=\"n\">\(number($0.value)) km</td></tr>"
        }.joined()
        return """
            <section class="method"><h2>\(e(t(en: "Method", fr: "Méthode")))</h2>
            <p>\(e(t(en: "Score = sum of weighted terms, each between 0 and 1:", fr: "Score = somme des termes pondérés, chacun entre 0 et 1 :"))) \(e(t.term(.distance))) \(number(w.distance, 2)), \(e(t.term(.volume))) \(number(w.volume, 2)), \(e(t.term(.quality))) \(number(w.quality, 2)), \(e(t.term(.time))) \(number(w.time, 2)), \(e(t.term(.confidence))) \(number(w.confidence, 2)).</p>
            <p>\(e(t(en: "Distance: 1 − distance ÷ envelope. Volume: 0.3 × coverage of the need + 0.7 × size (logarithmic scale). Quality: taxonomy compatibility × penalties (heat pump, treatment, hazard…). Time: shared months ÷ months of the need. Confidence: measured 1, declared 0.8, estimated 0.5.", fr: "Distance : 1 − distance ÷ enveloppe. Volume : 0,3 × couverture du besoin + 0,7 × taille (échelle logarithmique). Qualité : compatibilité de la taxonomie × pénalités (pompe à chaleur, traitement, danger…). Temps : mois communs ÷ mois du besoin. Confiance : mesurée 1, déclarée 0,8, estimée 0,5.")))</p>
            <p>\(e(t(en: "Heat: heat passes through a water loop, two exchangers (ΔTmin liquid–liquid \(number(settings.deltaTMin.liquidLiquid, 1)) K, gas–liquid \(number(settings.deltaTMin.gasLiquid, 1)) K); a source hotter than the need by less than that approach only preheats it (the need's stream returning \(number(settings.sinkTemperatureSpread)) K lower); a heat pump is considered only for a source no hotter than the need, up to \(number(settings.heatPumpMaximumSinkC)) °C, when its estimated COP (Carnot fraction \(number(settings.heatPumpCarnotFraction, 2))) reaches \(number(settings.heatPumpMinimumCOP, 1)). Longest heat link: annual energy ÷ \(number(settings.envelopes.heatMWhPerMetre, 1)) MWh per metre (the Fonds chaleur criterion).", fr: "Chaleur : la chaleur passe par une boucle d'eau, deux échangeurs (ΔTmin liquide–liquide \(number(settings.deltaTMin.liquidLiquid, 1)) K, gaz–liquide \(number(settings.deltaTMin.gasLiquid, 1)) K) ; une source plus chaude que le besoin de moins que cet écart ne fait que le préchauffer (son fluide revenant \(number(settings.sinkTemperatureSpread)) K plus froid) ; une pompe à chaleur n'est envisagée que pour une source qui n'est pas plus chaude que le besoin, jusqu'à \(number(settings.heatPumpMaximumSinkC)) °C, si son COP estimé (fraction de Carnot \(number(settings.heatPumpCarnotFraction, 2))) atteint \(number(settings.heatPumpMinimumCOP, 1)). Longueur maximale d'un lien de chaleur : énergie annuelle ÷ \(number(settings.envelopes.heatMWhPerMetre, 1)) MWh par mètre (critère du Fonds chaleur).")))</p>
            <table class="envelopes"><thead><tr><th>\(e(t(en: "Resources", fr: "Ressources")))</th><th>\(e(t(en: "Envelope", fr: "Enveloppe")))</th></tr></thead><tbody>\(envelopes)</tbody></table>
            <p>\(e(t(en: "Sources: median of about 33 km for material synergies of the UK NISP (Jensen et al., 2011); French extended collective self-consumption 2 km, 10 or 20 km by derogation (arrêtés of 21 November 2019, 14 October 2020, 19 September 2023); small methanisation 3,000–6,000 t/year (Chambre d'agriculture de Normandie). Other values are estimates, detailed in Docs/matching.md.", fr: "Sources : médiane d'environ 33 km des synergies de matières du programme britannique NISP (Jensen et al., 2011) ; autoconsommation collective étendue 2 km, 10 ou 20 km par dérogation (arrêtés du 21 novembre 2019, 14 octobre 2020, 19 septembre 2023) ; petite méthanisation 3 000 à 6 000 t/an (Chambre d'agriculture de Normandie). Les autres valeurs sont des estimations, détaillées dans Docs/matching.md.")))</p>
            <p>\(e(t(en: "Taxonomy", fr: "Taxonomie"))) \(e(taxonomy.version)) — \(taxonomy.count) \(e(t(en: "resource codes", fr: "codes de ressources"))).</p>
            \(factorsAppendix())
            </section>
            """
    }
}
