/// A List of Waste code is well formed (`flow.invalid-ewc`), is an entry of the list with its
/// own hazard mark (`flow.unknown-ewc`), agrees with the hazardous flag (`flow.hazard-mismatch`)
/// and is among the resource's usual codes (`flow.ewc-not-listed`, a warning).
public struct ListOfWasteRule: FlowRule {
    public init() {}

    public func check(_ context: FlowContext, into reporter: inout RuleReporter) {
        let quality = context.flow.quality
        guard let ewc = quality.ewc else { return }
        let key = context.key
        guard EWCCode.isWellFormed(ewc) else {
            reporter.error(
                .flowInvalidEWC,
                LocalizedText(
                    en: "\"\(ewc)\" is not a List of Waste code",
                    fr: "« \(ewc) » n'est pas un code de la liste européenne des déchets"), at: key + ".ewc",
                notes: [
                    LocalizedText(
                        en: "write six digits in pairs, as 02 04 02, and a final * for hazardous wastes, as 10 01 04*",
                        fr:
                            "écrivez six chiffres par paires, comme 02 04 02, et un * final pour les déchets dangereux, comme 10 01 04*"
                    )
                ])
            return
        }
        if let unknown = Self.unknown(ewc) {
            reporter.error(.flowUnknownEWC, unknown.text, at: key + ".ewc", notes: unknown.notes)
            return
        }
        if let hazardous = quality.hazardous, hazardous != EWCCode.isHazardous(ewc) {
            reporter.error(.flowHazardMismatch, mismatch(ewc, markedHazardous: hazardous), at: key + ".hazardous")
        }
        if let entry = context.entry, !entry.ewc.isEmpty,
            !entry.ewc.contains(where: { EWCCode.base($0) == EWCCode.base(ewc) })
        {
            reporter.warning(
                .flowEWCNotListed,
                LocalizedText(
                    en: "\(ewc) is not among the List of Waste codes of \(context.flow.resource)",
                    fr: "\(ewc) ne fait pas partie des codes déchets de \(context.flow.resource)"), at: key + ".ewc",
                notes: [
                    LocalizedText(
                        en: "usual codes: " + entry.ewc.joined(separator: ", "),
                        fr: "codes usuels : " + entry.ewc.joined(separator: ", "))
                ])
        }
    }

    /// Why a well-formed code is not an entry of the List of Waste, with the nearby entries.
    static func unknown(_ ewc: String) -> (text: LocalizedText, notes: [LocalizedText])? {
        let list = ListOfWaste.shared
        if let entry = list.entry(ewc) {
            guard entry.code != ewc else { return nil }
            let mark = LocalizedText(
                en: entry.isHazardous ? "hazardous, with *" : "non-hazardous, without *",
                fr: entry.isHazardous ? "dangereuse, avec *" : "non dangereuse, sans *")
            return (
                LocalizedText(
                    en: "\(ewc) is not in the List of Waste: the entry is \(entry.code), \(mark.en)",
                    fr: "\(ewc) n'est pas dans la liste des déchets : l'entrée est \(entry.code), \(mark.fr)"),
                [LocalizedText(en: entry.text.en, fr: entry.text.fr)]
            )
        }
        let nearby = list.neighbours(of: ewc)
        let heading = list.headings(of: ewc).last
        return (
            LocalizedText(
                en: "\(ewc) is not in the List of Waste", fr: "\(ewc) n'est pas dans la liste des déchets"),
            nearby.isEmpty
                ? [
                    LocalizedText(
                        en: "its chapter \(ewc.prefix(2)) does not exist",
                        fr: "son chapitre \(ewc.prefix(2)) n'existe pas")
                ]
                : [
                    LocalizedText(
                        en: "entries of \(ewc.prefix(5))\(heading.map { " (\($0.en))" } ?? ""): "
                            + nearby.joined(separator: ", "),
                        fr: "entrées de \(ewc.prefix(5))\(heading.map { " (\($0.fr))" } ?? "") : "
                            + nearby.joined(separator: ", "))
                ]
        )
    }

    private func mismatch(_ ewc: String, markedHazardous: Bool) -> LocalizedText {
        markedHazardous
            ? LocalizedText(
                en: "the flow is marked hazardous but \(ewc) is a non-hazardous List of Waste entry",
                fr: "le flux est marqué dangereux mais \(ewc) est une entrée non dangereuse de la liste des déchets")
            : LocalizedText(
                en: "the flow is marked non-hazardous but \(ewc) is a hazardous List of Waste entry (*)",
                fr: "le flux est marqué non dangereux mais \(ewc) est une entrée dangereuse de la liste des déchets (*)"
            )
    }
}
