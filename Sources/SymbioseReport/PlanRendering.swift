import SymbioseCore

extension Plan {
    /// The plan's allocations as substitutions (with the allocated quantities), then the pooling
    /// groups, as the list renderers take them.
    public var synergies: [Synergy] {
        optimal.allocations.map { Synergy.substitution($0.synergy) } + pools.map(Synergy.pooling)
    }

    /// The allocations' impacts, by synergy id.
    public var impacts: [String: SynergyImpact] {
        Dictionary(optimal.allocations.map { ($0.synergy.id, $0.impact) }, uniquingKeysWith: { a, _ in a })
    }

    /// The factors the allocations used, in id order.
    public func factorsUsed(from factors: ImpactFactors) -> [ImpactFactor] {
        let ids = Set(optimal.allocations.flatMap(\.impact.rates.factors))
        return factors.all.filter { ids.contains($0.id) }
    }
}

/// The plan as people read it: what the objective reached, against greedy, and the totals.
public enum PlanText {
    /// The objective's value with its unit.
    public static func objectiveValue(_ value: Double, _ objective: PlanObjective, language: Language) -> String {
        switch objective {
        case .co2: ImpactText.co2e(value, language: language)
        case .euro: ImpactText.euros(value, language: language)
        case .volume:
            NumberFormatting.format(value, decimals: 0, language: language)
                + (LocalizedText(en: " units", fr: " unités")[language])
        case .score: NumberFormatting.format(value, decimals: 2, language: language)
        }
    }

    public static func objectiveName(_ objective: PlanObjective, language: Language) -> String {
        switch objective {
        case .co2: return LocalizedText(en: "net CO2e avoided", fr: "CO2e net évité")[language]
        case .euro: return LocalizedText(en: "net euros saved", fr: "euros nets économisés")[language]
        case .volume: return LocalizedText(en: "quantity exchanged", fr: "quantité échangée")[language]
        case .score: return LocalizedText(en: "sum of scores", fr: "somme des scores")[language]
        }
    }

    /// A few lines: objective, plan against greedy, totals, exclusions, network.
    public static func summary(_ plan: Plan, network: SynergyNetwork, language: Language) -> [String] {
        let name = objectiveName(plan.objective, language: language)
        let optimal = objectiveValue(plan.optimal.value, plan.objective, language: language)
        let greedy = objectiveValue(plan.greedy.value, plan.objective, language: language)
        let gain = plan.greedy.value > 0 ? (plan.optimal.value / plan.greedy.value - 1) * 100 : 0
        // A gain under 0.05 % still shows: "+0 %" would read as none.
        let gainText = NumberFormatting.format(gain, decimals: abs(gain) < 0.05 ? 2 : 1, language: language)
        func exchanges(_ n: Int) -> LocalizedText {
            .count(n, en: ("exchange", "exchanges"), fr: ("échange", "échanges"))
        }
        let kept = exchanges(plan.optimal.allocations.count)
        let candidates = LocalizedText.count(
            plan.candidates, en: ("candidate", "candidates"), fr: ("candidat", "candidats"))
        var lines: [String] = []
        lines.append(
            LocalizedText(
                en: "Plan: \(kept.en) kept out of \(candidates.en), objective \(name) = \(optimal).",
                fr:
                    "Plan : \(kept.fr) \(language.takesPlural(plan.optimal.allocations.count) ? "retenus" : "retenu") sur \(candidates.fr), objectif \(name) = \(optimal)."
            )[language]
        )
        // When greedy's allocation is the better one kept (minimum pipe sizes), say so.
        let same = plan.optimal.allocations == plan.greedy.allocations
        let verdict =
            same
            ? LocalizedText(en: "the plan keeps it", fr: "le plan le retient")
            : LocalizedText(en: "the plan gains +\(gainText) %", fr: "gain du plan : +\(gainText) %")
        lines.append(
            LocalizedText(
                en:
                    "Greedy (best pair first): \(greedy) in \(exchanges(plan.greedy.allocations.count).en); \(verdict.en).",
                fr:
                    "Glouton (la meilleure paire d'abord) : \(greedy) en \(exchanges(plan.greedy.allocations.count).fr) ; \(verdict.fr)."
            )[language]
        )
        let totals = plan.optimal.totals
        lines.append(
            LocalizedText(
                en:
                    "Plan impacts: \(ImpactText.co2e(totals.netKg, language: language)) net (\(exchanges(totals.withCO2e).en) estimated), \(ImpactText.euros(totals.netEUR, language: language)) (\(exchanges(totals.withEUR).en) with declared prices or costs).",
                fr:
                    "Impacts du plan : \(ImpactText.co2e(totals.netKg, language: language)) net (\(exchanges(totals.withCO2e).fr) \(language.takesPlural(totals.withCO2e) ? "estimés" : "estimé")), \(ImpactText.euros(totals.netEUR, language: language)) (\(exchanges(totals.withEUR).fr) avec prix ou coûts déclarés)."
            )[language]
        )
        let excluded = PlanExclusion.allCases.compactMap { reason -> String? in
            guard let count = plan.excluded[reason], count > 0 else { return nil }
            return exclusionName(reason, language: language) + (LocalizedText(en: ": ", fr: " : ")[language])
                + String(count)
        }
        if !excluded.isEmpty {
            lines.append(
                (LocalizedText(en: "Candidates left out (", fr: "Candidats écartés (")[language])
                    + excluded.joined(separator: LocalizedText(en: "; ", fr: " ; ")[language]) + ").")
        }
        if let pipes = pipeLine(plan.optimal.allocations, language: language) { lines.append(pipes) }
        lines.append(networkLine(network, language: language))
        return lines
    }

