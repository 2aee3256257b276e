import SymbioseCore

/// Every fixed text of the report, in French and English.
struct ReportText {
    let language: Language

    func callAsFunction(_ fr: String, _ en: String) -> String { language == .fr ? fr : en }

    func category(_ category: ResourceCategory) -> String {
        switch category {
        case .heat: self("Chaleur", "Heat")
        case .cold: self("Froid", "Cold")
        case .water: self("Eau", "Water")
        case .material: self("Matières", "Materials")
        case .energy: self("Énergie", "Energy")
        case .service: self("Services", "Services")
        }
    }

    func mode(_ mode: PoolingMode) -> String {
        switch mode {
        case .purchasing: self("achat groupé", "joint purchasing")
        case .sharedUtility: self("équipement partagé", "shared utility")
        case .collection: self("collecte commune", "shared collection")
        case .sharedTreatment: self("traitement commun", "shared treatment")
        case .sharedService: self("service partagé", "shared service")
        }
    }

    func flag(_ flag: SynergyFlag) -> String {
        switch flag {
        case .seasonal: self("saisonnier", "seasonal")
        case .oneOff: self("ponctuel", "one-off")
        case .heatPump: self("pompe à chaleur", "heat pump")
        case .temperatureUnknown: self("température inconnue", "temperature unknown")
        case .needsTreatment: self("traitement nécessaire", "needs treatment")
        case .hazardous: self("dangereux", "hazardous")
        case .stateMismatch: self("état physique différent", "different physical state")
        case .purityBelowNeed: self("pureté insuffisante", "purity below need")
        case .contaminants: self("contaminants", "contaminants")
        case .quantityUnknown: self("quantité inconnue", "quantity unknown")
        case .distanceUnknown: self("distance inconnue", "distance unknown")
        case .estimatedData: self("données estimées", "estimated data")
        case .inferred:
            self("flux déduit du code d'activité, non déclaré", "flow inferred from the activity code, not declared")
        case .substitute: self("substitution", "substitute")
        case .lessSpecificRelease: self("ressource moins précise", "less specific release")
        case .belowThreshold: self("sous le seuil", "below threshold")
        case .offerAvailable: self("offre disponible", "offer available")
        case .noOffer: self("pas d'offre", "no offer")
        case .confidential: self("confidentiel", "confidential")
        }
    }

    func term(_ term: ScoreTermName) -> String {
        switch term {
        case .distance: self("distance", "distance")
        case .volume: self("volume", "volume")
        case .quality: self("qualité", "quality")
        case .time: self("temps", "time")
        case .confidence: self("confiance", "confidence")
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
        case 0: self("Agriculture", "Farming")
        case 1: self("Agroalimentaire", "Food industry")
        case 2: self("Industrie", "Manufacturing")
        case 3: self("Énergie, eau, déchets", "Energy, water, waste")
        case 4: self("Construction", "Construction")
        case 5: self("Commerce, transport", "Trade, transport")
        case 6: self("Services, public", "Services, public")
        default: self("Activité non renseignée", "Activity not given")
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
