/// Gives a resource code to flows that name their resource only in words (`resourceText`) or
/// only by a List of Waste code (`Docs/taxonomy.md`, "Free text").
///
/// Words go through the taxonomy's ranked search. The best result is applied when it is both
/// related enough (score ≥ ``minimumScore``) and clearly ahead of the next result that is
/// neither its ancestor nor its descendant (by ≥ ``margin``); otherwise the firm must choose
/// among the candidates. Both thresholds were set on the development list of stream names
/// (`Fixtures/stream-names/names.tsv`) and measured on the held-out one.
public struct ResourceResolver: Sendable {
    public var taxonomy: Taxonomy
    public var wasteList: ListOfWaste

    /// The least score a best result needs to be applied without asking.
    public static let minimumScore = 0.45
    /// How far ahead of the first unrelated rival the best result must be.
    public static let margin = 0.10
    /// The most candidates an ambiguous text lists.
    public static let candidatesShown = 5

    public init(taxonomy: Taxonomy, wasteList: ListOfWaste = .shared) {
        self.taxonomy = taxonomy
        self.wasteList = wasteList
    }

    /// What can be made of a flow's resource.
    public enum Outcome: Sendable, Equatable {
        /// The flow gives a code: nothing to resolve.
        case given
        /// The words point to one entry; the runner-up is the best unrelated rival; `words` are
        /// the words that decided, when only part of the text did ("waste heat" of "waste heat
        /// from annealing furnaces").
        case fromText(TaxonomyMatch, runnerUp: TaxonomyMatch?, words: String? = nil)
        /// The words fit several entries about as well, or one only weakly.
        case ambiguous([TaxonomyMatch])
        /// The words fit nothing.
        case unmatched
        /// The flow's List of Waste entry maps to a code.
        case fromEWC(ListOfWaste.Entry)
        /// Neither words nor a known List of Waste entry: the readers and the other rules say so.
        case unresolved
    }

    public func outcome(for flow: Flow) -> Outcome {
        guard flow.resource.rawValue.isEmpty else { return .given }
        if let text = flow.resourceText, !text.allSatisfy(\.isWhitespace) { return outcome(forText: text) }
        if let ewc = flow.quality.ewc, EWCCode.isWellFormed(ewc), let entry = wasteList.entry(ewc), entry.code == ewc {
            return .fromEWC(entry)
        }
        return .unresolved
    }

    /// The outcome of a resource named in words: the whole text, or when it is not conclusive,
    /// its head (``heads(of:)``), the first head read confidently. A complement says where the
    /// stream comes from or what it is for, not what it is: when the whole is read as something
    /// the words before the complement are not ("biogas from sewage sludge" read as sewage
    /// sludge), those words decide; a whole read as the same thing, or a more specific one
    /// ("carbon dioxide from fermentation" as biogenic CO2), stands.
    public func outcome(forText text: String) -> Outcome {
        let whole = searched(text)
        guard case .ambiguous = whole else { return overruledByHead(whole, of: text) }
        for head in Self.heads(of: text) {
            if case .fromText(let best, let runnerUp, _) = searched(head) {
                return .fromText(best, runnerUp: runnerUp, words: head)
            }
        }
        return whole
    }

    private func overruledByHead(_ whole: Outcome, of text: String) -> Outcome {
        guard case .fromText(let read, _, _) = whole, let head = Self.complementHead(of: text),
            case .fromText(let best, let runnerUp, _) = searched(head), !Self.related(best.code, read.code)
        else { return whole }
        return .fromText(best, runnerUp: runnerUp, words: head)
    }

    private func searched(_ text: String) -> Outcome {
        let found = taxonomy.search(text, language: .fr)
        guard let best = found.first else { return .unmatched }
        let rival = found.dropFirst().first { !Self.related($0.code, best.code) }
        if best.score >= Self.minimumScore, best.score - (rival?.score ?? 0) >= Self.margin {
            return .fromText(best, runnerUp: rival)
        }
        return .ambiguous(Array(found.prefix(Self.candidatesShown)))
    }

    /// Words that introduce what a stream is for or where it comes from, in English and French:
    /// "waste heat **from** annealing furnaces", "household waste **as** fuel", "eau **pour** le
    /// process". What comes before names the stream.
    static let complements = [
        "for", "from", "as", "used", "to", "pour", "provenant", "issu", "issus", "issue", "issues", "destiné",
        "destinés", "destinée", "destinées", "comme", "utilisé", "utilisés", "utilisée", "utilisées",
    ]

