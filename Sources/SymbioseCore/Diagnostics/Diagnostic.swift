/// How serious a problem is.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    /// The input is invalid; commands exit with status 1.
    case error
    /// The input is usable but probably not what was meant, or has a data gap.
    case warning
    /// Context for another diagnostic.
    case note

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// Where a diagnostic points: a file, and as precisely as known a line, column and path.
///
/// `path` is a JSON path (`$.outputs[0].quantity.unit`) for JSON input and an XML path
/// (`/profile/output[1]/quantity/@unit`) for XML input. In a spreadsheet, `cell` names the
/// column of a CSV row (`Quantité`) or the sheet and cell of an .xlsx file (`Feuil1!D7`).
public struct SourceLocation: Sendable, Hashable {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var path: String?
    public var cell: String?

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, cell: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.cell = cell
    }

    /// Whether `cell` is a workbook reference, `Sheet!D7` (the row is in it), rather than the
    /// header of a CSV column.
    static func isCellReference(_ cell: String) -> Bool {
        guard let bang = cell.lastIndex(of: "!"), bang != cell.startIndex else { return false }
        let reference = cell[cell.index(after: bang)...]
        let letters = reference.prefix { ("A"..."Z").contains($0) }
        let digits = reference.dropFirst(letters.count)
        return !letters.isEmpty && !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    /// `file:line:col`, leaving out what is unknown (never `:0`). In a spreadsheet,
    /// `file:row:column-name` for CSV and `file:Sheet!D7` for .xlsx.
    public var prefix: String {
        var text = file
        if let cell, Self.isCellReference(cell) { return text + ":" + cell }
        if let line, line > 0 {
            text += ":\(line)"
            if let cell {
                text += ":" + cell
            } else if let column, column > 0 {
                text += ":\(column)"
            }
        }
        return text
    }
}

/// One problem found in the input, as data: a stable code, a message in French and English,
/// and where it is.
public struct Diagnostic: Sendable, Hashable {
    public var severity: Severity
    public var code: DiagnosticCode
    public var text: LocalizedText
    public var location: SourceLocation?
    public var noteTexts: [LocalizedText]

    public init(
        _ severity: Severity,
        _ code: DiagnosticCode,
        _ text: LocalizedText,
        at location: SourceLocation? = nil,
        notes: [LocalizedText] = []
    ) {
        self.severity = severity
        self.code = code
        self.text = text
        self.location = location
        self.noteTexts = notes
    }

    public static func error(
        _ code: DiagnosticCode, _ text: LocalizedText, at location: SourceLocation? = nil, notes: [LocalizedText] = []
    ) -> Diagnostic {
        Diagnostic(.error, code, text, at: location, notes: notes)
    }

    public static func warning(
        _ code: DiagnosticCode, _ text: LocalizedText, at location: SourceLocation? = nil, notes: [LocalizedText] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code, text, at: location, notes: notes)
    }

    /// The message in English.
    public var message: String { text.en }
    /// The notes in English.
    public var notes: [String] { noteTexts.map(\.en) }

    /// The diagnostic as one line or more of text: `file:line:col: error: message [code]`,
    /// then the path and each note on its own indented line.
    public func rendered(in language: Language = .en) -> String {
        var line = ""
        if let location { line += location.prefix + ": " }
        let severityName: LocalizedText =
            switch severity {
            case .error: LocalizedText(en: "error", fr: "erreur")
            case .warning: LocalizedText(en: "warning", fr: "avertissement")
            case .note: LocalizedText(en: "note", fr: "note")
            }
        line += "\(severityName[language]): \(Self.printable(text[language])) [\(code.rawValue)]"
        if let path = location?.path {
            line += "\n    " + (LocalizedText(en: "at ", fr: "à ")[language]) + Self.printable(path)
        }
        for note in noteTexts { line += "\n    note: \(Self.printable(note[language]))" }
        return line
    }

    /// The longest message or note printed, in characters; the rest is said to be cut.
    public static let longestPrinted = 500

    /// Text safe for a terminal: control characters (an escape sequence in a name) shown as
    /// `\u{1B}`, and a message quoting megabytes of input cut to `longestPrinted` characters.
    public static func printable(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= longestPrinted {
                return out + "… (\(text.unicodeScalars.count) characters)"
            }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return out
    }

    /// In English.
    public var rendered: String { rendered(in: .en) }
}

extension Sequence where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }

    /// Diagnostics in a stable order: by file, line, column, code, then message.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { a, b in
            let fa = a.location?.file ?? "", fb = b.location?.file ?? ""
            if fa != fb { return fa < fb }
            let la = a.location?.line ?? 0, lb = b.location?.line ?? 0
            if la != lb { return la < lb }
            let ca = a.location?.column ?? 0, cb = b.location?.column ?? 0
            if ca != cb { return ca < cb }
            let pa = a.location?.path ?? "", pb = b.location?.path ?? ""
            if pa != pb { return pa < pb }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return a.message < b.message
        }
    }
}

extension Diagnostic {
    /// The diagnostic as a JSON object: `severity`, `code`, `message`, then `file`, `line`,
    /// `column`, `path` and `notes` when known; severity and code never change with the language.
    public func json(in language: Language = .en) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("severity", .string(severity.rawValue)), ("code", .string(code.rawValue)),
            ("message", .string(text[language])),
        ]
        if let location {
            members.append(("file", .string(location.file)))
            if let line = location.line { members.append(("line", .integer(line))) }
            if let column = location.column { members.append(("column", .integer(column))) }
            if let path = location.path { members.append(("path", .string(path))) }
            if let cell = location.cell { members.append(("cell", .string(cell))) }
        }
        if !noteTexts.isEmpty { members.append(("notes", .array(noteTexts.map { .string($0[language]) }))) }
        return .object(members)
    }
}
