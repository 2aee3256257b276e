/// Writes the one-sentence reason of a synergy that a person reads, in French or English.
public struct ReasonWriter: Sendable {
    public var taxonomy: Taxonomy
    public var language: Language

    public init(taxonomy: Taxonomy, language: Language) {
        self.taxonomy = taxonomy
        self.language = language
    }

    public func reason(_ synergy: Synergy) -> String {
        switch synergy {
        case .substitution(let s): reason(s)
        case .pooling(let p): reason(p)
        }
    }

    /// The label of a code in the sentence's language, starting lowercase unless it is an acronym.
    public func label(_ code: ResourceCode) -> String {
        let text = taxonomy[code]?.label[language] ?? code.rawValue
        guard let first = text.first, let second = text.dropFirst().first, second.isLowercase else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// The unit symbol of an amount as people write it: t, m³, MWh, m², h, units.
    public func unit(_ amount: Amount) -> String {
        switch amount.dimension {
        case .mass: "t"
        case .volume: "m³"
        case .energy: "MWh"
        case .area: "m²"
        case .duration: "h"
        case .count: language.pick(en: "units", fr: "unités")
        }
    }

    /// `28 000 MWh/an`, `500 t once`.
    public func amount(_ amount: Amount) -> String {
        let value = NumberFormatting.quantity(amount.value, language: language) + " " + unit(amount)
        if amount.isOneOff { return value + language.pick(en: " once", fr: " en une fois") }
        return value + language.pick(en: "/year", fr: "/an")
    }

    private func temperature(_ value: Double?) -> String {
        guard let value else { return "" }
        let text = NumberFormatting.format(value, decimals: 0, language: language) + " °C"
        return language.pick(en: " at ", fr: " à ") + text
    }

    private func period(_ s: SubstitutionSynergy) -> String {
        if let oneOff = s.oneOff {
            let month = MonthNames.name(oneOff.month, language: language)
            return language.pick(en: "in \(month) \(oneOff.year)", fr: "en \(month) \(oneOff.year)")
        }
        return MonthNames.period(s.months, language: language)
    }

    private func distance(_ km: Double?) -> String {
        guard let km else { return language.pick(en: "distance unknown", fr: "distance inconnue") }
        let text = NumberFormatting.distance(km, language: language) + " km"
        return language.pick(en: "\(text) away", fr: "à \(text)")
    }

    private func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    func reason(_ s: SubstitutionSynergy) -> String {
        let confidential = s.flags.contains(.confidential)
        var sentence: String
        // A share that rounds to 0 % is still something: "less than 1 %".
        let share: String? = s.coverage.map {
            $0 > 0 && $0 < 0.005
                ? language.pick(en: "less than 1 %", fr: "moins de 1 %")
                : NumberFormatting.format($0 * 100, decimals: 0, language: language)
                    + (language == .fr ? "\u{00A0}%" : " %")
        }
        let volume: String? = confidential ? nil : s.quantity.map(amount)
        let release = label(s.resource) + temperature(s.supplierTemperature)
        let need = label(s.needResource) + temperature(s.receiverTemperature)
        switch language {
        case .fr:
            // "La ressource « vinasses » de…": the subject agrees whatever the label's number.
            sentence = "La ressource \(Self.quoted(release)) " + Self.of(s.supplier.companyName) + " "
            if let share {
                sentence += "peut couvrir \(share) du besoin \(Self.quoted(need)) " + Self.of(s.receiver.companyName)
            } else {
                sentence += "peut servir le besoin \(Self.quoted(need)) " + Self.of(s.receiver.companyName)
            }
            if let volume {
                sentence += " (\(volume))"
            } else if confidential {
                sentence += " (quantité confidentielle)"
            } else if s.quantity == nil {
                sentence += " (quantité non déclarée)"
            }
            sentence += ", \(distance(s.distanceKm)), \(period(s))."
        case .en:
            sentence = "\(s.supplier.companyName)'s \(release) "
            if let share {
                sentence += "can cover \(share) of \(s.receiver.companyName)'s \(need) need"
            } else {
                sentence += "can serve \(s.receiver.companyName)'s \(need) need"
            }
            if let volume {
                sentence += " (\(volume))"
            } else if confidential {
                sentence += " (quantity confidential)"
            } else if s.quantity == nil {
                sentence += " (quantity not declared)"
            }
            sentence += ", \(distance(s.distanceKm)), \(period(s))."
        }
        sentence += remarks(s)
        if case .link(let link) = s.compatibility {
            sentence += " " + capitalized(link.rationale[language]) + "."
        }
        return sentence + inferredWarning([s.supplier, s.receiver])
    }

    /// "de" before a firm's name as French writes it: "du Relais", "du Centre de tri", "de la
    /// Scierie", "de l'entreprise A", "d'Intersnack", "de Saica Paper" (see ``FrenchNames``).
    package static func of(_ name: String) -> String { FrenchNames.of(name) }

    /// French quotation marks held to their words by no-break spaces, so that a line never
    /// ends on "«".
    static func quoted(_ text: String) -> String { "«\u{00A0}" + text + "\u{00A0}»" }

    /// What the pair needs beyond the exchange itself: a heat pump, preheating only, treatment,
    /// hazardous-waste rules.
    private func remarks(_ s: SubstitutionSynergy) -> String {
        var text = ""
        if let cop = s.heatPumpCOP {
            let estimate = NumberFormatting.format(cop, decimals: 1, language: language)
            text +=
                language.pick(
                    en: " With a heat pump (estimated COP \(estimate)).",
                    fr: " Avec une pompe à chaleur (COP estimé \(estimate)).")
        }
        if let share = s.sourceHeatShare {
            let percent = NumberFormatting.format(share * 100, decimals: 0, language: language)
            text +=
                language.pick(
                    en:
                        " Only \(percent) % of the flue gas heat is hot enough for this need; the rest is left for a cooler one.",
                    fr:
                        " Seuls \(percent)\u{00A0}% de la chaleur des fumées sont assez chauds pour ce besoin ; le reste va à un besoin moins chaud."
                )
        }
        if s.flags.contains(.preheat) {
            text +=
                language.pick(
                    en: " As preheating: the source is not hot enough for the whole need.",
                    fr: " En préchauffage : la source n'est pas assez chaude pour tout le besoin.")
        }
        if let equivalence = s.equivalence { text += weighed(s, equivalence) }
        if s.flags.contains(.needsTreatment) {
            text +=
                language.pick(
                    en: " The water needs treatment first.", fr: " L'eau doit d'abord être traitée.")
        }
        if s.flags.contains(.hazardous) {
            text +=
                language.pick(
                    en: " Hazardous waste: traceability rules apply.",
                    fr: " Déchet dangereux : traçabilité obligatoire.")
        }
        return text
    }

    /// " Counted on dry matter: 1 t of beet pulp (24 %) counts as 0.27 t of animal feed (89 %)."
    private func weighed(_ s: SubstitutionSynergy, _ equivalence: MassEquivalence) -> String {
        func value(_ v: Double) -> String {
            switch equivalence.basis {
            case .dryMatter: NumberFormatting.format(v * 100, decimals: 0, language: language) + " %"
            case .heatingValue: NumberFormatting.format(v, decimals: 2, language: language) + " MWh/t"
            case .neutralisingValue:
                NumberFormatting.format(v, decimals: 2, language: language) + " t CaO/t"
            case .nitrogen: NumberFormatting.format(v * 1000, decimals: 1, language: language) + " kg N/t"
            }
        }
        let ratio = NumberFormatting.format(equivalence.ratio, decimals: 2, language: language)
        let (release, need) = (label(s.resource), label(s.needResource))
        let (from, to) = (value(equivalence.release), value(equivalence.need))
        let basis =
            switch equivalence.basis {
            case .dryMatter: LocalizedText(en: "dry matter", fr: "matière sèche")
            case .heatingValue: LocalizedText(en: "heating value", fr: "pouvoir calorifique")
            case .neutralisingValue: LocalizedText(en: "neutralising value", fr: "valeur neutralisante")
            case .nitrogen: LocalizedText(en: "nitrogen", fr: "azote")
            }
        return language.pick(
            en: " Counted on \(basis.en): 1 t of \(release) (\(from)) counts as \(ratio) t of \(need) (\(to)).",
            fr: " Compté en \(basis.fr) : 1 t \(Self.of(release)) (\(from)) vaut \(ratio) t \(Self.of(need)) (\(to)).")
    }

    /// "Inferred, not declared: …" naming the firms whose flow is a guess from their activity
    /// code, so that nobody mistakes it for a declaration; empty when there is none.
    func inferredWarning(_ references: [FlowReference]) -> String {
        var names: [String] = []
        for reference in references where reference.inferred && !names.contains(reference.companyName) {
            names.append(reference.companyName)
        }
        guard !names.isEmpty else { return "" }
        let list = names.joined(separator: ", ")
        return language.pick(
            en: " \(list): flow inferred from the activity code, not declared; confirm it with the firm.",
            fr: " Flux de \(list) déduit de son code d'activité, non déclaré : à confirmer avec l'entreprise.")
    }

    func reason(_ p: PoolingGroup) -> String {
        let names = p.members.map(\.reference.companyName)
        let listed = names.count <= 4 ? names : Array(names.prefix(3))
        let more = names.count - listed.count
        let spread = NumberFormatting.distance(p.spreadKm, language: language)
        let confidential = p.flags.contains(.confidential)
        let subject = label(p.resource)
        switch language {
        case .fr:
            let verb: String =
                switch (p.direction, p.mode) {
                case (.output, _): "produisent"
                case (.input, .purchasing), (.input, .sharedUtility): "ont besoin de"
                case (.input, _): "recherchent"
                }
            var who = listed.joined(separator: ", ")
            if more > 0 { who += " et \(more) autre\(more > 1 ? "s" : "")" }
            var sentence =
                "\(names.count) entreprises à moins de \(spread) km de leur centre \(verb) \(Self.quoted(subject)) (\(who))"
            if let total = p.total, !confidential { sentence += " : \(amount(total)) au total" }
            sentence += "."
            if let threshold = p.threshold, let reaches = p.reachesThreshold {
                sentence += reaches ? " C'est assez pour " : " C'est encore moins qu'il n'en faut pour "
                sentence += threshold.rationale.fr + "."
            }
            if let offer = p.offers.first {
                sentence += offered(p, offer)
            } else if p.flags.contains(.noOffer) {
                sentence += " Personne ne le propose encore à proximité."
            }
            return sentence + inferredWarning(p.members.map(\.reference))
        case .en:
            let verb: String =
                switch (p.direction, p.mode) {
                case (.output, _): "release"
                case (.input, .purchasing), (.input, .sharedUtility): "need"
                case (.input, _): "ask for"
                }
            var who = listed.joined(separator: ", ")
            if more > 0 { who += " and \(more) more" }
            var sentence = "\(names.count) firms within \(spread) km of their centre \(verb) \(subject) (\(who))"
            if let total = p.total, !confidential { sentence += ": \(amount(total)) together" }
            sentence += "."
            if let threshold = p.threshold, let reaches = p.reachesThreshold {
                sentence += reaches ? " That is enough for " : " That is still less than needed for "
                sentence += threshold.rationale.en + "."
            }
            if let offer = p.offers.first {
                sentence += offered(p, offer)
            } else if p.flags.contains(.noOffer) {
                sentence += " Nobody nearby offers it yet."
            }
            return sentence + inferredWarning(p.members.map(\.reference))
        }
    }

    /// " Le Relais collects it, 2 km from the centre." — who offers what the group pools: a
    /// collector for released materials, a supplier or source for a shared utility, a provider
    /// for a service.
    private func offered(_ p: PoolingGroup, _ offer: PoolOffer) -> String {
        let name = language == .fr ? FrenchNames.subject(offer.reference.companyName) : offer.reference.companyName
        let km = NumberFormatting.distance(offer.distanceToCentreKm, language: language)
        let text: LocalizedText =
            switch (p.direction, p.mode) {
            case (.output, _):
                LocalizedText(
                    en: " \(name) collects it, \(km) km from the centre.",
                    fr: " \(name) le collecte, à \(km) km du centre.")
            case (.input, .sharedUtility):
                LocalizedText(
                    en: " \(name) could supply it, \(km) km from the centre.",
                    fr: " \(name) pourrait le fournir, à \(km) km du centre.")
            default:
                LocalizedText(
                    en: " \(name) offers it, \(km) km from the centre.",
                    fr: " \(name) le propose, à \(km) km du centre.")
            }
        return text[language]
    }
}
