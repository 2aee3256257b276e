import Foundation

/// What the stems of one query meet in the index, and how each entry scores from it.
struct SearchHits {
    /// One stem of the query meeting one field: how much it is worth, through which stem.
    struct Hit {
        var value: Double
        var closeness: SearchIndex.Closeness
    }

    let units: [QueryUnit]
    let index: SearchIndex
    /// By query stem, the fields it meets.
    private(set) var hits: [String: [Int: Hit]] = [:]
    /// How much each unit weighs: the rarity of its own stem (a word no entry holds weighs as
    /// the rarest).
    private(set) var weights: [Double] = []
    /// The fields met, by entry, in index order.
    private(set) var fieldsByEntry: [Int: [Int]] = [:]

    init(units: [QueryUnit], index: SearchIndex) {
        self.units = units
        self.index = index
        let rarest = log(1 + Double(max(index.codes.count, 1)))
        var reference: [String: Double] = [:]
        var touched: Set<Int> = []
        for term in Set(units.flatMap { $0.alternatives.joined() }) {
            let near = index.neighbours(of: term)
            let own = near.first { $0.closeness == .exact }.flatMap { index.rarity[$0.stem] }
            let base = own ?? near.compactMap { index.rarity[$0.stem] }.max() ?? rarest
            reference[term] = base
            var met: [Int: Hit] = [:]
            for neighbour in near {
                let value = neighbour.quality * min(1, (index.rarity[neighbour.stem] ?? 0) / base)
                for field in index.postings[neighbour.stem] ?? [] where value > (met[field]?.value ?? 0) {
                    met[field] = Hit(value: value, closeness: neighbour.closeness)
                }
            }
            hits[term] = met
            touched.formUnion(met.keys)
        }
        weights = units.map { reference[$0.alternatives[0][0]] ?? rarest }
        for field in touched.sorted() { fieldsByEntry[index.fields[field].entry, default: []].append(field) }
    }

    /// How much of `unit` one field holds, and how: the best of its alternatives, each the mean
    /// of its stems' values.
    private func coverage(_ unit: QueryUnit, in field: Int) -> (value: Double, closeness: String) {
        var best = (0.0, "")
        for (position, alternative) in unit.alternatives.enumerated() {
            let met = alternative.map { hits[$0]?[field] }
            let value = met.reduce(0) { $0 + ($1?.value ?? 0) } / Double(alternative.count)
            if value > best.0 {
                let closeness = met.compactMap { $0?.closeness.rawValue }.first ?? "exact"
                best = (value, position == 0 ? closeness : "abbreviation")
            }
        }
        return best
    }

    /// The score of an entry from the fields it has met: mostly its best single text, partly
    /// what all its texts together hold; the reasons name, for each word found, where.
    func score(entry: Int, fields: [Int], language: Language) -> (score: Double, reasons: [SearchReason]) {
        let total = weights.reduce(0, +)
        var bestField = (score: -1.0, field: fields[0])
        var across = [Double](repeating: 0, count: units.count)
        var where_ = [(field: Int, closeness: String)?](repeating: nil, count: units.count)
        for field in fields {
            let info = index.fields[field]
            var sum = 0.0
            var found = 0
            for (position, unit) in units.enumerated() {
                let (value, closeness) = coverage(unit, in: field)
                guard value > 0 else { continue }
                sum += weights[position] * value
                found += 1
                let weighted = value * info.kind.weight
                if weighted > across[position] {
                    across[position] = weighted
                    where_[position] = (field, closeness)
                }
            }
            let extra = Double(min(max(info.terms.count - found, 0), 10))
            let languageFactor = info.language == nil || info.language == language ? 1 : 0.97
            var score = sum / total * info.kind.weight * languageFactor / (1 + 0.05 * extra)
            if found == units.count, info.terms == units.map({ $0.alternatives[0][0] }) { score += 0.1 }
            if score > bestField.score { bestField = (score, field) }
        }
        let crossScore = zip(across, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        let score = ((0.75 * bestField.score + 0.25 * crossScore) * 1_000_000).rounded() / 1_000_000
        // Each word is explained by the best text when it holds it, else by where it was found.
        let reasons = units.indices.compactMap { position -> SearchReason? in
            let inBest = coverage(units[position], in: bestField.field)
            guard let (field, closeness) = inBest.value > 0 ? (bestField.field, inBest.closeness) : where_[position]
            else { return nil }
            let info = index.fields[field]
            return SearchReason(
                word: units[position].word, field: info.kind.rawValue, language: info.language, text: info.text,
                closeness: closeness)
        }
        return (score, reasons)
    }
}
