import Foundation

/// Text folded for comparison: lowercase, without accents or ligatures, punctuation as spaces.
package enum TextFolding {
    /// `"Drêches de Brasserie"` → `"dreches de brasserie"`.
    ///
    /// A text of Latin letters (below U+0180) is folded a character at a time from a table made
    /// once by ``foldWhole(_:)``: for those characters, lowercasing and decomposing a text are
    /// the same as doing so for each character apart (none of them is a combining mark, and
    /// the accents decomposition adds are dropped). Folding France's 36,000 commune names whole
    /// took 70 ms of every run that places a site by its commune, on one thread.
    package static func fold(_ text: String) -> String {
        String(decoding: foldedBytes(text), as: UTF8.self)
    }

    /// The UTF-8 bytes of ``fold(_:)``.
    static func foldedBytes(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = Int(scalar.value)
            switch value {
            case 0x61...0x7A, 0x30...0x39: result.append(UInt8(value))  // a-z, 0-9
            case 0x41...0x5A: result.append(UInt8(value + 0x20))  // A-Z
            case 0..<0x80: result.append(UInt8(ascii: " "))
            case 0..<latinFolds.count: result += latinFolds[value]
            default: return Array(foldWhole(text).utf8)
            }
        }
        return result
    }

    /// The fold of each character below U+0180, by its scalar value, in UTF-8.
    private static let latinFolds: [[UInt8]] = (0..<0x180).map {
        Array(foldWhole(String(Unicode.Scalar($0)!)).utf8)
    }

    /// The fold of `text` as a whole: lowercased, decomposed, without combining accents, with
    /// ligatures spelt out and every character that is neither a letter nor a digit as a space.
    static func foldWhole(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue  // combining accents
            case 0x0153: result += "oe"
            case 0x00E6: result += "ae"
            case 0x00DF: result += "ss"
            default:
                if CharacterSet.alphanumerics.contains(scalar) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += " "
                }
            }
        }
        return result
    }

    /// The folded words of a text, with a plural `s` or `x` dropped from words longer than three letters.
    static func words(_ text: String) -> [String] {
        fold(text).split(separator: " ").map { stem(String($0)) }
    }

    static func stem(_ word: String) -> String {
        if word.count > 3, let last = word.last, last == "s" || last == "x" {
            return String(word.dropLast())
        }
        return word
    }

    /// The Levenshtein distance between two strings when it is at most `limit`, `nil` beyond:
    /// strings whose lengths differ by more are not compared at all, and a row whose best is
    /// already beyond the limit stops the computation. A "did you mean" over a megabyte of
    /// text costs a length comparison, not megabytes × codes.
    package static func editDistance(_ a: String, _ b: String, atMost limit: Int) -> Int? {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var best = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                best = min(best, current[j])
            }
            if best > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
