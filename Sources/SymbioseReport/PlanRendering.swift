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
            NumberFormatting.format(value, decimals: 0, language: language) + (language == .fr ? " unités" : " units")
        case .score: NumberFormatting.format(value, decimals: 2, language: language)
        }
    }

    public static func objectiveName(_ objective: PlanObjective, language: Language) -> String {
        let fr = language == .fr
        switch objective {
        case .co2: return fr ? "CO2e net évité" : "net CO2e avoided"
        case .euro: return fr ? "euros nets économisés" : "net euros saved"
        case .volume: return fr ? "quantité échangée" : "quantity exchanged"
        case .score: return fr ? "somme des scores" : "sum of scores"
        }
    }

    /// A few lines: objective, plan against greedy, totals, exclusions, network.
    public static func summary(_ plan: Plan, network: SynergyNetwork, language: Language) -> [String] {
        let fr = language == .fr
        let name = objectiveName(plan.objective, language: language)
        let optimal = objectiveValue(plan.optimal.value, plan.objective, language: language)
        let greedy = objectiveValue(plan.greedy.value, plan.objective, language: language)
        let gain = plan.greedy.value > 0 ? (plan.optimal.value / plan.greedy.value - 1) * 100 : 0
        let gainText = NumberFormatting.format(gain, decimals: 1, language: language)
        var lines: [String] = []
        lines.append(
            fr
                ? "Plan : \(plan.optimal.allocations.count) échanges retenus sur \(plan.candidates) candidats, objectif \(name) = \(optimal)."
                : "Plan: \(plan.optimal.allocations.count) exchanges kept out of \(plan.candidates) candidates, objective \(name) = \(optimal)."
        )
        lines.append(
            fr
                ? "Glouton (la meilleure paire d'abord) : \(greedy) en \(plan.greedy.allocations.count) échanges ; gain du plan : +\(gainText) %."
                : "Greedy (best pair first): \(greedy) in \(plan.greedy.allocations.count) exchanges; the plan gains +\(gainText) %."
        )
        let totals = plan.optimal.totals
        lines.append(
            fr
                ? "Impacts du plan : \(ImpactText.co2e(totals.netKg, language: language)) net (\(totals.withCO2e) échanges estimés), \(ImpactText.euros(totals.netEUR, language: language)) (\(totals.withEUR) échanges avec prix ou coûts déclarés)."
                : "Plan impacts: \(ImpactText.co2e(totals.netKg, language: language)) net (\(totals.withCO2e) exchanges estimated), \(ImpactText.euros(totals.netEUR, language: language)) (\(totals.withEUR) exchanges with declared prices or costs)."
        )
        let excluded = PlanExclusion.allCases.compactMap { reason -> String? in
            guard let count = plan.excluded[reason], count > 0 else { return nil }
            return exclusionName(reason, language: language) + (language == .fr ? " : " : ": ") + String(count)
        }
        if !excluded.isEmpty {
            lines.append(
                (fr ? "Candidats écartés (" : "Candidates left out (") + excluded.joined(separator: "; ") + ").")
        }
        lines.append(
            fr
                ? "Réseau : \(network.components.count) groupe(s) d'entreprises liées par des échanges, \(network.chainCount) chaîne(s) A → B → C, \(network.isolated.count) entreprise(s) sans aucune synergie."
                : "Network: \(network.components.count) group(s) of firms linked by exchanges, \(network.chainCount) chain(s) A → B → C, \(network.isolated.count) firm(s) with no synergy at all."
        )
        return lines
    }

    static func exclusionName(_ exclusion: PlanExclusion, language: Language) -> String {
        let fr = language == .fr
        switch exclusion {
        case .quantityUnknown: return fr ? "quantité inconnue" : "quantity unknown"
        case .unitsDiffer: return fr ? "unités différentes" : "units differ"
        case .noEstimate: return fr ? "pas d'estimation pour l'objectif" : "no estimate for the objective"
        case .notWorthwhile: return fr ? "sans gain pour l'objectif" : "no gain for the objective"
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
        let details = self.network(network, names: names, language: language)
        guard markdown else {
            let wrapped = header.flatMap { TextWrapping.wrap($0, width: SynergyTable.width) }
            return wrapped.joined(separator: "\n") + "\n\n"
                + SynergyTable.render(
                    shown, result: planned, taxonomy: taxonomy, impacts: plan.impacts, sumsImpacts: false,
                    language: language)
                + (details.isEmpty ? "" : "\n" + wrappedItems(details).joined(separator: "\n") + "\n")
        }
        let list = details.map { $0.hasPrefix("  ") ? "- " + $0.dropFirst(2) : "\n**\($0)**\n" }
        return "# Plan\n\n" + header.joined(separator: "  \n") + "\n\n"
            + SynergyMarkdown.render(
                shown, result: planned, taxonomy: taxonomy, impacts: plan.impacts, sumsImpacts: false,
                language: language)
            + (list.isEmpty ? "" : list.joined(separator: "\n") + "\n")
    }

    /// Lines cut to the table's width, continuations indented under their item.
    private static func wrappedItems(_ lines: [String]) -> [String] {
        lines.flatMap { line -> [String] in
            guard line.hasPrefix("  ") else { return TextWrapping.wrap(line, width: SynergyTable.width) }
            let parts = TextWrapping.wrap(String(line.dropFirst(2)), width: SynergyTable.width - 4)
            return parts.enumerated().map { ($0.offset == 0 ? "  " : "    ") + $0.element }
        }
    }

    /// The network as text: chains, hubs, isolated firms.
    public static func network(_ network: SynergyNetwork, names: [String: String], language: Language) -> [String] {
        let fr = language == .fr
        var lines: [String] = []
        if !network.chains.isEmpty {
            lines.append(
                fr ? "Chaînes (ce que l'un rejette nourrit le suivant) :" : "Chains (what one releases feeds the next):"
            )
            for chain in network.chains.prefix(10) {
                let firms = chain.companies.map { names[$0] ?? $0 }
                lines.append(
                    "  \(firms[0]) → \(firms[1]) → \(firms[2])  (\(chain.resources[0]), \(chain.resources[1]))")
            }
        }
        if !network.hubs.isEmpty {
            lines.append(fr ? "Pivots (le plus de partenaires) :" : "Hubs (most partners):")
            for hub in network.hubs.prefix(5) {
                lines.append(
                    fr
                        ? "  \(hub.name) : \(hub.partners) partenaires, fournit \(hub.supplies), reçoit \(hub.receives), \(hub.pools) mutualisations"
                        : "  \(hub.name): \(hub.partners) partners, supplies \(hub.supplies), receives \(hub.receives), \(hub.pools) pools"
                )
            }
        }
        if !network.isolated.isEmpty {
            lines.append(fr ? "Entreprises sans synergie (à appeler) :" : "Firms with no synergy (to call):")
            for firm in network.isolated {
                lines.append(
                    fr
                        ? "  \(firm.name) (\(firm.releases) rejet(s), \(firm.needs) besoin(s) déclarés)"
                        : "  \(firm.name) (\(firm.releases) release(s), \(firm.needs) need(s) declared)")
            }
        }
        return lines
    }
}

