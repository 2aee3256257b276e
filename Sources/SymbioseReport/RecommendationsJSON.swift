import SymbioseCore

/// The stable machine interface of `symbiose match`: a `symbiose/recommendations@1` document,
/// described in `Docs/output-format.md` and `Docs/schema/recommendations.schema.json`.
public enum RecommendationsJSON {
    public static let schema = "symbiose/recommendations@1"

    /// Renders ranked synergies with their explanations and the run's diagnostics.
    ///
    /// - Parameters:
    ///   - synergies: ranked synergies, already cut to what should be shown.
    ///   - result: the run, for counts and diagnostics.
    ///   - impacts: the impacts of the substitutions, by synergy id.
    public static func render(
        _ synergies: [Synergy], result: MatchResult, taxonomy: Taxonomy, settings: MatchSettings,
        impacts: [String: SynergyImpact], factorsVersion: String, language: Language
    ) -> String {
        var text = ""
        write(
            synergies, result: result, taxonomy: taxonomy, settings: settings, impacts: impacts,
            factorsVersion: factorsVersion, language: language
        ) { text += $0 }
        return text
    }

    /// Writes the same document to `emit`, in pieces, without holding all of it.
    public static func write(
        _ synergies: [Synergy], result: MatchResult, taxonomy: Taxonomy, settings: MatchSettings,
        impacts: [String: SynergyImpact], factorsVersion: String, language: Language, threads: Int = 1,
        to emit: (String) throws -> Void
    ) rethrows {
        try write(
            synergies, result: result, taxonomy: taxonomy, settings: settings, impacts: impacts,
            factorsVersion: factorsVersion, language: language, threads: threads,
            toUTF8: { try JSONOutput.pass(&$0, asTextTo: emit) })
    }

    /// Writes the same document as UTF-8 bytes, handed over as
    /// ``ReportRenderer/writeUTF8(_:to:)`` says.
    public static func write(
        _ synergies: [Synergy], result: MatchResult, taxonomy: Taxonomy, settings: MatchSettings,
        impacts: [String: SynergyImpact], factorsVersion: String, language: Language, threads: Int = 1,
        toUTF8 emit: (inout [UInt8]) throws -> Void
    ) rethrows {
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        let weights = settings.weights.normalized
        var totals = ImpactTotals()
        for synergy in synergies { if let impact = impacts[synergy.id] { totals.add(impact) } }
        let perNeedLimit = result.perNeedLimit
        let members: [(String, JSONOutput)] = [
            ("schema", .string(schema)),
            ("language", .string(language.rawValue)),
            ("taxonomyVersion", .string(taxonomy.version)),
            ("factorsVersion", .string(factorsVersion)),
            (
                "summary",
                .object([
                    ("sites", .integer(result.siteCount)), ("flows", .integer(result.flowCount)),
                    ("found", .integer(result.foundCount)), ("matching", .integer(result.synergies.count)),
                    ("shown", .integer(synergies.count)),
                    ("needsOverPerNeedLimit", .integer(perNeedLimit.needs)),
                    ("leftOutByPerNeedLimit", .integer(perNeedLimit.leftOut)),
                ])
            ),
            ("impactUpperBound", ImpactText.json(totals)),
            (
                "weights",
                .object([
                    ("distance", .number(round4(weights.distance))), ("volume", .number(round4(weights.volume))),
                    ("quality", .number(round4(weights.quality))), ("time", .number(round4(weights.time))),
                    ("confidence", .number(round4(weights.confidence))),
                ])
            ),
            ("synergies", .null),
            ("diagnostics", .array(result.diagnostics.sortedForOutput().map { $0.json(in: language) })),
        ]
        try JSONOutput.writeObject(
            members, streaming: "synergies", count: synergies.count, threads: threads,
            element: { index in
                render(synergies[index], rank: index + 1, impact: impacts[synergies[index].id], writer: writer)
            }, toUTF8: emit)
    }

    static func round4(_ value: Double) -> Double { rounded(value, places: 4) }

    /// `value` rounded to `places` decimals, so that JSON shows `0.86` rather than `0.8648300000000001`.
    static func rounded(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded() / scale
    }

    static func quantity(_ amount: Amount) -> JSONOutput {
        .object([
            ("value", .number(rounded(amount.value, places: 3))), ("unit", .string(amount.unit.rawValue)),
            ("per", .string(amount.period.rawValue)),
        ])
    }

    static func reference(_ reference: FlowReference) -> JSONOutput {
        .object(referenceMembers(reference))
    }

    /// `company`, `name` and `flow`, and `inferred: true` for a flow inferred from the
    /// activity code.
    static func referenceMembers(_ reference: FlowReference) -> [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = [
            ("company", .string(reference.company)), ("name", .string(reference.companyName)),
            ("flow", .string(reference.flow)),
        ]
        if reference.inferred { members.append(("inferred", .bool(true))) }
        return members
    }

