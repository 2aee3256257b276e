import SymbioseCore

// MARK: - Impacts, plan and network

extension HTMLReport {
    /// The summary's paragraph on impacts: the plan's consistent totals, and the list's upper bound.
    func impactSummary() -> String {
        let language = presentation.language
        var bound = ImpactTotals()
        for synergy in result.synergies { if let impact = impacts[synergy.id] { bound.add(impact) } }
        var text = ""
        if let plan {
            let totals = plan.plan.optimal.totals
            text +=
                "<div class=\"figures\"><div><strong>\(e(ImpactText.co2e(totals.netKg, language: language)))</strong> \(e(t(en: "net avoided by the plan", fr: "nets évités par le plan")))</div><div><strong>\(e(ImpactText.euros(totals.netEUR, language: language)))</strong> \(e(t(en: "saved (declared prices and costs)", fr: "économisés (prix et coûts déclarés)")))</div><div><strong>\(plan.plan.optimal.allocations.count)</strong> \(e(t(en: "exchanges in the plan", fr: "échanges dans le plan")))</div></div>"
        }
        text +=
            "<p class=\"note\">\(e(t(en: "If every proposed substitution happened, they would avoid at most \(ImpactText.co2e(bound.netKg, language: language)); they often compete for the same flows, hence the plan, which gives each release and fills each need once. Impacts are estimates: factors and sources in the appendix.", fr: "Si toutes les substitutions proposées se réalisaient, elles éviteraient au plus \(ImpactText.co2e(bound.netKg, language: language)) ; elles se disputent souvent les mêmes flux, d'où le plan, qui donne chaque rejet et remplit chaque besoin une seule fois. Les impacts sont des estimations : facteurs et sources en annexe.")))</p>"
        return text
    }

