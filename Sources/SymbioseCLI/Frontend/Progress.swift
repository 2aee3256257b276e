import Foundation
import SymbioseCore

/// A one-line progress display on standard error (`\r`-rewritten), shown only on a terminal and
/// for runs long enough to need it; nothing of it reaches standard output or files.
struct Progress: Sendable {
    var enabled: Bool
    var language: Language

    /// Shows "matching needs 12 000 / 200 000 (8 400/s)", "reading profiles 412 / 850 MB
    /// (120 MB/s)" and the like, for totals of at least `minimum`.
    func show(
        _ done: Int, of total: Int, what: LocalizedText, unit: LocalizedText? = nil, from minimum: Int = 5_000,
        since start: Date
    ) {
        guard enabled, total >= minimum else { return }
        let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
        let suffix = unit.map { " " + $0[language] } ?? ""
        func number(_ value: Double) -> String { NumberFormatting.format(value, language: language) }
        let text =
            "\r\(what[language]) \(number(Double(done))) / \(number(Double(total)))\(suffix) (\(number(rate))\(suffix)/s)   "
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