    static func render(_ synergy: Synergy, rank: Int, impact: SynergyImpact?, writer: ReasonWriter) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(synergy.id)), ("rank", .integer(rank)), ("kind", .string(synergy.kind.rawValue)),
        ]
        switch synergy {
        case .substitution(let s): members += substitutionMembers(s, impact: impact)
        case .pooling(let p): members += poolingMembers(p)
        }
        members.append(
            (
                "explanation",
                .array(
                    synergy.terms.map { term in
                        .object([
                            ("term", .string(term.term.rawValue)), ("value", .number(round4(term.value))),
                            ("weight", .number(round4(term.weight))),
                        ])
                    })
            ))
        members.append(("flags", .array(synergy.flags.map { .string($0.rawValue) })))
        members.append(("reason", .string(writer.reason(synergy))))
        return .object(members)
    }

    /// What only a substitution has: codes, compatibility, distance, quantity, timing, the two
    /// firms and the impact.
    static func substitutionMembers(_ s: SubstitutionSynergy, impact: SynergyImpact?) -> [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = []
        members += [
            ("score", .number(round4(s.score))), ("category", .string(s.category.rawValue)),
            ("resource", .string(s.resource)), ("needResource", .string(s.needResource)),
            ("compatibility", .string(s.compatibility.name)),
        ]
        if case .link(let link) = s.compatibility {
            members.append(("substitutionFactor", .number(link.factor)))
        }
        members.append(("distanceKm", s.distanceKm.map { .number(rounded($0, places: 2)) } ?? .null))
        members.append(("limitKm", .number(rounded(s.limitKm, places: 2))))
        members.append(("quantity", s.quantity.map(quantity) ?? .null))
        members.append(("coverage", s.coverage.map { .number(round4($0)) } ?? .null))
        members.append(("months", .array(s.months.months.map(JSONOutput.integer))))
        if let oneOff = s.oneOff {
            members.append(("oneOff", .string(ProfileText.yearMonth(year: oneOff.year, month: oneOff.month))))
        }
        if let t = s.supplierTemperature { members.append(("supplierTemperature", .number(t))) }
        if let t = s.receiverTemperature { members.append(("receiverTemperature", .number(t))) }
        if let cop = s.heatPumpCOP { members.append(("heatPumpCOP", .number(rounded(cop, places: 2)))) }
        if let share = s.sourceHeatShare {
            members.append(("sourceHeatShare", .number(rounded(share, places: 4))))
        }
        if let equivalence = s.equivalence {
            members.append(
                (
                    "equivalence",
                    .object([
                        ("basis", .string(equivalence.basis.rawValue)),
                        ("release", .number(rounded(equivalence.release, places: 3))),
                        ("need", .number(rounded(equivalence.need, places: 3))),
                        ("ratio", .number(rounded(equivalence.ratio, places: 3))),
                    ])
                ))
        }
        if s.needCandidatesLeftOut > 0 { members.append(("needCandidatesLeftOut", .integer(s.needCandidatesLeftOut))) }
        members.append(("supplier", reference(s.supplier)))
        members.append(("receiver", reference(s.receiver)))
        if let impact { members.append(("impact", ImpactText.json(impact))) }
        return members
    }

    /// What only a pooling group has: mode, members, centre, spread, total, threshold, offers.
    static func poolingMembers(_ p: PoolingGroup) -> [(String, JSONOutput)] {
        var members: [(String, JSONOutput)] = []
        members += [
            ("mode", .string(p.mode.rawValue)), ("score", .number(round4(p.score))),
            ("category", .string(p.category.rawValue)), ("resource", .string(p.resource)),
            ("direction", .string(p.direction.rawValue)),
            (
                "members",
                .array(
                    p.members.map { member in
                        .object(
                            referenceMembers(member.reference) + [
                                ("quantity", member.quantity.map(quantity) ?? .null),
                                ("distanceToCentreKm", .number(rounded(member.distanceToCentreKm, places: 2))),
                            ])
                    })
            ),
            (
                "centre",
                .object([("lat", .number(round4(p.centre.latitude))), ("lon", .number(round4(p.centre.longitude)))])
            ),
            ("spreadKm", .number(rounded(p.spreadKm, places: 2))), ("radiusKm", .number(p.radiusKm)),
            ("total", p.total.map(quantity) ?? .null),
        ]
        if let threshold = p.threshold {
            members.append(
                (
                    "threshold",
                    .object([
                        ("value", .number(threshold.value)),
                        ("unit", .string(p.total?.unit.rawValue ?? "")),
                        ("source", .string(threshold.source)),
                    ])
                ))
            members.append(("reachesThreshold", p.reachesThreshold.map(JSONOutput.bool) ?? .null))
        }
        if !p.offers.isEmpty {
            members.append(
                (
                    "offers",
                    .array(
                        p.offers.map { offer in
                            .object(
                                referenceMembers(offer.reference) + [
                                    ("quantity", offer.quantity.map(quantity) ?? .null),
                                    ("distanceToCentreKm", .number(rounded(offer.distanceToCentreKm, places: 2))),
                                ])
                        })
                ))
        }
        return members
    }
}

extension RecommendationsJSON: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try write(
            report.synergies, result: report.result, taxonomy: report.taxonomy, settings: report.settings,
            impacts: report.impacts, factorsVersion: report.factors.version, language: report.language,
            threads: report.style.threads, to: emit)
    }

    public static func writeUTF8(_ report: RunReport, to emit: (inout [UInt8]) throws -> Void) throws {
        try write(
            report.synergies, result: report.result, taxonomy: report.taxonomy, settings: report.settings,
            impacts: report.impacts, factorsVersion: report.factors.version, language: report.language,
            threads: report.style.threads, toUTF8: emit)
    }
}