    func planSection() -> String {
        guard let plan else { return "" }
        let language = presentation.language
        let lines = PlanText.summary(plan.plan, network: plan.network, language: language)
            .map { "<p>\(e($0))</p>" }.joined()
        var rows = ""
        for (offset, allocation) in plan.plan.optimal.allocations.enumerated() {
            let s = allocation.synergy
            let confidential = s.flags.contains(.confidential)
            let quantity = s.quantity.map { presentation.amount($0, confidential: confidential, writer: writer) } ?? "—"
            rows += """
                <tr><td class="n">\(offset + 1)</td><td>\(e(presentation.name(s.supplier))) → \(e(presentation.name(s.receiver)))<br><span class="code">\(e(writer.label(presentation.resource(s.resource))))</span></td><td class="n">\(s.distanceKm.map { NumberFormatting.format(presentation.distance($0), decimals: 1, language: language) } ?? "?")</td><td class="n">\(e(quantity))</td><td class="n">\(e(presentation.impact(allocation.impact, confidential: confidential)))</td></tr>
                """
        }
        return """
            <section class="table-section"><h2>\(e(t(en: "Allocation plan", fr: "Plan d'allocation")))</h2>
            <p class="note">\(e(t(en: "Each release is given at most once in total and each need filled at most once, maximising the objective (\(PlanText.objectiveName(plan.plan.objective, language: language))); pooling groups are kept as they are.", fr: "Chaque rejet n'est donné qu'une fois en tout et chaque besoin n'est rempli qu'une fois, en maximisant l'objectif (\(PlanText.objectiveName(plan.plan.objective, language: language))) ; les mutualisations sont gardées telles quelles.")))</p>
            \(lines)
            <table class="synergies"><thead><tr><th>#</th><th>\(e(t(en: "Who", fr: "Qui")))</th><th>km</th><th>\(e(t(en: "Allocated quantity", fr: "Quantité allouée")))</th><th>\(e(t(en: "Net CO2e and €", fr: "CO2e et € nets")))</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }

    func networkSection() -> String {
        guard let plan else { return "" }
        let network = plan.network
        let names = Dictionary(profiles.map { ($0.company.id, $0.company.name) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: CompanyID) -> String { e(presentation.name(id: id, name: names[id] ?? id.rawValue)) }
        let chains = network.chains.prefix(20).map { chain in
            "<li>\(name(chain.companies[0])) → \(name(chain.companies[1])) → \(name(chain.companies[2])) <span class=\"code\">(\(e(writer.label(presentation.resource(chain.resources[0])))), \(e(writer.label(presentation.resource(chain.resources[1])))))</span></li>"
        }.joined()
        let hubs = network.hubs.map { hub in
            "<tr><td>\(name(hub.company))</td><td class=\"n\">\(hub.partners)</td><td class=\"n\">\(hub.supplies)</td><td class=\"n\">\(hub.receives)</td><td class=\"n\">\(hub.pools)</td></tr>"
        }.joined()
        let components = network.components.map { component in
            "<li>\(component.companies.map(name).joined(separator: ", "))</li>"
        }.joined()
        let isolated = network.isolated.map { firm in
            "<li>\(name(firm.company)) — \(e(PlanText.declared(firm, language: presentation.language)))</li>"
        }.joined()
        let more =
            network.chainCount > 20
            ? "<p class=\"note\">\(e(t(en: "The first 20 of \(network.chainCount) chains, by the CO2e of the weaker of their two links.", fr: "Les 20 premières des \(network.chainCount) chaînes, par CO2e du plus faible de leurs deux liens.")))</p>"
            : ""
        return """
            <section class="table-section"><h2>\(e(t(en: "Network", fr: "Réseau")))</h2>
            <h3>\(e(t(en: "Chains", fr: "Chaînes")))</h3>
            <p class="note">\(e(t(en: "A → B → C: B receives from A and what B releases feeds C, in the plan.", fr: "A → B → C : B reçoit de A et ce que B rejette nourrit C, dans le plan.")))</p>
            \(chains.isEmpty ? "<p>\(e(t(en: "No chain.", fr: "Aucune chaîne.")))</p>" : "<ul>\(chains)</ul>")\(more)
            <h3>\(e(t(en: "Hubs", fr: "Pivots")))</h3>
            <table><thead><tr><th>\(e(t(en: "Firm", fr: "Entreprise")))</th><th class="n">\(e(t(en: "Partners", fr: "Partenaires")))</th><th class="n">\(e(t(en: "Supplies", fr: "Fournit")))</th><th class="n">\(e(t(en: "Receives", fr: "Reçoit")))</th><th class="n">\(e(t(en: "Pools", fr: "Mutualisations")))</th></tr></thead><tbody>\(hubs)</tbody></table>
            <h3>\(e(t(en: "Groups of firms linked by the plan", fr: "Groupes d'entreprises liées par le plan")))</h3>
            <ul>\(components)</ul>
            <h3>\(e(t(en: "Firms with no synergy at all: to call", fr: "Entreprises sans aucune synergie : à appeler")))</h3>
            \(isolated.isEmpty ? "<p>\(e(t(en: "None.", fr: "Aucune.")))</p>" : "<ul>\(isolated)</ul>")
            </section>
            """
    }

    /// The factors behind the impacts shown.
    func factorsAppendix() -> String {
        guard let plan else { return "" }
        let ids = Set(
            impacts.values.flatMap(\.rates.factors) + plan.plan.optimal.allocations.flatMap(\.impact.rates.factors))
        let rows = plan.factors.all.filter { ids.contains($0.id) }.map { factor in
            "<tr><td class=\"code\">\(e(factor.id))</td><td>\(e(factor.name[presentation.language]))</td><td class=\"n\">\(e(NumberFormatting.format(factor.value, decimals: 4, language: presentation.language))) \(e(factor.unit))</td><td>\(e(factor.source[presentation.language]))\(factor.estimate ? " <em>(" + e(t(en: "estimate", fr: "estimation")) + ")</em>" : "")</td><td class=\"n\">\(factor.year)</td></tr>"
        }.joined()
        return """
            <h3>\(e(t(en: "Impact factors used", fr: "Facteurs d'impact utilisés")))</h3>
            <p>\(e(t(en: "CO2e avoided = avoided production of what the need bought (for a secondary material such as recovered fibre or cullet, which the receiver would buy anyway: only the usual haul from its market source) + avoided disposal (declared outlet, or a waste's usual one; none if already recovered) − transport (great-circle distance × detour × mode factor, or pumping and losses for heat and water). Euros = avoided purchase (not for a secondary material) + avoided disposal (declared) − transport cost. Details in Docs/impacts.md; factors version \(plan.factors.version).", fr: "CO2e évité = production évitée de ce que le besoin achetait (pour une matière secondaire comme la fibre recyclée ou le calcin, que le receveur achèterait de toute façon : seulement le transport habituel depuis sa source de marché) + élimination évitée (filière déclarée, ou usuelle d'un déchet ; aucune si déjà valorisé) − transport (distance à vol d'oiseau × détour × facteur du mode, ou pompage et pertes pour la chaleur et l'eau). Euros = achat évité (pas pour une matière secondaire) + élimination évitée (déclarés) − coût du transport. Détail dans Docs/impacts.md ; facteurs version \(plan.factors.version).")))</p>
            <table class="factors"><thead><tr><th>Id</th><th>\(e(t(en: "Factor", fr: "Facteur")))</th><th class="n">\(e(t(en: "Value", fr: "Valeur")))</th><th>\(e(t(en: "Source", fr: "Source")))</th><th class="n">\(e(t(en: "Year", fr: "Année")))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }
}
