import SymbioseCore

extension HTMLReport {
    // MARK: Sections

    func summary() -> String {
        var rows = ""
        var flowsByCategory: [ResourceCategory: (out: Int, in: Int)] = [:]
        for profile in profiles {
            for flow in profile.outputs { if let c = flow.category { flowsByCategory[c, default: (0, 0)].out += 1 } }
            for flow in profile.inputs { if let c = flow.category { flowsByCategory[c, default: (0, 0)].in += 1 } }
        }
        var synergiesByCategory: [ResourceCategory: (s: Int, p: Int)] = [:]
        for synergy in result.synergies {
            if synergy.kind == .substitution {
                synergiesByCategory[synergy.category, default: (0, 0)].s += 1
            } else {
                synergiesByCategory[synergy.category, default: (0, 0)].p += 1
            }
        }
        var volumes: [PhysicalDimension: Double] = [:]
        // Confidential flows stay out of the sums, which could otherwise reveal them.
        for (_, s) in substitutions where !s.flags.contains(.confidential) || presentation.revealConfidential {
            if let q = s.quantity, !q.isOneOff { volumes[q.dimension, default: 0] += q.value }
        }
        for category in ResourceCategory.allCases {
            let flows = flowsByCategory[category] ?? (0, 0), found = synergiesByCategory[category] ?? (0, 0)
            rows +=
                "<tr><td>\(e(t.category(category)))</td><td class=\"n\">\(flows.out)</td><td class=\"n\">\(flows.in)</td><td class=\"n\">\(found.s)</td><td class=\"n\">\(found.p)</td></tr>"
        }
        let volumeText = PhysicalDimension.allCases.compactMap { dimension -> String? in
            guard let value = volumes[dimension], value > 0 else { return nil }
            return
                "<li>\(e(presentation.anonymize ? amount(Amount(value: value, dimension: dimension), confidential: true) : writer.amount(Amount(value: value, dimension: dimension))))</li>"
        }.joined()
        return """
            <section class="summary"><h2>\(e(t(en: "Summary", fr: "Synthèse")))</h2>
            <div class="figures"><div><strong>\(profiles.count)</strong> \(e(t(en: "sites", fr: "sites")))</div><div><strong>\(result.flowCount)</strong> \(e(t(en: "flows", fr: "flux")))</div><div><strong>\(substitutions.count)</strong> \(e(t(en: "substitutions", fr: "substitutions")))</div><div><strong>\(pools.count)</strong> \(e(t(en: "pooling groups", fr: "mutualisations")))</div></div>
            <table><thead><tr><th>\(e(t(en: "Category", fr: "Catégorie")))</th><th class="n">\(e(t(en: "Releases", fr: "Rejets")))</th><th class="n">\(e(t(en: "Needs", fr: "Besoins")))</th><th class="n">\(e(t(en: "Substitutions", fr: "Substitutions")))</th><th class="n">\(e(t(en: "Pooling", fr: "Mutualisations")))</th></tr></thead><tbody>\(rows)</tbody></table>
            <p>\(e(t(en: "Volumes that could be exchanged if every proposed substitution happened, confidential flows aside (one release may appear in several proposals):", fr: "Volumes qui pourraient être échangés si chaque substitution proposée se réalisait, hors flux confidentiels (une même ressource peut figurer dans plusieurs propositions) :")))</p><ul>\(volumeText)</ul>
            \(impactSummary())
            </section>
            """
    }

