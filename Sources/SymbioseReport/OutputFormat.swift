import SymbioseCore

/// Every format Symbiose writes. Each command offers the ones that make sense for what it
/// writes; a run's report goes through `write(_:to:)`, which picks the renderer.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned text for a terminal.
    case table
    /// Plain text for a terminal.
    case text
    case json
    /// JSON Lines: one record per line (`match`, `plan`).
    case ndjson
    case xml
    case csv
    case xlsx
    case markdown
    case geojson
    case graphml
    case html
}

/// Writes a run's report in one format, in pieces, to `emit`.
public protocol ReportRenderer {
    static func write(_ report: RunReport, to emit: (String) throws -> Void) throws
    /// Writes the same text as UTF-8 bytes: `emit` takes each piece and leaves the array empty,
    /// perhaps with room kept from an earlier piece. The long lists (JSON, NDJSON) are made as
    /// bytes in a few buffers reused to the end; the other formats hand over their texts' bytes.
    static func writeUTF8(_ report: RunReport, to emit: (inout [UInt8]) throws -> Void) throws
}

extension ReportRenderer {
    public static func writeUTF8(_ report: RunReport, to emit: (inout [UInt8]) throws -> Void) throws {
        try write(report) { text in
            var bytes = Array(text.utf8)
            try emit(&bytes)
        }
    }
}

extension OutputFormat {
    /// The renderer of this format for `subject`; `nil` when the format does not hold a run's
    /// report (profiles and reference lists are written by their own writers).
    public func renderer(for subject: RunReport.Subject) -> (any ReportRenderer.Type)? {
        switch (self, subject) {
        case (.table, .synergies): SynergyTable.self
        case (.table, .plan): PlanText.self
        case (.markdown, .synergies): SynergyMarkdown.self
        case (.markdown, .plan): PlanMarkdown.self
        case (.json, .synergies): RecommendationsJSON.self
        case (.json, .plan): PlanJSON.self
        case (.ndjson, .synergies): RecommendationsNDJSON.self
        case (.ndjson, .plan): PlanNDJSON.self
        case (.csv, _): SynergyCSV.self
        case (.geojson, _): GeoJSONRenderer.self
        case (.graphml, _): GraphMLRenderer.self
        case (.html, _): HTMLReport.self
        case (.text, _), (.xml, _), (.xlsx, _): nil
        }
    }

    /// A format asked of a run's report that does not hold one.
    public struct Unsupported: Error, CustomStringConvertible {
        public var format: OutputFormat
        public var description: String { "\(format.rawValue) does not hold a run's report" }
    }

    /// Writes `report` in this format to `emit`.
    public func write(_ report: RunReport, to emit: (String) throws -> Void) throws {
        guard let renderer = renderer(for: report.subject) else { throw Unsupported(format: self) }
        try renderer.write(report, to: emit)
    }

    /// Writes `report` in this format to `emit`, as UTF-8 bytes (``ReportRenderer/writeUTF8(_:to:)``).
    public func writeUTF8(_ report: RunReport, to emit: (inout [UInt8]) throws -> Void) throws {
        guard let renderer = renderer(for: report.subject) else { throw Unsupported(format: self) }
        try renderer.writeUTF8(report, to: emit)
    }

    /// `report` in this format, whole.
    public func render(_ report: RunReport) throws -> String {
        var text = ""
        try write(report) { text += $0 }
        return text
    }
}
