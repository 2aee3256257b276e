import Foundation

/// The inverted index resource search runs on: every searchable text of every entry (its code's
/// words, labels and synonyms in both languages, the List of Waste descriptions of its codes) cut
/// into stems (``SearchVocabulary``), with how many entries hold each stem, so that rare words
/// weigh more than common ones. Built once per taxonomy.
struct SearchIndex: Sendable {
    /// Where a text of an entry comes from.
    enum FieldKind: String, Sendable {
        case code, label, synonym, ewc

        /// How much a match in this field counts: a label says what the entry is, a synonym
        /// nearly as much, a code's words and a waste-list description a little less.
        var weight: Double {
            switch self {
            case .label: 1.0
            case .synonym: 0.95
            case .code: 0.9
            case .ewc: 0.8
            }
        }
    }

    struct Field: Sendable {
        var entry: Int
        var kind: FieldKind
        var language: Language?
        var text: String
        var terms: [String]
    }

    let codes: [ResourceCode]
    let fields: [Field]
    /// The fields holding each stem.
    let postings: [String: [Int]]
    /// Every stem, sorted, for prefix and typo-tolerant lookups.
    let vocabulary: [String]
    /// How rare each stem is: ln(1 + entries / entries holding it).
    let rarity: [String: Double]

    init(codes: [ResourceCode], entries: [ResourceCode: ResourceEntry], wasteTexts: [ResourceCode: [LocalizedText]]) {
        self.codes = codes
        var fields: [Field] = []
        for (position, code) in codes.enumerated() {
            guard let entry = entries[code] else { continue }
            fields += Self.fields(of: entry, at: position, wasteTexts: wasteTexts[code] ?? [])
        }
        var postings: [String: [Int]] = [:]
        var holders: [String: Set<Int>] = [:]
        for (index, field) in fields.enumerated() {
            for term in Set(field.terms) {
                postings[term, default: []].append(index)
                holders[term, default: []].insert(field.entry)
            }
        }
        let count = Double(max(codes.count, 1))
        self.fields = fields
        self.postings = postings
        rarity = holders.mapValues { log(1 + count / Double($0.count)) }
        vocabulary = postings.keys.sorted()
    }

    private static func fields(
        of entry: ResourceEntry, at position: Int, wasteTexts: [LocalizedText]
    ) -> [Field] {
        func field(_ kind: FieldKind, _ language: Language?, _ text: String) -> Field {
            Field(entry: position, kind: kind, language: language, text: text, terms: SearchVocabulary.terms(text))
        }
        let codeText = entry.code.rawValue.replacingOccurrences(of: ".", with: " ")
        var fields = [
            field(.code, nil, codeText), field(.label, .fr, entry.label.fr), field(.label, .en, entry.label.en),
        ]
        fields += entry.synonymsFR.map { field(.synonym, .fr, $0) }
        fields += entry.synonymsEN.map { field(.synonym, .en, $0) }
        for description in wasteTexts {
            fields += [field(.ewc, .fr, description.fr), field(.ewc, .en, description.en)]
        }
        // A text holding an abbreviation (`DIB`, `VHU`) is also found by the words it stands for.
        fields += fields.compactMap { original in
            let words = TextFolding.fold(original.text).split(separator: " ").map(String.init)
            guard words.contains(where: { SearchVocabulary.abbreviations[$0] != nil }) else { return nil }
            var expanded = original
            expanded.terms = SearchVocabulary.terms(
                words.map { SearchVocabulary.abbreviations[$0] ?? $0 }.joined(separator: " "))
            return expanded
        }
        return fields.filter { !$0.terms.isEmpty }
    }

    /// How a query stem meets a stem of the index.
    enum Closeness: String, Sendable {
        case exact, prefix, typo

        /// The share of a full match it is worth.
        func quality(distance: Int) -> Double {
            switch self {
            case .exact: 1.0
            case .prefix: 0.8
            case .typo: distance == 1 ? 0.7 : 0.5
            }
        }
    }

    /// The stems of the index close to `term`, each with how close: itself; stems it begins
    /// (four letters or more) or that begin it (four letters or more); one typo from five
    /// letters, two from eight.
    func neighbours(of term: String) -> [(stem: String, closeness: Closeness, quality: Double)] {
        var found: [(String, Closeness, Double)] = []
        if postings[term] != nil { found.append((term, .exact, 1.0)) }
        let length = term.count
        let tolerance = length >= 8 ? 2 : (length >= 5 ? 1 : 0)
        for stem in vocabulary where stem != term {
            if length >= 4, stem.hasPrefix(term) || (stem.count >= 4 && term.hasPrefix(stem)) {
                found.append((stem, .prefix, Closeness.prefix.quality(distance: 0)))
            } else if tolerance > 0, abs(stem.count - length) <= tolerance,
                let distance = TextFolding.editDistance(term, stem, atMost: tolerance)
            {
                found.append((stem, .typo, Closeness.typo.quality(distance: distance)))
            }
        }
        return found
    }
}