    func substitutionTable() -> String {
        var rows = ""
        let all = substitutions
        for (rank, s) in tableRows > 0 ? Array(all.prefix(tableRows)) : all {
            let confidential = s.flags.contains(.confidential)
            rows += """
                <tr><td class="n">\(rank)</td><td class="n">\(number(s.score, 2))</td><td>\(e(presentation.name(s.supplier))) → \(e(presentation.name(s.receiver)))<br><span class="code">\(e(writer.label(presentation.resource(s.resource))))</span></td><td class="n">\(s.distanceKm.map { number(presentation.distance($0), 1) } ?? "?")</td><td class="n">\(e(amount(s.quantity, confidential: confidential)))</td><td class="n">\(e(presentation.impact(impacts[s.id], confidential: confidential)))</td><td>\(e(reason(.substitution(s))))<div class="terms">\(breakdown(.substitution(s))) \(flags(.substitution(s)))</div></td></tr>
                """
        }
        return """
            <section class="table-section"><h2>\(e(t(en: "Substitutions", fr: "Substitutions")))</h2>
            <p class="note">\(e(t(en: "What one firm releases replaces what another buys. Ranked by score (0 to 1); the score breakdown follows each reason.", fr: "Ce qu'une entreprise rejette remplace ce qu'une autre achète. Classées par score (0 à 1) ; le détail du score suit chaque raison.")))\(ReportText.perNeedLimit(result).map { " " + e($0[presentation.language]) } ?? "")</p>
            <table class="synergies substitutions"><thead><tr><th>#</th><th>\(e(t(en: "Score", fr: "Score")))</th><th>\(e(t(en: "Who", fr: "Qui")))</th><th>km</th><th>\(e(t(en: "Quantity", fr: "Quantité")))</th><th>\(e(t(en: "Net CO2e and €", fr: "CO2e et € nets")))</th><th>\(e(t(en: "Why", fr: "Pourquoi")))</th></tr></thead><tbody>\(rows)</tbody></table>\(cut(all.count, shown: tableRows, en: "substitutions", fr: "substitutions"))</section>
            """
    }

    /// "The 30 best of 79 substitutions are listed; all of them: symbiose match --format csv."
    private func cut(_ total: Int, shown: Int, en: String, fr: String) -> String {
        guard shown > 0, total > shown else { return "" }
        let text = t(
            en:
                "The \(shown) best of \(total) \(en) are listed here; all of them, with their reasons: symbiose match --format csv.",
            fr:
                "Les \(shown) meilleures des \(total) \(fr) sont listées ici ; toutes, avec leurs raisons : symbiose match --format csv."
        )
        return "<p class=\"note\">\(e(text))</p>"
    }

    func poolingTable() -> String {
        var rows = ""
        let all = pools
        // Pooling rows hold member lists: half as many fill as much paper.
        let poolRows = tableRows > 0 ? max(1, tableRows / 2) : 0
        for (rank, p) in poolRows > 0 ? Array(all.prefix(poolRows)) : all {
            let members = p.members.map { e(presentation.name($0.reference)) }.joined(separator: ", ")
            rows += """
                <tr><td class="n">P\(rank)</td><td class="n">\(number(p.score, 2))</td><td>\(e(t.mode(p.mode)))<br><span class="code">\(e(writer.label(presentation.resource(p.resource))))</span></td><td>\(members)</td><td class="n">\(number(presentation.distance(p.spreadKm), 1))</td><td class="n">\(e(amount(p.total, confidential: p.flags.contains(.confidential))))</td><td>\(e(reason(.pooling(p))))<div class="terms">\(breakdown(.pooling(p))) \(flags(.pooling(p)))</div></td></tr>
                """
        }
        return """
            <section class="table-section"><h2>\(e(t(en: "Pooling", fr: "Mutualisations")))</h2>
            <p class="note">\(e(t(en: "Several nearby firms have the same need, the same release, or look for the same service. Every member lies within the stated radius of the group's centre.", fr: "Plusieurs entreprises proches ont le même besoin, le même rejet, ou cherchent le même service. Chaque membre est à moins du rayon indiqué du centre du groupe.")))</p>
            <table class="synergies pools"><thead><tr><th>#</th><th>\(e(t(en: "Score", fr: "Score")))</th><th>\(e(t(en: "What", fr: "Quoi")))</th><th>\(e(t(en: "Members", fr: "Membres")))</th><th>km</th><th>\(e(t(en: "Total", fr: "Total")))</th><th>\(e(t(en: "Why", fr: "Pourquoi")))</th></tr></thead><tbody>\(rows)</tbody></table>\(cut(all.count, shown: poolRows, en: "pooling groups", fr: "mutualisations"))</section>
            """
    }

    /// The synergies each list of a company sheet shows in the whole report.
    static let sheetItems = 3

