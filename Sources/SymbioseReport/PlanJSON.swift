import SymbioseCore

/// The stable machine interface of `symbiose plan`: a `symbiose/plan@1` document, described in
/// `Docs/planning.md` and `Docs/schema/plan.schema.json`.
public enum PlanJSON {
    public static let schema = "symbiose/plan@1"

    public static func render(
        _ plan: Plan, network: SynergyNetwork, result: MatchResult, taxonomy: Taxonomy, factors: ImpactFactors,
        transport: TransportMode, language: Language
    ) -> String {
        let writer = ReasonWriter(taxonomy: taxonomy, language: language)
        let allocations = plan.optimal.allocations.enumerated().map { offset, allocation in
            self.allocation(allocation, rank: offset + 1, writer: writer)
        }
        let pools = plan.pools.map(pool)
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
            (
                "alternatives",
                .array(
                    plan.alternatives.enumerated().map {
                        alternative($0.element, rank: $0.offset + 1, plan: plan, writer: writer)
                    })
            ),
            ("pools", .array(pools)),
            ("network", json(network)),
            ("factors", ImpactText.factorsJSON(plan.factorsUsed(from: factors), language: language)),
            ("diagnostics", .array(result.diagnostics.sortedForOutput().map { $0.json(in: language) })),
        ])
        return document.rendered()
    }

    private static func outcome(_ outcome: AllocationOutcome) -> JSONOutput {
        .object([
            ("objectiveValue", .number(RecommendationsJSON.rounded(outcome.value, places: 4))),
            ("exchanges", .integer(outcome.allocations.count)),
            ("impact", ImpactText.json(outcome.totals)),
        ])
    }

    static func allocation(_ allocation: Allocation, rank: Int, writer: ReasonWriter) -> JSONOutput {
        let s = allocation.synergy
        let pipe: [(String, JSONOutput)] =
            allocation.pipe.map { pipe in
                [
                    (
                        "pipe",
                        .object([
                            ("metres", .number(pipe.metres.rounded())),
                            ("capacityMW", .number(RecommendationsJSON.rounded(pipe.capacityMW, places: 2))),
                            ("eurPerMetre", .number(pipe.eurPerMetre)),
                            ("investmentEUR", .number(pipe.investmentEUR.rounded())),
                            ("annualisedEUR", .number(pipe.annualisedEUR.rounded())),
                        ])
                    )
                ]
            } ?? []
        return .object(
            [
                ("id", .string(s.id)), ("rank", .integer(rank)),
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
            ] + pipe + [("reason", .string(writer.reason(.substitution(s))))])
    }

    /// A pair left out, as the plan that serves it first: the pair's allocation, that plan's
    /// objective and totals, the difference from the plan, and the exchanges it takes from.
    static func alternative(
        _ alternative: PlanAlternative, rank: Int, plan: Plan, writer: ReasonWriter
    ) -> JSONOutput {
        let displaced = alternative.displaced.map { loss in
            JSONOutput.object([
                ("id", .string(loss.synergy.id)),
                ("quantity", loss.synergy.quantity.map(RecommendationsJSON.quantity) ?? .null),
                ("value", .number(RecommendationsJSON.rounded(loss.value, places: 4))),
            ])
        }
        return .object([
            ("allocation", allocation(alternative.allocation, rank: rank, writer: writer)),
            ("objectiveValue", .number(RecommendationsJSON.rounded(alternative.value, places: 4))),
            ("difference", .number(RecommendationsJSON.rounded(alternative.value - plan.optimal.value, places: 4))),
            ("impact", ImpactText.json(alternative.totals)),
            ("displaced", .array(displaced)),
            ("rearranged", .integer(alternative.rearranged)),
        ])
    }

    static func pool(_ group: PoolingGroup) -> JSONOutput {
        .object([
            ("id", .string(group.id)), ("mode", .string(group.mode.rawValue)),
            ("resource", .string(group.resource)),
            ("members", .array(group.members.map { .string($0.reference.company) })),
            ("total", group.total.map(RecommendationsJSON.quantity) ?? .null),
            ("score", .number(RecommendationsJSON.round4(group.score))),
        ])
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

extension PlanJSON: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        guard let (plan, network) = report.plan else { throw OutputFormat.Unsupported(format: .json) }
        try emit(
            render(
                plan, network: network, result: report.result, taxonomy: report.taxonomy, factors: report.factors,
                transport: report.transport, language: report.language))
    }
}