/// The stable machine interface of `symbiose plan`: a `symbiose/plan@1` document, described in
/// `Docs/planning.md` and `Docs/schema/plan.schema.json`.
public enum PlanJSON {
    public static let schema = "symbiose/plan@1"

    public static func render(
        _ plan: Plan, network: SynergyNetwork, result: MatchResult, taxonomy: Taxonomy, factors: ImpactFactors,
        transport: TransportMode, language: Language
    ) -> String {
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        func outcome(_ outcome: AllocationOutcome) -> JSONOutput {
            .object([
                ("objectiveValue", .number(RecommendationsJSON.rounded(outcome.value, places: 4))),
                ("exchanges", .integer(outcome.allocations.count)),
                ("impact", ImpactText.json(outcome.totals)),
            ])
        }
        let allocations = plan.optimal.allocations.enumerated().map { offset, allocation -> JSONOutput in
            let s = allocation.synergy
            return .object([
                ("id", .string(s.id)), ("rank", .integer(offset + 1)),
                ("value", .number(RecommendationsJSON.rounded(allocation.value, places: 4))),
                ("category", .string(s.category.rawValue)), ("resource", .string(s.resource)),
                ("needResource", .string(s.needResource)),
                ("supplier", RecommendationsJSON.reference(s.supplier)),
                ("receiver", RecommendationsJSON.reference(s.receiver)),
                ("distanceKm", s.distanceKm.map { .number(RecommendationsJSON.rounded($0, places: 2)) } ?? .null),
                ("quantity", s.quantity.map(RecommendationsJSON.quantity) ?? .null),
                ("candidateQuantity", .number(RecommendationsJSON.rounded(allocation.candidateQuantity, places: 3))),
                ("coverage", s.coverage.map { .number(RecommendationsJSON.round4($0)) } ?? .null),
                ("score", .number(RecommendationsJSON.round4(s.score))),
                ("impact", ImpactText.json(allocation.impact)),
                ("reason", .string(writer.reason(.substitution(s)))),
            ])
        }
        let pools = plan.pools.map { group -> JSONOutput in
            .object([
                ("id", .string(group.id)), ("mode", .string(group.mode.rawValue)),
                ("resource", .string(group.resource)),
                ("members", .array(group.members.map { .string($0.reference.company) })),
                ("total", group.total.map(RecommendationsJSON.quantity) ?? .null),
                ("score", .number(RecommendationsJSON.round4(group.score))),
            ])
        }
        let excluded = PlanExclusion.allCases.map { ($0.rawValue, JSONOutput.integer(plan.excluded[$0] ?? 0)) }
        let gain = plan.optimal.value - plan.greedy.value
        let document = JSONOutput.object([
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("taxonomyVersion", .string(taxonomy.version)),
            ("factorsVersion", .string(factors.version)),
            ("objective", .string(plan.objective.rawValue)),
            ("transport", .string(transport.rawValue)),
            (
                "summary",
                .object([
                    ("sites", .integer(result.siteCount)), ("flows", .integer(result.flowCount)),
                    ("candidates", .integer(plan.candidates)), ("subnetworks", .integer(plan.subnetworks)),
                    ("excluded", .object(excluded)),
                ])
            ),
            ("plan", outcome(plan.optimal)),
            ("greedy", outcome(plan.greedy)),
            (
                "gain",
                .object([
                    ("objectiveValue", .number(RecommendationsJSON.rounded(gain, places: 4))),
                    (
                        "share",
                        plan.greedy.value > 0
                            ? .number(RecommendationsJSON.round4(gain / plan.greedy.value)) : .null
                    ),
                ])
            ),
            ("allocations", .array(allocations)),
            ("pools", .array(pools)),
            ("network", json(network)),
            ("factors", ImpactText.factorsJSON(plan.factorsUsed(from: factors), language: language)),
            ("diagnostics", .array(result.diagnostics.sortedForOutput().map { $0.json(in: language) })),
        ])
        return document.rendered()
    }

