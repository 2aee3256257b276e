/// The per-release and per-receiver limits, applied once every need has its candidates.
extension SubstitutionMatcher {
    /// Keeps each release's best `limit` proposals (0: all), in input order otherwise.
    static func bestPerRelease(_ synergies: [SubstitutionSynergy], keeping limit: Int) -> [SubstitutionSynergy] {
        guard limit > 0 else { return synergies }
        var byRelease: [PairKey: [SubstitutionSynergy]] = [:]
        for synergy in synergies {
            Self.insert(synergy, into: &byRelease[PairKey(synergy.supplier), default: []], keeping: limit)
        }
        let keptIds = Set(byRelease.values.flatMap { $0.map(\.id) })
        return synergies.filter { keptIds.contains($0.id) }
    }

    /// Keeps, for each release and each receiving firm, only the best-scoring use: the same
    /// cullet offered to one glassworks for its cullet need and for its batch need is one
    /// proposal, not two. Ties keep the alphabetically first id.
    static func bestPerReceiver(_ synergies: [SubstitutionSynergy]) -> [SubstitutionSynergy] {
        var best: [PairKey: SubstitutionSynergy] = [:]
        var order: [PairKey] = []
        for synergy in synergies {
            let key = PairKey(synergy.supplier, receiver: synergy.receiver.company)
            if let current = best[key] {
                if synergy.score > current.score || (synergy.score == current.score && synergy.id < current.id) {
                    best[key] = synergy
                }
            } else {
                best[key] = synergy
                order.append(key)
            }
        }
        return order.map { best[$0]! }
    }

    /// A release, or a release and a receiving firm.
    fileprivate struct PairKey: Hashable {
        var company: CompanyID
        var flow: FlowID
        var receiver: CompanyID?

        init(_ release: FlowReference, receiver: CompanyID? = nil) {
            (company, flow, self.receiver) = (release.company, release.flow, receiver)
        }
    }
}
