import Foundation
import SymbioseCore

/// A one-line progress display on standard error (`\r`-rewritten), shown only on a terminal and
/// for runs long enough to need it; nothing of it reaches standard output or files.
struct Progress: Sendable {
    var enabled: Bool
    var language: Language

    /// Shows "matching 12 000 / 200 000 needs (8 400/s)" and the like.
    func show(_ done: Int, of total: Int, what: LocalizedText, since start: Date) {
        guard enabled, total >= 5_000 else { return }
        let rate = Double(done) / max(Date().timeIntervalSince(start), 0.001)
        let text =
            "\r\(what[language]) \(NumberFormatting.format(Double(done), language: language)) / \(NumberFormatting.format(Double(total), language: language)) (\(NumberFormatting.format(rate, language: language))/s)   "
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
