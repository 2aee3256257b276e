import ArgumentParser
import SymbioseEngine
import SymbioseReport

/// The formats one command writes: out of `OutputFormat` for what a run produces, out of
/// `ProfileLoader.Format` for profile files.
protocol FormatList {
    associatedtype Format: RawRepresentable & Equatable where Format.RawValue == String
    static var formats: [Format] { get }
}

/// A `--format` value: one of `List.formats`, so that each command accepts and lists only what
/// it writes while every format is a case of one enum.
struct FormatChoice<List: FormatList>: ExpressibleByArgument, Equatable {
    var format: List.Format

    init(_ format: List.Format) {
        self.format = format
    }

    init?(argument: String) {
        guard let format = List.Format(rawValue: argument), List.formats.contains(format) else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.rawValue }

    static var allValueStrings: [String] { List.formats.map(\.rawValue) }
}

/// What `match` and `plan` write.
enum ListFormats: FormatList {
    static let formats: [OutputFormat] = [.table, .json, .ndjson, .csv, .xlsx, .markdown, .geojson, .graphml]
}

/// What `report` writes.
enum ReportFormats: FormatList {
    static let formats: [OutputFormat] = [.html, .geojson, .graphml]
}

/// Reference lists (`taxonomy`, `factors`): a table or JSON.
enum TableFormats: FormatList {
    static let formats: [OutputFormat] = [.table, .json]
}

/// Text for people or JSON (`suggest`, diagnostics).
enum TextFormats: FormatList {
    static let formats: [OutputFormat] = [.text, .json]
}

/// Profiles as documents (`import`).
enum ProfileDocumentFormats: FormatList {
    static let formats: [ProfileLoader.Format] = [.xml, .json]
}

/// Profiles as a flat sheet (`export`).
enum SheetFormats: FormatList {
    static let formats: [ProfileLoader.Format] = [.csv, .xlsx]
}