    /// "Pipes to build: 3 heat links, 18.9 km, 17.4 M€ (1,006,000 €/yr over 30 years at 4 %)."
    static func pipeLine(_ allocations: [Allocation], language: Language) -> String? {
        let pipes = allocations.compactMap(\.pipe)
        guard !pipes.isEmpty else { return nil }
        let km = NumberFormatting.format(pipes.reduce(0) { $0 + $1.metres } / 1000, decimals: 1, language: language)
        let millions = NumberFormatting.format(
            pipes.reduce(0) { $0 + $1.investmentEUR } / 1e6, decimals: 1, language: language)
        let yearly = ImpactText.euros(pipes.reduce(0) { $0 + $1.annualisedEUR }, language: language)
        let links = LocalizedText.count(
            pipes.count, en: ("heat link", "heat links"), fr: ("lien de chaleur", "liens de chaleur"))
        return LocalizedText(
            en: "Pipes to build: \(links.en), \(km) km, \(millions) M€ (\(yearly) annualised).",
            fr: "Conduites à construire : \(links.fr), \(km) km, \(millions) M€ (\(yearly) en annuités)."
        )[language]
    }

    /// "Network: 2 groups of firms linked by exchanges, 57 chains A → B → C, 2 firms with no synergy at all."
    static func networkLine(_ network: SynergyNetwork, language: Language) -> String {
        let groups = LocalizedText.count(network.components.count, en: ("group", "groups"), fr: ("groupe", "groupes"))
        let chains = LocalizedText.count(network.chainCount, en: ("chain", "chains"), fr: ("chaîne", "chaînes"))
        let isolated = LocalizedText.count(
            network.isolated.count, en: ("firm", "firms"), fr: ("entreprise", "entreprises"))
        return LocalizedText(
            en:
                "Network: \(groups.en) of firms linked by exchanges, \(chains.en) A → B → C, \(isolated.en) with no synergy at all.",
            fr:
                "Réseau : \(groups.fr) d'entreprises liées par des échanges, \(chains.fr) A → B → C, \(isolated.fr) sans aucune synergie."
        )[language]
    }

    /// "2 releases, 1 need declared" / "2 rejets, 1 besoin déclarés".
    static func declared(_ firm: SynergyNetwork.Isolated, language: Language) -> String {
        let releases = LocalizedText.count(firm.releases, en: ("release", "releases"), fr: ("rejet", "rejets"))
        let needs = LocalizedText.count(firm.needs, en: ("need", "needs"), fr: ("besoin", "besoins"))
        let agreed = language.takesPlural(firm.releases + firm.needs) ? "déclarés" : "déclaré"
        return LocalizedText(en: "\(releases.en), \(needs.en) declared", fr: "\(releases.fr), \(needs.fr) \(agreed)")[
            language]
    }

    static func exclusionName(_ exclusion: PlanExclusion, language: Language) -> String {
        switch exclusion {
        case .quantityUnknown: return LocalizedText(en: "quantity unknown", fr: "quantité inconnue")[language]
        case .unitsDiffer: return LocalizedText(en: "units differ", fr: "unités différentes")[language]
        case .noEstimate:
            return LocalizedText(en: "no estimate for the objective", fr: "pas d'estimation pour l'objectif")[language]
        case .notWorthwhile:
            return LocalizedText(en: "no gain for the objective", fr: "sans gain pour l'objectif")[language]
        case .pipeTooThin:
            return LocalizedText(
                en: "too little heat for the pipe's length", fr: "trop peu de chaleur pour la longueur de conduite")[
                    language]
        case .pipeUneconomic:
            return LocalizedText(
                en: "pipe would not pay for itself", fr: "conduite non rentable")[language]
        }
    }

