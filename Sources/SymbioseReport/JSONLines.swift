import SymbioseCore

/// `--format ndjson` of `match`: one synergy per line, each the same object as an element of
/// `synergies` in the `symbiose/recommendations@1` document (`Docs/output-format.md`), in rank
/// order. The run's summary and diagnostics are not records: diagnostics go to stderr.
public enum RecommendationsNDJSON: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try writeUTF8(report) { try JSONOutput.pass(&$0, asTextTo: emit) }
    }

    public static func writeUTF8(_ report: RunReport, to emit: (inout [UInt8]) throws -> Void) throws {
        let (synergies, impacts) = (report.synergies, report.impacts)
        let writer = ReasonWriter(taxonomy: report.taxonomy, language: report.language)
        try JSONOutput.writeLines(
            count: synergies.count, threads: report.style.threads,
            element: { index, out in
                RecommendationsJSON.write(
                    synergies[index], rank: index + 1, impact: impacts[synergies[index].id], writer: writer, to: &out)
            }, toUTF8: emit)
    }
}

/// `--format ndjson` of `plan`: one line per allocation, then one per pooling group, each the
/// object of `allocations` or `pools` in the `symbiose/plan@1` document, with a first member
/// `record` (`allocation` or `pool`) telling which.
public enum PlanNDJSON: ReportRenderer {
    public static func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        try writeUTF8(report) { try JSONOutput.pass(&$0, asTextTo: emit) }
    }

    public static func writeUTF8(_ report: RunReport, to emit: (inout [UInt8]) throws -> Void) throws {
        guard let (plan, _) = report.plan else { throw OutputFormat.Unsupported(format: .ndjson) }
        let writer = ReasonWriter(taxonomy: report.taxonomy, language: report.language)
        let allocations = plan.optimal.allocations
        let pools = plan.pools
        try JSONOutput.writeLines(
            count: allocations.count + pools.count, threads: report.style.threads,
            element: { index in
                index < allocations.count
                    ? tagged("allocation", PlanJSON.allocation(allocations[index], rank: index + 1, writer: writer))
                    : tagged("pool", PlanJSON.pool(pools[index - allocations.count]))
            }, toUTF8: emit)
    }

    private static func tagged(_ record: String, _ value: JSONOutput) -> JSONOutput {
        guard case .object(let members) = value else { return value }
        return .object([("record", .string(record))] + members)
    }
}