    static func json(_ network: SynergyNetwork) -> JSONOutput {
        .object([
            ("chainCount", .integer(network.chainCount)),
            (
                "chains",
                .array(
                    network.chains.map { chain in
                        .object([
                            ("companies", .array(chain.companies.map(JSONOutput.string))),
                            ("links", .array(chain.links.map(JSONOutput.string))),
                            ("resources", .array(chain.resources.map(JSONOutput.string))),
                            ("netCO2eT", .number(RecommendationsJSON.rounded(chain.netKg / 1000, places: 1))),
                        ])
                    })
            ),
            (
                "hubs",
                .array(
                    network.hubs.map { hub in
                        .object([
                            ("company", .string(hub.company)), ("name", .string(hub.name)),
                            ("partners", .integer(hub.partners)), ("supplies", .integer(hub.supplies)),
                            ("receives", .integer(hub.receives)), ("pools", .integer(hub.pools)),
                            ("netCO2eT", .number(RecommendationsJSON.rounded(hub.netKg / 1000, places: 1))),
                        ])
                    })
            ),
            (
                "components",
                .array(
                    network.components.map { component in
                        .object([
                            ("companies", .array(component.companies.map(JSONOutput.string))),
                            ("links", .integer(component.links)),
                        ])
                    })
            ),
            (
                "isolated",
                .array(
                    network.isolated.map { firm in
                        .object([
                            ("company", .string(firm.company)), ("name", .string(firm.name)),
                            ("releases", .integer(firm.releases)), ("needs", .integer(firm.needs)),
                        ])
                    })
            ),
        ])
    }
}
