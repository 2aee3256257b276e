extension MatchIndex {
    /// The flows of a run of profiles prepared for matching, in input order (each profile's
    /// outputs, then its inputs): what can be worked out of each flow alone, on any thread.
    struct PreparedFlows: Sendable {
        var flows: [IndexedFlow] = []
        var directions: [FlowDirection] = []
        /// Where each profile's flows end in `flows`, one entry per profile.
        var ends: [Int] = []
        /// Quantities whose unit cannot be brought to their resource's dimension, in flow order.
        var warnings: [Diagnostic] = []
    }

    /// The profiles' flows prepared in parts of 512 profiles, in input order, the parts split
    /// over `threads`: building each flow's object is most of indexing, and needs nothing of the
    /// other flows.
    static func prepare(_ profiles: [LoadedProfile], taxonomy: Taxonomy, threads: Int) -> [PreparedFlows] {
        let size = 512
        let table = CodeFacts.Table(taxonomy)
        return Parallel.map((profiles.count + size - 1) / size, threads: threads) { range in
            range.map { part in
                prepare(profiles[(part * size)..<min(profiles.count, (part + 1) * size)], table: table)
            }
        }
    }

    private static func prepare(_ profiles: ArraySlice<LoadedProfile>, table: CodeFacts.Table) -> PreparedFlows {
        let taxonomy = table.taxonomy
        // What the taxonomy says of each code, asked of the shared table once per code and part.
        var facts: [ResourceCode: CodeFacts] = [:]
        var prepared = PreparedFlows()
        for loaded in profiles {
            for direction in [FlowDirection.output, .input] {
                let flows = direction == .output ? loaded.profile.outputs : loaded.profile.inputs
                for (index, flow) in flows.enumerated() {
                    guard let code = facts[flow.resource] ?? table.facts(of: flow.resource) else { continue }
                    facts[flow.resource] = code
                    let amount = taxonomy.annualAmount(of: flow, dimension: code.dimension)
                    if amount == nil, let warning = unitMismatch(flow, code.dimension, loaded, direction, index) {
                        prepared.warnings.append(warning)
                    }
                    prepared.flows.append(indexed(flow, of: loaded.profile, code: code, amount: amount))
                    prepared.directions.append(direction)
                }
            }
            prepared.ends.append(prepared.flows.count)
        }
        return prepared
    }

    private static func indexed(_ flow: Flow, of profile: Profile, code: CodeFacts, amount: Double?) -> IndexedFlow {
        var oneOff: YearMonth?
        if case .oneOff(let year, let month) = flow.availability { oneOff = YearMonth(year: year, month: month) }
        let hazardous = flow.quality.hazardous ?? flow.quality.ewc.map(EWCCode.isHazardous) ?? false
        return IndexedFlow(
            reference: FlowReference(
                company: profile.company.id, companyName: profile.company.name, flow: flow.id,
                inferred: flow.inferred),
            flow: flow, point: profile.site.point, months: MonthSet(flow.availability), oneOff: oneOff, amount: amount,
            code: code, grade: flow.quality.waterGrade ?? code.grade,
            hazardous: hazardous, group: profile.company.group,
            activity: profile.company.naf, placedByPostcode: profile.site.placedByPostcode)
    }
}
