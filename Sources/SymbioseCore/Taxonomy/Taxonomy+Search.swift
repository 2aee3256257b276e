import Foundation

/// The folded words of an entry that search compares queries with.
struct SearchFields: Sendable {
    var codeWords: [String]
    var label: [Language: [String]]
    var synonyms: [Language: [[String]]]

    init(_ entry: ResourceEntry) {
        codeWords = entry.code.rawValue.split(separator: ".").flatMap { TextFolding.words(String($0)) }
        label = [.fr: TextFolding.words(entry.label.fr), .en: TextFolding.words(entry.label.en)]
        synonyms = [
            .fr: entry.synonymsFR.map(TextFolding.words),
            .en: entry.synonymsEN.map(TextFolding.words),
        ]
    }
}

/// One search result, with the score that ranked it.
public struct TaxonomyMatch: Sendable, Hashable {
    public var code: ResourceCode
    /// Higher is better; only the order is meaningful.
    public var score: Int
}

extension Taxonomy {
    /// Finds the entries whose code, labels or synonyms, in either language, contain every word
    /// of the query; accents, case and plurals are ignored.
    ///
    /// Ranking, best first: the exact code; a label equal to the query; a synonym equal to it;
    /// every word in the label; in a synonym; in the code. Labels and synonyms in `language`
    /// rank a little above the other language's. Ties go to the shorter, then alphabetically
    /// first code.
    ///
    /// - Parameters:
    ///   - query: free words, such as `"drêches brasserie"` or `"fly ash"`, or a code.
    ///   - language: the language the user reads.
    /// - Returns: matches, best first.
    /// - Complexity: O(*n* · *w*) for *n* entries of *w* words.
    public func search(_ text: String, language: Language) -> [TaxonomyMatch] {
        // No label is longer: a longer query only costs time (a megabyte pasted by mistake).
        let query = String(text.prefix(Self.longestQuery))
        let queryWords = TextFolding.words(query)
        guard !queryWords.isEmpty else { return [] }
        let exactCode = query.trimmingCharacters(in: .whitespaces).lowercased()
        var matches: [TaxonomyMatch] = []
        for code in codes {
            guard let fields = searchFields(code) else { continue }
            var best = 0
            if code.rawValue == exactCode { best = 1000 }
            for lang in [language, language == .fr ? Language.en : .fr] {
                let bonus = lang == language ? 5 : 0
                if let label = fields.label[lang] {
                    if label == queryWords { best = max(best, 900 + bonus) }
                    if let words = Self.wordScore(queryWords, in: label) { best = max(best, 600 + words + bonus) }
                }
                for synonym in fields.synonyms[lang] ?? [] {
                    if synonym == queryWords { best = max(best, 800 + bonus) }
                    if let words = Self.wordScore(queryWords, in: synonym) { best = max(best, 400 + words + bonus) }
                }
            }
            if let words = Self.wordScore(queryWords, in: fields.codeWords) { best = max(best, 300 + words) }
            if best > 0 { matches.append(TaxonomyMatch(code: code, score: best)) }
        }
        return matches.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let da = a.code.rawValue.split(separator: ".").count, db = b.code.rawValue.split(separator: ".").count
            if da != db { return da < db }
            return a.code < b.code
        }
    }

    /// How well all query words appear among `words`: each whole word counts 20, each word
    /// prefix (three letters or more) 10, and a field with fewer extra words scores higher.
    /// `nil` when a query word is missing.
    private static func wordScore(_ query: [String], in words: [String]) -> Int? {
        guard !words.isEmpty else { return nil }
        var score = 0
        for word in query {
            if words.contains(word) {
                score += 20
            } else if word.count >= 3, words.contains(where: { $0.hasPrefix(word) }) {
                score += 10
            } else {
                return nil
            }
        }
        return score - min(words.count - query.count, 15)
    }

    /// The longest query searched, in characters: labels and codes are far shorter.
    static let longestQuery = 200

    /// Codes close to an unknown one, for "did you mean" notes: close spellings first, then the
    /// best search results for the code's words.
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
        var result = scored.map(\.0)
        if result.count < limit {
            let words = lowered.split(separator: ".").dropFirst().joined(separator: " ")
            for match in search(words.isEmpty ? lowered : words, language: .en) where !result.contains(match.code) {
                result.append(match.code)
                if result.count >= limit { break }
            }
        }
        return Array(result.prefix(limit))
    }
}