    /// The parts of a text that may name the stream on their own: the text without its
    /// parentheses, cut before a complement (``complements``), then what the parentheses hold
    /// ("spent malt (draff)" gives "spent malt" and "draff").
    static func heads(of text: String) -> [String] {
        var outside = ""
        var inside: [String] = []
        var depth = 0
        for character in text {
            switch character {
            case "(":
                depth += 1
                if depth == 1 { inside.append("") }
            case ")" where depth > 0:
                depth -= 1
            default:
                if depth > 0 { inside[inside.count - 1].append(character) } else { outside.append(character) }
            }
        }
        let words = outside.split(whereSeparator: \.isWhitespace)
        var heads = [beforeComplement(words).joined(separator: " "), words.joined(separator: " ")] + inside
        heads = heads.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != text }
        var seen = Set<String>()
        return heads.filter { seen.insert($0).inserted }
    }

    /// The words before the first complement, when the text has one and words before it.
    static func complementHead(of text: String) -> String? {
        let words = text.split(whereSeparator: \.isWhitespace)
        let head = beforeComplement(words)
        return head.isEmpty || head.count == words.count ? nil : head.joined(separator: " ")
    }

    private static func beforeComplement(_ words: [Substring]) -> ArraySlice<Substring> {
        words[..<(words.firstIndex { complements.contains($0.lowercased()) } ?? words.endIndex)]
    }

    /// One code is the other's ancestor or descendant, or the same.
    static func related(_ a: ResourceCode, _ b: ResourceCode) -> Bool {
        let (x, y) = (a.rawValue, b.rawValue)
        return x == y || x.hasPrefix(y + ".") || y.hasPrefix(x + ".")
    }

    /// Applies every confident outcome, each with its warning (`flow.resource-from-text`,
    /// `flow.resource-from-ewc`). Flows left without a code keep an empty one: validation
    /// reports why (``ResourceCodeRule``).
    ///
    /// - Complexity: one search per flow named in words; nothing for flows with a code.
    public func resolve(_ profiles: consuming [LoadedProfile]) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic])
    {
        var resolved = consume profiles
        var diagnostics: [Diagnostic] = []
        for index in resolved.indices {
            for (position, flow) in resolved[index].profile.outputs.enumerated() {
                guard let (code, warning) = resolution(of: flow, .output, position, in: resolved[index].source)
                else { continue }
                resolved[index].profile.outputs[position].resource = code
                diagnostics.append(warning)
            }
            for (position, flow) in resolved[index].profile.inputs.enumerated() {
                guard let (code, warning) = resolution(of: flow, .input, position, in: resolved[index].source)
                else { continue }
                resolved[index].profile.inputs[position].resource = code
                diagnostics.append(warning)
            }
        }
        return (resolved, diagnostics)
    }

    /// The code a confident outcome gives a flow, with its warning.
    private func resolution(of flow: Flow, _ direction: FlowDirection, _ position: Int, in source: ProfileSource)
        -> (ResourceCode, Diagnostic)?
    {
        var key: String { ProfileSource.flowKey(direction, position) }
        switch outcome(for: flow) {
        case .fromText(let best, let runnerUp, let words):
            let message = readAs(flow.resourceText ?? "", words, best, runnerUp)
            return (
                best.code,
                .warning(
                    .flowResourceFromText, message, at: source.locate(key + ".resourceText"),
                    notes: [Self.confirmNote])
            )
        case .fromEWC(let entry):
            return (
                entry.resource,
                .warning(
                    .flowResourceFromEWC, takenFrom(entry), at: source.locate(key + ".ewc"), notes: [Self.confirmNote])
            )
        default:
            return nil
        }
    }

    static let confirmNote = LocalizedText(
        en: "write the code in resource to confirm or correct it",
        fr: "écrivez le code dans ressource pour le confirmer ou le corriger")

    /// "label (code)" in each language.
    func describe(_ code: ResourceCode) -> LocalizedText {
        let label = taxonomy[code]?.label ?? LocalizedText(en: code.rawValue, fr: code.rawValue)
        return LocalizedText(en: "\(code) (\(label.en))", fr: "\(code) (\(label.fr))")
    }

    private func readAs(
        _ text: String, _ words: String?, _ best: TaxonomyMatch, _ runnerUp: TaxonomyMatch?
    ) -> LocalizedText {
        let chosen = describe(best.code)
        let score = Self.score(best.score)
        let from = words.map { LocalizedText(en: " (from \"\($0)\")", fr: " (d'après « \($0) »)") }
        let read = LocalizedText(
            en: "\"\(text)\" is read as \(chosen.en)\(from?.en ?? ""), relevance \(score)",
            fr: "« \(text) » est lu comme \(chosen.fr)\(from?.fr ?? ""), pertinence \(score)")
        guard let runnerUp else { return read }
        let next = describe(runnerUp.code)
        let nextScore = Self.score(runnerUp.score)
        return LocalizedText(
            en: read.en + "; next: \(next.en), \(nextScore)", fr: read.fr + " ; ensuite : \(next.fr), \(nextScore)")
    }

    private func takenFrom(_ entry: ListOfWaste.Entry) -> LocalizedText {
        let chosen = describe(entry.resource)
        let coarse =
            entry.method == "chapter"
            ? LocalizedText(
                en: "; the entry maps only to its heading's family",
                fr: " ; l'entrée n'est rattachée qu'à la famille de sa rubrique")
            : LocalizedText(en: "", fr: "")
        return LocalizedText(
            en: "the resource is taken from List of Waste entry \(entry.code): \(chosen.en)\(coarse.en)",
            fr: "la ressource est déduite de l'entrée \(entry.code) de la liste des déchets : \(chosen.fr)\(coarse.fr)")
    }

    /// A score with two decimals, the same in both languages.
    static func score(_ value: Double) -> String {
        let hundredths = Int((min(value, 9.99) * 100).rounded())
        let cents = hundredths % 100
        return "\(hundredths / 100).\(cents < 10 ? "0" : "")\(cents)"
    }
}
