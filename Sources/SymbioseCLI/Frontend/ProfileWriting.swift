import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseXML

/// Writes profiles in any of the four formats, for `convert`, `import`, `export` and `template`.
enum ProfileWriting {
    /// The bytes of `profiles` in `format`. XML and JSON write one profile as a profile document
    /// and several (or `collection`) as a collection; CSV and .xlsx write the flat layout with
    /// headers and words in `language`.
    static func encode(
        _ profiles: [Profile], as format: ProfileLoader.Format, collection: Bool = false, language: Language
    ) throws -> [UInt8] {
        switch format {
        case .xml: Array(ProfileXML.encode(profiles, asCollection: collection).utf8)
        case .json: Array(ProfileJSON.encode(profiles, asCollection: collection).utf8)
        case .csv: Array(ProfileSheet.csv(profiles, language: language).utf8)
        case .xlsx: try ProfileSheet.xlsx(profiles, language: language)
        }
    }

    /// Writes to `path`, or to standard output, which takes a workbook only through a pipe or
    /// a redirection, never to a terminal. Exits 64 or 73 with a message when it cannot.
    static func writeOrExit(
        _ profiles: [Profile], as format: ProfileLoader.Format, collection: Bool = false, to path: String?,
        force: Bool = false, language: Language
    ) throws {
        if format == .xlsx { try OutputFile.refuseTerminal(path, language: language) }
        try OutputFile.writeOrExit(to: path, force: force, language: language) {
            try encode(profiles, as: format, collection: collection, language: language)
        }
    }
}
