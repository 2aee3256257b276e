import Foundation

/// One search result: the code, how relevant it is, and why it matched.
public struct TaxonomyMatch: Sendable, Hashable {
    public var code: ResourceCode
    /// About 0 to 1: the share of the query's words found in one text of the entry, rare words
    /// weighing more, discounted for partial and misspelt words and for long texts; 2 for the
    /// exact code.
    public var score: Double
    /// For each query word found, the text it met.
    public var reasons: [SearchReason]
}

/// Why a result matched one word of the query.
public struct SearchReason: Sendable, Hashable {
    /// The query word, folded.
    public var word: String
    /// The text of the entry it met: its code, a label, a synonym or a List of Waste entry.
    public var field: String
    public var language: Language?
    public var text: String
    /// `exact`, `prefix`, `typo`, or `abbreviation` when the word met the words it stands for.
    public var closeness: String
}

extension Taxonomy {
    /// Ranked retrieval over codes, labels and synonyms in both languages and the List of Waste
    /// descriptions of each entry's codes (`Docs/taxonomy.md`, "Search"). Accents, case,
    /// plurals and common endings are ignored; a word may match the start of a longer one or be
    /// misspelt once from five letters (twice from eight); abbreviations (`CSR`, `VHU`, `STEP`,
    /// `PEHD`…) also count as the words they stand for. Not every word needs to match: results
    /// that hold more of the query, rarer words first, rank higher.
    ///
    /// - Returns: the related entries, best first (score, then shallower code, then code); empty
    ///   only when no word of the query relates to any entry.
    /// - Complexity: O(*q* · *v*) for *q* query words over a vocabulary of *v* stems, plus the
    ///   texts that hold them.
    public func search(_ text: String, language: Language) -> [TaxonomyMatch] {
        // No label is longer: a longer query only costs time (a megabyte pasted by mistake).
        let query = String(text.prefix(Self.longestQuery))
        let units = QueryUnit.units(of: query)
        guard !units.isEmpty else { return [] }
        let hits = SearchHits(units: units, index: searchIndex)
        let exact = ResourceCode(query.trimmingCharacters(in: .whitespaces).lowercased())
        var matches: [TaxonomyMatch] = []
        for (entry, touched) in hits.fieldsByEntry {
            let code = searchIndex.codes[entry]
            let match = hits.score(entry: entry, fields: touched, language: language)
            matches.append(TaxonomyMatch(code: code, score: code == exact ? 2 : match.score, reasons: match.reasons))
        }
        if self[exact] != nil, !matches.contains(where: { $0.code == exact }) {
            matches.append(TaxonomyMatch(code: exact, score: 2, reasons: []))
        }
        let best = matches.map(\.score).max() ?? 0
        return
            matches
            .filter { $0.score >= max(Self.minimumScore, best * Self.relativeCut) }
            .sorted { a, b in
                if a.score != b.score { return a.score > b.score }
                let da = a.code.rawValue.split(separator: ".").count, db = b.code.rawValue.split(separator: ".").count
                if da != db { return da < db }
                return a.code < b.code
            }
    }

    /// The longest query searched, in characters: labels and codes are far shorter.
    static let longestQuery = 200
    /// Results below this score are not related enough to show.
    static let minimumScore = 0.15
    /// Results below this share of the best score are left out.
    static let relativeCut = 0.3

    /// Codes close to an unknown one, for "did you mean" notes: close spellings of the whole
    /// code, or when there is none, the search results for the code's words that score near
    /// the best.
    ///
    /// - Returns: at most `limit` codes.
    public func suggestions(forUnknownCode code: String, limit: Int = 3) -> [ResourceCode] {
        let lowered = String(code.prefix(Self.longestQuery)).lowercased()
        let tolerance = max(2, lowered.count / 5)
        var scored: [(ResourceCode, Int)] = []
        for known in codes {
            if let distance = TextFolding.editDistance(lowered, known.rawValue, atMost: tolerance) {
                scored.append((known, distance))
            }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        if !scored.isEmpty { return Array(scored.prefix(limit).map(\.0)) }
        let words = lowered.split(separator: ".").dropFirst().joined(separator: " ")
        let found = search(words.isEmpty ? lowered : words, language: .en)
        let best = found.first?.score ?? 0
        return Array(found.prefix { $0.score >= best * 0.6 }.prefix(limit).map(\.code))
    }
}

/// One meaningful word of a query, with the stems that can stand for it: its own, and for an
/// abbreviation the words it stands for.
struct QueryUnit {
    var word: String
    var alternatives: [[String]]

    static func units(of query: String) -> [QueryUnit] {
        SearchVocabulary.meaningfulWords(query).map { word in
            var alternatives = [[SearchVocabulary.stem(word)]]
            if let expansion = SearchVocabulary.abbreviations[word] {
                alternatives.append(SearchVocabulary.terms(expansion))
            }
            return QueryUnit(word: word, alternatives: alternatives)
        }
    }
}
