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
                    ("found", .integer(result.foundCount)), ("matching", .integer(result.matching)),
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
            element: { index, out in
                write(synergies[index], rank: index + 1, impact: impacts[synergies[index].id], writer: writer, to: &out)
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
        JSONTreeBuilder.build { quantity(amount, to: &$0) }
    }

    /// `value`, `unit` and `per`; `null` when there is no amount.
    static func quantity<Sink: JSONSink>(_ amount: Amount?, to out: inout Sink) {
        guard let amount else { return out.null() }
        out.object { out in
            out.member("value", rounded(amount.value, places: 3))
            out.member("unit", amount.unit.rawValue)
            out.member("per", amount.period.rawValue)
        }
    }

    static func reference(_ reference: FlowReference) -> JSONOutput {
        JSONTreeBuilder.build { out in out.object { self.reference(reference, to: &$0) } }
    }

    /// `company`, `name` and `flow`, and `inferred: true` for a flow inferred from the
    /// activity code, as members of the object being written.
    static func reference<Sink: JSONSink>(_ reference: FlowReference, to out: inout Sink) {
        out.member("company", reference.company.rawValue)
        out.member("name", reference.companyName)
        out.member("flow", reference.flow.rawValue)
        if reference.inferred { out.member("inferred", true) }
    }

    /// One synergy as an element of `synergies`, with its explanation and reason.
    static func write<Sink: JSONSink>(
        _ synergy: Synergy, rank: Int, impact: SynergyImpact?, writer: ReasonWriter, to out: inout Sink
    ) {
        out.beginObject()
        out.member("id", synergy.id)
        out.member("rank", integer: rank)
        out.member("kind", synergy.kind.rawValue)
        switch synergy {
        case .substitution(let s): substitution(s, impact: impact, to: &out)
        case .pooling(let p): pooling(p, to: &out)
        }
        out.array("explanation") { out in
            for term in synergy.terms {
                out.object { out in
                    out.member("term", term.term.rawValue)
                    out.member("value", round4(term.value))
                    out.member("weight", round4(term.weight))
                }
            }
        }
        out.array("flags") { out in for flag in synergy.flags { out.string(flag.rawValue) } }
        out.member("reason", writer.reason(synergy))
        out.endObject()
    }

    /// What only a substitution has: codes, compatibility, distance, quantity, timing, the two
    /// firms and the impact.
    static func substitution<Sink: JSONSink>(_ s: SubstitutionSynergy, impact: SynergyImpact?, to out: inout Sink) {
        out.member("score", round4(s.score))
        out.member("category", s.category.rawValue)
        out.member("resource", s.resource.rawValue)
        out.member("needResource", s.needResource.rawValue)
        out.member("compatibility", s.compatibility.name)
        if case .link(let link) = s.compatibility { out.member("substitutionFactor", link.factor) }
        out.member("distanceKm", s.distanceKm.map { rounded($0, places: 2) })
        out.member("limitKm", rounded(s.limitKm, places: 2))
        out.key("quantity")
        quantity(s.quantity, to: &out)
        out.member("coverage", s.coverage.map(round4))
        out.array("months") { out in for month in s.months.months { out.integer(month) } }
        if let oneOff = s.oneOff { out.member("oneOff", ProfileText.yearMonth(year: oneOff.year, month: oneOff.month)) }
        if let t = s.supplierTemperature { out.member("supplierTemperature", t) }
        if let t = s.receiverTemperature { out.member("receiverTemperature", t) }
        if let cop = s.heatPumpCOP { out.member("heatPumpCOP", rounded(cop, places: 2)) }
        if let share = s.sourceHeatShare { out.member("sourceHeatShare", rounded(share, places: 4)) }
        if let equivalence = s.equivalence {
            out.object("equivalence") { out in
                out.member("basis", equivalence.basis.rawValue)
                out.member("release", rounded(equivalence.release, places: 3))
                out.member("need", rounded(equivalence.need, places: 3))
                out.member("ratio", rounded(equivalence.ratio, places: 3))
            }
        }
        if s.needCandidatesLeftOut > 0 { out.member("needCandidatesLeftOut", integer: s.needCandidatesLeftOut) }
        out.object("supplier") { reference(s.supplier, to: &$0) }
        out.object("receiver") { reference(s.receiver, to: &$0) }
        if let impact {
            out.key("impact")
            ImpactText.write(impact, to: &out)
        }
    }

    /// What only a pooling group has: mode, members, centre, spread, total, threshold, offers.
    static func pooling<Sink: JSONSink>(_ p: PoolingGroup, to out: inout Sink) {
        out.member("mode", p.mode.rawValue)
        out.member("score", round4(p.score))
        out.member("category", p.category.rawValue)
        out.member("resource", p.resource.rawValue)
        out.member("direction", p.direction.rawValue)
        out.array("members") { out in
            for member in p.members {
                participant(member.reference, member.quantity, member.distanceToCentreKm, to: &out)
            }
        }
        out.object("centre") { out in
            out.member("lat", round4(p.centre.latitude))
            out.member("lon", round4(p.centre.longitude))
        }
        out.member("spreadKm", rounded(p.spreadKm, places: 2))
        out.member("radiusKm", p.radiusKm)
        out.key("total")
        quantity(p.total, to: &out)
        if let threshold = p.threshold {
            out.object("threshold") { out in
                out.member("value", threshold.value)
                out.member("unit", p.total?.unit.rawValue ?? "")
                out.member("source", threshold.source)
            }
            out.key("reachesThreshold")
            if let reaches = p.reachesThreshold { out.bool(reaches) } else { out.null() }
        }
        if !p.offers.isEmpty {
            out.array("offers") { out in
                for offer in p.offers {
                    participant(offer.reference, offer.quantity, offer.distanceToCentreKm, to: &out)
                }
            }
        }
    }

    /// A member of a pooling group, or an offer to it: the firm, its quantity, its distance.
    private static func participant<Sink: JSONSink>(
        _ reference: FlowReference, _ quantity: Amount?, _ distanceKm: Double, to out: inout Sink
    ) {
        out.object { out in
            self.reference(reference, to: &out)
            out.key("quantity")
            self.quantity(quantity, to: &out)
            out.member("distanceToCentreKm", rounded(distanceKm, places: 2))
        }
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
