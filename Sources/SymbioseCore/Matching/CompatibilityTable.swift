/// Which release codes can serve which need codes, read from the taxonomy once per run for the
/// codes present in the data.
///
/// A release serves a need when the codes are equal; when one is a more specific kind of the
/// other (never through a bare category root, which is too vague); or through a substitution
/// link of the release's code or of one of its parents to the need's code or one of its parents;
/// or, between two kinds of heat (or of cold), by heat transfer, the temperatures deciding.
/// The best-factored relation wins. A pair whose dimensions cannot be reconciled is reported,
/// not matched.
///
/// - Complexity: O(*o* · *i* · *d*) for *o* distinct release codes, *i* distinct need codes and
///   code depth *d*, independent of the number of firms.
public struct CompatibilityTable: Sendable {
    /// For each need code, the release codes that can serve it.
    public private(set) var releasesForNeed: [ResourceCode: [(release: ResourceCode, compatibility: Compatibility)]] =
        [:]
    public private(set) var diagnostics: [Diagnostic] = []

    public init(releaseCodes: [ResourceCode], needCodes: [ResourceCode], taxonomy: Taxonomy) {
        for need in needCodes.sorted() {
            var list: [(ResourceCode, Compatibility)] = []
            for release in releaseCodes.sorted() {
                guard let compatibility = Self.compatibility(release: release, need: need, taxonomy: taxonomy) else {
                    continue
                }
                guard let releaseEntry = taxonomy[release], let needEntry = taxonomy[need] else { continue }
                if releaseEntry.dimension != needEntry.dimension
                    && !taxonomy.accepts(releaseEntry.dimension, for: need)
                    && !taxonomy.accepts(needEntry.dimension, for: release)
                {
                    diagnostics.append(
                        .warning(
                            .matchDimensionMismatch,
                            LocalizedText(
                                en:
                                    "\(release) (\(releaseEntry.dimension.rawValue)) could serve \(need) (\(needEntry.dimension.rawValue)), but their quantities cannot be compared: no match is proposed",
                                fr:
                                    "\(release) (\(releaseEntry.dimension.rawValue)) pourrait servir \(need) (\(needEntry.dimension.rawValue)), mais leurs quantités ne se comparent pas : aucune synergie proposée"
                            ),
                            notes: [
                                LocalizedText(
                                    en: "declare an equivalent between the two dimensions in a taxonomy file",
                                    fr:
                                        "déclarez une équivalence entre les deux dimensions dans un fichier de taxonomie"
                                )
                            ]))
                    continue
                }
                list.append((release, compatibility))
            }
            if !list.isEmpty { releasesForNeed[need] = list }
        }
    }

    /// The relation between a release code and a need code, if any.
    public static func compatibility(release: ResourceCode, need: ResourceCode, taxonomy: Taxonomy) -> Compatibility? {
        guard let releaseCategory = release.category, let needCategory = need.category else { return nil }
        var best: Compatibility?
        func consider(_ candidate: Compatibility) {
            if best == nil || candidate.factor > best!.factor { best = candidate }
        }
        if release == need {
            return .exact
        }
        if releaseCategory == needCategory {
            if release.isWithin(need) && !need.isRoot { consider(.moreSpecific) }
            if need.isWithin(release) && !release.isRoot { consider(.lessSpecific) }
        }
        // Links of the release's code, then of its parents, to the need's code or one of its parents.
        var current: ResourceCode? = release
        var excluded: [ResourceCode] = []
        while let code = current {
            excluded += taxonomy[code]?.excludes ?? []
            if excluded.contains(where: { need.isWithin($0) }) { break }
            for link in taxonomy[code]?.substitutes ?? [] where need.isWithin(link.target) {
                consider(.link(link))
            }
            current = code.parent
        }
        if best == nil, releaseCategory == needCategory, releaseCategory == .heat || releaseCategory == .cold {
            best = .heatTransfer
        }
        return best
    }
}
