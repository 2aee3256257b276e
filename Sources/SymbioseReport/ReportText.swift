import SymbioseCore

/// Every fixed text of the report, in French and English.
struct ReportText {
    let language: Language

    func callAsFunction(en: String, fr: String) -> String { LocalizedText(en: en, fr: fr)[language] }

    func category(_ category: ResourceCategory) -> String {
        switch category {
        case .heat: self(en: "Heat", fr: "Chaleur")
        case .cold: self(en: "Cold", fr: "Froid")
        case .water: self(en: "Water", fr: "Eau")
        case .material: self(en: "Materials", fr: "Matières")
        case .energy: self(en: "Energy", fr: "Énergie")
        case .service: self(en: "Services", fr: "Services")
        }
    }

    func mode(_ mode: PoolingMode) -> String {
        switch mode {
        case .purchasing: self(en: "joint purchasing", fr: "achat groupé")
        case .sharedUtility: self(en: "shared utility", fr: "équipement partagé")
        case .collection: self(en: "shared collection", fr: "collecte commune")
        case .sharedTreatment: self(en: "shared treatment", fr: "traitement commun")
        case .sharedService: self(en: "shared service", fr: "service partagé")
        }
    }

    func flag(_ flag: SynergyFlag) -> String {
        switch flag {
        case .seasonal: self(en: "seasonal", fr: "saisonnier")
        case .oneOff: self(en: "one-off", fr: "ponctuel")
        case .heatPump: self(en: "heat pump", fr: "pompe à chaleur")
        case .preheat: self(en: "preheating only", fr: "préchauffage seulement")
        case .temperatureUnknown: self(en: "temperature unknown", fr: "température inconnue")
        case .temperatureAssumed: self(en: "usual temperature assumed", fr: "température usuelle supposée")
        case .needsTreatment: self(en: "needs treatment", fr: "traitement nécessaire")
        case .hazardous: self(en: "hazardous", fr: "dangereux")
        case .stateMismatch: self(en: "different physical state", fr: "état physique différent")
        case .purityBelowNeed: self(en: "purity below need", fr: "pureté insuffisante")
        case .contaminants: self(en: "contaminants", fr: "contaminants")
        case .quantityUnknown: self(en: "quantity unknown", fr: "quantité inconnue")
        case .distanceUnknown: self(en: "distance unknown", fr: "distance inconnue")
        case .estimatedData: self(en: "estimated data", fr: "données estimées")
        case .inferred:
            self(
                en: "flow inferred from the activity code, not declared",
                fr: "flux déduit du code d'activité, non déclaré")
        case .substitute: self(en: "substitute", fr: "substitution")
        case .lessSpecificRelease: self(en: "less specific release", fr: "ressource moins précise")
        case .belowThreshold: self(en: "below threshold", fr: "sous le seuil")
        case .offerAvailable: self(en: "offer available", fr: "offre disponible")
        case .noOffer: self(en: "no offer", fr: "pas d'offre")
        case .confidential: self(en: "confidential", fr: "confidentiel")
        case .sameGroup: self(en: "same group", fr: "même groupe")
        case .existing: self(en: "already in place", fr: "déjà en place")
        case .planned: self(en: "planned", fr: "en projet")
        case .approximateLocation: self(en: "approximate location", fr: "position approximative")
        }
    }

    func term(_ term: ScoreTermName) -> String {
        switch term {
        case .distance: self(en: "distance", fr: "distance")
        case .volume: self(en: "volume", fr: "volume")
        case .quality: self(en: "quality", fr: "qualité")
        case .time: self(en: "time", fr: "temps")
        case .confidence: self(en: "confidence", fr: "confiance")
        }
    }

    /// The sector group of a NAF code, for map colours.
    static func sector(_ naf: String?) -> Int {
        guard let naf, let division = Int(naf.prefix(2)) else { return 7 }
        switch division {
        case 1...3: return 0  // agriculture
        case 10...12: return 1  // food
        case 13...33: return 2  // manufacturing
        case 35...39: return 3  // energy, water, waste
        case 41...43: return 4  // construction
        case 45...53: return 5  // trade, transport
        default: return 6  // services and public bodies
        }
    }

    func sectorName(_ group: Int) -> String {
        switch group {
        case 0: self(en: "Farming", fr: "Agriculture")
        case 1: self(en: "Food industry", fr: "Agroalimentaire")
        case 2: self(en: "Manufacturing", fr: "Industrie")
        case 3: self(en: "Energy, water, waste", fr: "Énergie, eau, déchets")
        case 4: self(en: "Construction", fr: "Construction")
        case 5: self(en: "Trade, transport", fr: "Commerce, transport")
        case 6: self(en: "Services, public", fr: "Services, public")
        default: self(en: "Activity not given", fr: "Activité non renseignée")
        }
    }

    static let sectorColours = ["#6a994e", "#e09f3e", "#335c67", "#9e2a2b", "#8d6a9f", "#5c677d", "#2a9d8f", "#999999"]

    static func categoryColour(_ category: ResourceCategory) -> String {
        switch category {
        case .heat: "#d62828"
        case .cold: "#219ebc"
        case .water: "#1d6fb8"
        case .material: "#7a5c2e"
        case .energy: "#f2a541"
        case .service: "#6c4f9c"
        }
    }
}

extension ReportText {
    /// The closing sentence on what the per-need limit hid, or `nil` when it hid nothing.
    static func perNeedLimit(_ result: MatchResult) -> LocalizedText? {
        let (needs, leftOut) = result.perNeedLimit
        guard needs > 0 else { return nil }
        let needText = LocalizedText.count(needs, en: ("need", "needs"), fr: ("besoin", "besoins"))
        let others = LocalizedText.count(
            leftOut, en: ("other candidate was", "other candidates were"),
            fr: ("autre candidat a été écarté", "autres candidats ont été écartés"))
        return LocalizedText(
            en:
                "For \(needText.en), \(others.en) left out by the limit per need, below the ones shown (--per-need 0 shows them all).",
            fr:
                "Pour \(needText.fr), \(others.fr) par la limite par besoin, derrière ceux affichés (--per-need 0 les montre tous)."
        )
    }
}
