/// Seats a workshop's firms at round tables so that firms with the most candidate synergies
/// between them sit together: the number of synergies that matching proposed between each pair
/// of firms is their affinity, and a plan's worth is the affinity summed over the pairs sharing
/// a table.
///
/// Tables are filled as evenly as the numbers allow (sizes differ by one at most). The method
/// is greedy, then local search: firms are seated one by one, most connected first, each at the
/// table where it adds the most affinity (ties: the emptier table, then the first); then any
/// swap of two firms between tables that raises the worth is made, the best one first, until
/// none does. Ties always break in the order the firms are given, so the plan is the same
/// every time.
public enum TablePlan {
    /// The tables, each a list of firms in the order given.
    public static func seat(_ firms: [String], tables: Int, affinity: [String: [String: Int]]) -> [[String]] {
        guard !firms.isEmpty, tables > 0 else { return [] }
        let count = min(tables, firms.count)
        let weight = firms.map { a in firms.map { b in a == b ? 0 : affinity[a]?[b] ?? 0 } }
        let sizes = (0..<count).map { firms.count / count + ($0 < firms.count % count ? 1 : 0) }
        var table = greedy(weight, sizes: sizes)
        improve(&table, weight: weight)
        return (0..<count).map { index in firms.indices.filter { table[$0] == index }.map { firms[$0] } }
    }

    /// The affinity summed over the pairs of firms sharing a table.
    public static func worth(_ plan: [[String]], affinity: [String: [String: Int]]) -> Int {
        plan.reduce(0) { sum, members in
            var total = sum
            for (i, a) in members.enumerated() {
                for b in members[(i + 1)...] { total += affinity[a]?[b] ?? 0 }
            }
            return total
        }
    }

    /// Affinity from the firms of each candidate synergy: every pair of firms of a synergy
    /// counts one more.
    public static func affinity(_ synergies: [[String]]) -> [String: [String: Int]] {
        var affinity: [String: [String: Int]] = [:]
        for firms in synergies {
            let distinct = Array(Set(firms))
            for a in distinct {
                for b in distinct where a != b { affinity[a, default: [:]][b, default: 0] += 1 }
            }
        }
        return affinity
    }

    static func greedy(_ weight: [[Int]], sizes: [Int]) -> [Int] {
        let order = weight.indices.sorted { a, b in
            let (x, y) = (weight[a].reduce(0, +), weight[b].reduce(0, +))
            return x != y ? x > y : a < b
        }
        var table = Array(repeating: -1, count: weight.count)
        var seated = Array(repeating: 0, count: sizes.count)
        for firm in order {
            var best = -1
            var bestGain = Int.min
            for index in sizes.indices where seated[index] < sizes[index] {
                let gain = weight[firm].indices.filter { table[$0] == index }.reduce(0) { $0 + weight[firm][$1] }
                if gain > bestGain || (gain == bestGain && seated[index] < seated[best]) {
                    (best, bestGain) = (index, gain)
                }
            }
            table[firm] = best
            seated[best] += 1
        }
        return table
    }

    static func improve(_ table: inout [Int], weight: [[Int]]) {
        func gain(_ firm: Int, at index: Int, without other: Int) -> Int {
            weight[firm].indices.filter { table[$0] == index && $0 != firm && $0 != other }
                .reduce(0) { $0 + weight[firm][$1] }
        }
        for _ in 0..<(4 * weight.count) {
            var best: (a: Int, b: Int, delta: Int)?
            for a in table.indices {
                for b in table.indices where b > a && table[a] != table[b] {
                    let delta =
                        gain(a, at: table[b], without: b) + gain(b, at: table[a], without: a)
                        - gain(a, at: table[a], without: a) - gain(b, at: table[b], without: b)
                    if delta > 0 && delta > (best?.delta ?? 0) { best = (a, b, delta) }
                }
            }
            guard let best else { return }
            table.swapAt(best.a, best.b)
        }
    }
}
