import Foundation

extension String {
    /// The text without the blanks at either end (`CharacterSet.whitespaces`: spaces of every
    /// kind and tabs). Nearly every field neither starts nor ends with one: it is then itself,
    /// checked on its first and last bytes, with no copy and no character set consulted.
    package var trimmingBlanks: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80
        else { return trimmingCharacters(in: .whitespaces) }
        return self
    }
}