    func sheet(_ profile: Profile, first: Bool) -> String {
        let id = profile.company.id
        let name = presentation.name(id: id, name: profile.company.name)
        // In the whole report each list keeps its best few; a sheet printed alone lists all.
        let cap = company == nil ? Self.sheetItems : Int.max
        func list(_ items: [(Int, Synergy)], empty: String) -> String {
            guard !items.isEmpty else { return "<p class=\"note\">\(e(empty))</p>" }
            let more = items.count - min(cap, items.count)
            // An anonymised report never prints a company id.
            let hint =
                presentation.anonymize
                ? t(en: "and \(more) more.", fr: "et \(more) de plus.")
                : t(
                    en: "and \(more) more, in the company's own sheet: symbiose report --company \(id)",
                    fr: "et \(more) de plus, dans la fiche de l'entreprise : symbiose report --company \(id)")
            let rest = more > 0 ? "<p class=\"note\">\(e(hint))</p>" : ""
            return "<ol class=\"sheet-list\">"
                + items.prefix(cap).map { rank, synergy in
                    let text = cap == Int.max ? reason(synergy) : brief(synergy)
                    return
                        "<li><span class=\"rank\">\(synergy.kind == .pooling ? "P" : "#")\(rank)</span> \(e(text)) <span class=\"score\">\(e(t(en: "score", fr: "score"))) \(number(synergy.score, 2))</span></li>"
                }.joined() + "</ol>" + rest
        }
        let give = substitutions.filter { $0.s.supplier.company == id }.map { ($0.rank, Synergy.substitution($0.s)) }
        let receive = substitutions.filter { $0.s.receiver.company == id }.map { ($0.rank, Synergy.substitution($0.s)) }
        let share = pools.filter { pool in
            pool.p.members.contains { $0.reference.company == id }
                || pool.p.offers.contains { $0.reference.company == id }
        }
        .map { ($0.rank, Synergy.pooling($0.p)) }
        var facts = [String]()
        if let naf = profile.company.naf, !presentation.anonymize { facts.append("NAF \(e(naf))") }
        if profile.flows.contains(where: \.inferred) {
            facts.append(
                "<span class=\"flag\">\(e(t(en: "flows inferred from the activity code, not declared", fr: "flux déduits du code d'activité, non déclarés")))</span>"
            )
        }
        if !presentation.anonymize {
            if let commune = profile.site.commune { facts.append(e(commune)) }
            if let employees = profile.company.employees {
                facts.append("\(employees) \(e(t(en: "employees", fr: "salariés")))")
            }
        }
        return """
            <section class="sheet\(first ? " first-sheet" : "")"><h2>\(e(name))</h2><p class="facts">\(facts.joined(separator: " · "))</p>
            <h3>\(e(t(en: "What you could give", fr: "Ce que vous pourriez donner")))</h3>\(list(give, empty: t(en: "None of your releases finds a taker yet.", fr: "Aucun de vos rejets ne trouve preneur pour l'instant.")))
            <h3>\(e(t(en: "What you could receive", fr: "Ce que vous pourriez recevoir")))</h3>\(list(receive, empty: t(en: "None of your needs finds a supplier yet.", fr: "Aucun de vos besoins ne trouve de fournisseur pour l'instant.")))
            <h3>\(e(t(en: "What you could share", fr: "Ce que vous pourriez partager")))</h3>\(list(share, empty: t(en: "No pooling proposed yet.", fr: "Pas de mutualisation proposée pour l'instant.")))
            </section>
            """
    }

    /// One line for a company sheet: "Verallia France → Réseau de chaleur de Soissons: flue gas
    /// heat, 21,535 MWh/year, 2.6 km" (the reason is in the tables).
    func brief(_ synergy: Synergy) -> String {
        let colon = presentation.language == .fr ? " : " : ": "
        switch synergy {
        case .substitution(let s):
            let quantity = amount(s.quantity, confidential: s.flags.contains(.confidential))
            let km = s.distanceKm.map { number(presentation.distance($0), 1) + " km" } ?? "? km"
            return "\(presentation.name(s.supplier)) → \(presentation.name(s.receiver))" + colon
                + "\(writer.label(presentation.resource(s.resource))), \(quantity), \(km)"
        case .pooling(let p):
            let quantity = amount(p.total, confidential: p.flags.contains(.confidential))
            let spread = number(presentation.distance(p.spreadKm), 1)
            let firms = t(
                en: "\(p.members.count) firms within \(spread) km",
                fr: "\(p.members.count) entreprises à moins de \(spread) km")
            return "\(t.mode(p.mode)) — \(writer.label(presentation.resource(p.resource)))" + colon
                + "\(firms), \(quantity)"
        }
    }
}
