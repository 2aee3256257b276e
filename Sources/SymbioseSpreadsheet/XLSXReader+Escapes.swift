import Foundation
import SymbioseCore

/// The `_xHHHH_` escapes of Office Open XML text.
extension XLSXReader {
    /// The character an `_xHHHH_` escape at the start of `scalars` stands for (ECMA-376
    /// §22.9.2.19), or `nil` when they do not start with one.
    static func escapedCharacter(_ scalars: ArraySlice<Unicode.Scalar>) -> Unicode.Scalar? {
        guard scalars.count >= 7 else { return nil }
        let start = scalars.startIndex
        guard scalars[start] == "_", scalars[start + 1] == "x", scalars[start + 6] == "_" else { return nil }
        let hex = String(String.UnicodeScalarView(scalars[(start + 2)..<(start + 6)]))
        guard hex.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit }), let value = UInt32(hex, radix: 16)
        else { return nil }
        return Unicode.Scalar(value)
    }

    /// Text with its `_xHHHH_` escapes replaced by the characters they stand for.
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let character = escapedCharacter(scalars[index...]) {
                result.append(character)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
