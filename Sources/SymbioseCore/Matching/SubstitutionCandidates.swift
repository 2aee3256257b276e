/// The substitutions matching kept, before they are built: each an entry of a need's list that
/// survived the per-release and per-receiver limits, with the flows and rules its synergy is
/// built from.
///
/// Ranking reads their numbers (score, distance, volume, category, and the firms and codes the
/// filter looks at) and builds only the synergies it keeps: a built substitution is an
/// identifier, two flow references and an array of terms, 424 bytes inline, and
/// `match --top 1000` of a million sites shows a thousand of the 1.8 million kept.
struct SubstitutionCandidates: Sendable {
    typealias Matcher = SubstitutionMatcher

    /// What building a synergy uses of one release code that serves a need code.
    private struct Source: Sendable {
        var relation: Compatibility
        var envelopeKm: Double?
    }

    private let matcher: Matcher
    private let lists: [Matcher.NeedList]
    private let chosen: [Matcher.Place]
    private let outputs: [IndexedFlow]
    private let inputs: [IndexedFlow]
    private let taxonomy: Taxonomy
    /// For each need code, what building uses of the release codes that serve it, in the order
    /// of the search's sources (an entry's `source`): not the sources themselves, whose grids
    /// go with the index.
    private let sources: [ResourceCode: [Source]]

    init(
        matcher: Matcher, lists: [Matcher.NeedList], chosen: [Matcher.Place], index: MatchIndex,
        sources: [ResourceCode: [Matcher.ReleaseSource]]
    ) {
        (self.matcher, self.lists, self.chosen) = (matcher, lists, chosen)
        (self.outputs, self.inputs, self.taxonomy) = (index.outputs, index.inputs, index.taxonomy)
        self.sources = sources.mapValues { $0.map { Source(relation: $0.relation, envelopeKm: $0.envelopeKm) } }
    }

    /// How many substitutions were kept.
    var count: Int { chosen.count }

    private func entry(_ position: Int) -> Matcher.Entry {
        lists[Int(chosen[position].need)].entries[Int(chosen[position].slot)]
    }

    private func pair(_ position: Int) -> (supplier: IndexedFlow, receiver: IndexedFlow) {
        (outputs[Int(entry(position).release)], inputs[Int(chosen[position].need)])
    }

    /// What ranking orders the substitution at `position` by, as it would read it from the
    /// built synergy.
    func key(at position: Int) -> Ranker.Key {
        let entry = entry(position)
        return Ranker.Key(
            score: entry.score, distance: entry.distanceKm, volume: entry.volume,
            serviceSwap: inputs[Int(chosen[position].need)].category == .service)
    }

    /// Whether `filter` keeps the substitution at `position`: the release is read only when the
    /// filter asks for a firm or a code.
    func isAccepted(by filter: SynergyFilter, at position: Int) -> Bool {
        let entry = entry(position)
        let receiver = inputs[Int(chosen[position].need)]
        return filter.acceptsSubstitution(
            score: entry.score, category: receiver.category,
            companies: (outputs[Int(entry.release)].reference.company, receiver.reference.company),
            resources: (outputs[Int(entry.release)].flow.resource, receiver.flow.resource))
    }

    /// The need of the substitution at `position`, by number, and how many candidates the
    /// per-need limit left out of its list.
    func needLeftOut(at position: Int) -> (need: Int, leftOut: Int) {
        let need = Int(chosen[position].need)
        return (need, lists[need].leftOut)
    }

    /// The need numbered `need`.
    func need(_ need: Int) -> FlowReference { inputs[need].reference }

    /// The identifier of the substitution at `position`.
    func id(at position: Int) -> String {
        let (supplier, receiver) = pair(position)
        return Matcher.synergyID(supplier, receiver)
    }

    /// Whether the identifier of the substitution at `a` sorts before that at `b`, without
    /// writing either out.
    func idPrecedes(_ a: Int, _ b: Int) -> Bool { Matcher.synergyIDPrecedes(pair(a), pair(b)) }

    /// The synergies at `positions`, in that order, built on up to `threads` threads and left in
    /// the parts the threads built them in.
    func synergies(at positions: [Int], threads: Int) -> [[SubstitutionSynergy]] {
        let candidates = self
        return Parallel.inParts(positions.count, threads: threads) { range in
            range.map { candidates.synergy(at: positions[$0]) }
        }
    }

    /// Every synergy, in the order the limits kept them.
    func all(threads: Int) -> [[SubstitutionSynergy]] { synergies(at: Array(chosen.indices), threads: threads) }

    /// The synergy at `position`, its pair weighed again: the rules are a few comparisons,
    /// cheaper than holding every candidate's details until ranking has chosen.
    private func synergy(at position: Int) -> SubstitutionSynergy {
        let need = Int(chosen[position].need)
        let entry = entry(position)
        let (supplier, receiver) = pair(position)
        // A need with candidates has its code's sources: they are where its candidates came from.
        let source = sources[receiver.flow.resource]![Int(entry.source)]
        let assessment = matcher.assess(
            supplier: supplier, receiver: receiver, compatibility: source.relation, taxonomy: taxonomy,
            envelopeKm: source.envelopeKm, cutoff: nil,
            distanceKm: entry.distanceKm.isFinite ? entry.distanceKm : nil)
        guard case .kept(let candidate) = assessment else { preconditionFailure("a kept pair weighed again is kept") }
        var built = matcher.synergy(
            of: candidate, supplier: supplier, receiver: receiver, compatibility: source.relation)
        built.needCandidatesLeftOut = lists[need].leftOut
        return built
    }
}