    /// The plan for a terminal or as Markdown: the summary, the exchanges shown (with their
    /// impacts), then chains, hubs and the firms with no synergy.
    public static func render(
        _ plan: Plan, network: SynergyNetwork, shown: [Synergy], result: MatchResult, profiles: [Profile],
        taxonomy: Taxonomy, markdown: Bool, language: Language
    ) -> String {
        var planned = result
        planned.synergies = plan.synergies
        let names = Dictionary(profiles.map { ($0.company.id, $0.company.name) }, uniquingKeysWith: { a, _ in a })
        let header = summary(plan, network: network, language: language)
        let details =
            alternatives(plan, taxonomy: taxonomy, language: language)
            + self.network(network, names: names, language: language)
        guard markdown else {
            let wrapped = header.flatMap { TextWrapping.wrap($0, width: SynergyTable.width) }
            return wrapped.joined(separator: "\n") + "\n\n"
                + SynergyTable.render(
                    shown, result: planned, taxonomy: taxonomy, impacts: plan.impacts, sumsImpacts: false,
                    language: language)
                + (details.isEmpty ? "" : "\n" + wrappedItems(details).joined(separator: "\n") + "\n")
        }
        let list = details.map {
            $0.hasPrefix("  ") ? "- " + MarkdownEscaping.text(String($0.dropFirst(2))) : "\n**\($0)**\n"
        }
        return "# Plan\n\n" + header.joined(separator: "  \n") + "\n\n"
            + SynergyMarkdown.render(
                shown, result: planned, taxonomy: taxonomy, impacts: plan.impacts, sumsImpacts: false,
                language: language)
            + (list.isEmpty ? "" : list.joined(separator: "\n") + "\n")
    }

    /// Lines cut to the table's width, continuations indented under their item.
    static func wrappedItems(_ lines: [String]) -> [String] {
        lines.flatMap { line -> [String] in
            guard line.hasPrefix("  ") else { return TextWrapping.wrap(line, width: SynergyTable.width) }
            let parts = TextWrapping.wrap(String(line.dropFirst(2)), width: SynergyTable.width - 4)
            return parts.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
        }
    }

    /// The network as text: chains, hubs, isolated firms.
    public static func network(_ network: SynergyNetwork, names: [CompanyID: String], language: Language) -> [String] {
        var lines: [String] = []
        if !network.chains.isEmpty {
            lines.append(
                LocalizedText(
                    en: "Chains (what one releases feeds the next):",
                    fr: "Chaînes (ce que l'un rejette nourrit le suivant) :")[language]
            )
            for chain in network.chains.prefix(10) {
                let firms = chain.companies.map { names[$0] ?? $0.rawValue }
                lines.append(
                    "  \(firms[0]) → \(firms[1]) → \(firms[2])  (\(chain.resources[0]), \(chain.resources[1]))")
            }
        }
        if !network.hubs.isEmpty {
            lines.append(LocalizedText(en: "Hubs (most partners):", fr: "Pivots (le plus de partenaires) :")[language])
            func partners(_ n: Int) -> LocalizedText {
                .count(n, en: ("partner", "partners"), fr: ("partenaire", "partenaires"))
            }
            func pools(_ n: Int) -> LocalizedText {
                .count(n, en: ("pool", "pools"), fr: ("mutualisation", "mutualisations"))
            }
            for hub in network.hubs.prefix(5) {
                lines.append(
                    LocalizedText(
                        en:
                            "  \(hub.name): \(partners(hub.partners).en), supplies \(hub.supplies), receives \(hub.receives), \(pools(hub.pools).en)",
                        fr:
                            "  \(hub.name) : \(partners(hub.partners).fr), fournit \(hub.supplies), reçoit \(hub.receives), \(pools(hub.pools).fr)"
                    )[language]
                )
            }
        }
        if !network.isolated.isEmpty {
            lines.append(
                LocalizedText(en: "Firms with no synergy (to call):", fr: "Entreprises sans synergie (à appeler) :")[
                    language])
            for firm in network.isolated {
                lines.append("  \(firm.name) (\(declared(firm, language: language)))")
            }
        }
        return lines
    }
}

extension PlanText: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(render(report, markdown: false))
    }

    static func render(_ report: RunReport, markdown: Bool) throws -> String {
        guard let (plan, network) = report.plan else {
            throw OutputFormat.Unsupported(format: markdown ? .markdown : .table)
        }
        return render(
            plan, network: network, shown: report.synergies, result: report.result, profiles: report.profiles,
            taxonomy: report.taxonomy, markdown: markdown, language: report.language)
    }
}

/// The plan as Markdown, for workshop notes.
public enum PlanMarkdown: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try emit(PlanText.render(report, markdown: true))
    }
}
