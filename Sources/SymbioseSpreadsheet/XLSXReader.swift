import Foundation
import SymbioseCore
import SymbioseXML
import ZIPFoundation

/// Reads worksheets out of an Office Open XML workbook (`.xlsx`, ECMA-376 part 1, §18).
///
/// The workbook is a ZIP archive. `xl/workbook.xml` lists the sheets in order with a
/// relationship id, which `xl/_rels/workbook.xml.rels` maps to the sheet's part. Cells hold a
/// number, a boolean (`t="b"`), an index into `xl/sharedStrings.xml` (`t="s"`), an inline string
/// (`t="inlineStr"`), or the text result of a formula (`t="str"`). Every part is parsed by the
/// same hardened libxml2 parser as profiles.
public enum XLSXReader {
    /// Why a workbook cannot be read.
    public struct Failure: Error, Sendable, Hashable {
        public var code: DiagnosticCode
        public var text: LocalizedText
        public var notes: [LocalizedText]
    }

    /// Inflating went past the part's declared size.
    private struct Overflow: Error {}

    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The names of the workbook's sheets, in order.
    public static func sheetNames(_ bytes: [UInt8]) throws(Failure) -> [String] {
        let archive = try open(bytes)
        return try sheets(in: archive, limits: .standard).map(\.name)
    }

    /// Reads one sheet: the one named `name`, or the first.
    public static func read(
        _ bytes: [UInt8], sheet name: String? = nil, limits: ReaderLimits = .standard
    ) throws(Failure) -> Sheet {
        let archive = try open(bytes)
        let sheets = try sheets(in: archive, limits: limits)
        guard let chosen = name.map({ wanted in sheets.first { $0.name == wanted } }) ?? sheets.first else {
            let list = sheets.map { "\"\($0.name)\"" }.joined(separator: ", ")
            throw Failure(
                code: .sheetNotFound,
                text: name.map {
                    LocalizedText(
                        en: "the workbook has no sheet named \"\($0)\"", fr: "le classeur n'a pas de feuille « \($0) »")
                } ?? LocalizedText(en: "the workbook has no sheet", fr: "le classeur n'a aucune feuille"),
                notes: sheets.isEmpty
                    ? [] : [LocalizedText(en: "its sheets are \(list)", fr: "ses feuilles sont \(list)")])
        }
        let shared = try archive["xl/sharedStrings.xml"].map { entry throws(Failure) in
            try sharedStrings(document(archive, entry, limits: limits))
        }
        guard let entry = archive[chosen.part] else {
            throw malformed("the part \(chosen.part) of sheet \"\(chosen.name)\" is missing")
        }
        let rows = try worksheetRows(
            extract(archive, entry, limits: limits), part: entry.path, sharedStrings: shared ?? [],
            maximumCells: limits.values)
        return Sheet(name: chosen.name, rows: rows)
    }

    private static func open(_ bytes: [UInt8]) throws(Failure) -> Archive {
        // Checked first: an archive ZIPFoundation cannot open leaks its copy of the bytes.
        let problem = bytes.starts(with: [0x50, 0x4B]) ? ZIPStructure.problem(bytes) : ZIPStructure.noDirectory
        if let problem, problem != ZIPStructure.noDirectory { throw malformed(problem) }
        guard problem == nil, let archive = try? Archive(data: Data(bytes), accessMode: .read, pathEncoding: nil) else {
            throw Failure(
                code: .xlsxInvalid,
                text: LocalizedText(
                    en: "not an .xlsx workbook: the file is not a ZIP archive",
                    fr: "ce n'est pas un classeur .xlsx : le fichier n'est pas une archive ZIP"),
                notes: [
                    LocalizedText(
                        en: "save it from the spreadsheet as \"Excel workbook (.xlsx)\", or as CSV",
                        fr: "enregistrez-le depuis le tableur au format « Classeur Excel (.xlsx) », ou en CSV")
                ])
        }
        return archive
    }

    private static func malformed(_ detail: String) -> Failure {
        Failure(
            code: .xlsxInvalid,
            text: LocalizedText(en: "the workbook is damaged: \(detail)", fr: "le classeur est endommagé : \(detail)"),
            notes: [])
    }

    /// The bytes of a part, checked against its CRC; a part declaring more than
    /// `limits.inflatedBytes` is not inflated (a sheet of 100,000 flows is about 60 MiB).
    private static func extract(_ archive: Archive, _ entry: Entry, limits: ReaderLimits) throws(Failure) -> [UInt8] {
        guard entry.uncompressedSize <= limits.inflatedBytes else {
            throw malformed("\(entry.path) would expand beyond \(limits.inflatedBytes >> 20) MiB")
        }
        // The declared size is only a claim: inflating stops as soon as the bytes actually
        // produced pass it (a 526 KB workbook declaring 100 bytes inflated to 200 MB).
        let limit = Int(entry.uncompressedSize)
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw Overflow() }
                data.append(chunk)
            }
        } catch is Overflow {
            throw malformed("\(entry.path) expands beyond the size it declares")
        } catch {
            throw malformed("\(entry.path) cannot be extracted")
        }
        return Array(data)
    }

    private static func document(
        _ archive: Archive, _ entry: Entry, limits: ReaderLimits
    ) throws(Failure) -> ParsedXMLDocument {
        let bytes = try extract(archive, entry, limits: limits)
        do {
            return try ParsedXMLDocument(bytes, file: entry.path, limits: limits)
        } catch {
            if let tooMany = error.diagnostics.first(where: { $0.code == .inputTooManyValues }) {
                throw Failure(code: tooMany.code, text: tooMany.text, notes: [])
            }
            throw malformed("\(entry.path) is not well-formed XML")
        }
    }

    private static func sheets(
        in archive: Archive, limits: ReaderLimits
    ) throws(Failure) -> [(name: String, part: String)] {
        guard let workbookEntry = archive["xl/workbook.xml"] else {
            throw malformed("xl/workbook.xml is missing")
        }
        guard let relationsEntry = archive["xl/_rels/workbook.xml.rels"] else {
            throw malformed("xl/_rels/workbook.xml.rels is missing")
        }
        let workbook = try document(archive, workbookEntry, limits: limits)
        let relations = try document(archive, relationsEntry, limits: limits)
        var targets: [String: String] = [:]
        for relation in relations.root.elements where relation.name == "Relationship" {
            guard let id = relation.attribute("Id"), let target = relation.attribute("Target") else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        var result: [(String, String)] = []
        for sheets in workbook.root.elements where sheets.name == "sheets" {
            for sheet in sheets.elements where sheet.name == "sheet" {
                guard let name = sheet.attribute("name"),
                    let id = sheet.attribute("id", namespace: relationshipsNamespace), let part = targets[id]
                else { throw malformed("a sheet of xl/workbook.xml has no name or no part") }
                result.append((name, part))
            }
        }
        return result
    }

    /// The text of every `<si>`: its `<t>`, or its rich-text runs' `<t>` joined; phonetic
    /// guides (`<rPh>`) are left out.
    private static func sharedStrings(_ part: ParsedXMLDocument) -> [String] {
        part.root.elements.filter { $0.name == "si" }.map(richText)
    }

    private static func richText(_ element: XMLElementView) -> String {
        var text = ""
        for child in element.elements {
            switch child.name {
            case "t": text += child.text
            case "r": text += child.elements.filter { $0.name == "t" }.map(\.text).joined()
            default: break
            }
        }
        return unescape(text)
    }

    /// The rows of a worksheet part, read as a stream: a sheet of thousands of rows never
    /// exists as a tree.
    private static func worksheetRows(
        _ bytes: [UInt8], part: String, sharedStrings: [String], maximumCells: Int
    ) throws(Failure) -> [Sheet.Row] {
        var reader = WorksheetReader(sharedStrings: sharedStrings, maximumCells: maximumCells)
        do {
            try XMLStream.read(bytes, file: part) { event in
                switch event {
                case .start(let name, let attributes):
                    reader.start(name) { key in attributes.first { $0.name == key }?.value }
                case .text(let text): reader.text(text)
                case .end(let name): try reader.end(name)
                }
            }
        } catch let failure as Failure {
            throw failure
        } catch let failure as XMLStream.Failure {
            throw malformed("\(part) is not readable: \(failure.message)")
        } catch {
            throw malformed("\(part) is not readable")
        }
        return reader.rows
    }

    /// The state of a worksheet being read: the rows so far and the cell being read.
    private struct WorksheetReader {
        /// The rows a worksheet can hold.
        static let maximumRow = 1_048_576
        let sharedStrings: [String]
        var rows: [Sheet.Row] = []
        var number = 0
        /// A row numbered beyond a worksheet's 1,048,576 rows: reported when the row ends.
        var rowOutOfRange: String?
        var cells: [Sheet.Cell] = []
        /// The column of a cell without a reference: after the row's last.
        var nextColumn = 0
        // The cell being read: its reference, type, value and inline text.
        var reference: String?
        var type = "n"
        var raw: String?
        var inline = ""
        // Where the text events go: a <v>, or a <t> of an inline string outside phonetic runs.
        var inValue = false
        var inInline = false
        var inText = false
        var inPhonetic = false

        /// The most cells read, all rows together, before the sheet is refused.
        let maximumCells: Int
        var cellCount = 0

        init(sharedStrings: [String], maximumCells: Int) {
            self.sharedStrings = sharedStrings
            self.maximumCells = maximumCells
        }

        mutating func start(_ name: String, attribute: (String) -> String?) {
            switch name {
            case "row":
                let given = attribute("r")
                let next = given.map { Int($0) ?? 0 } ?? (number < Self.maximumRow ? number + 1 : 0)
                rowOutOfRange = (1...Self.maximumRow).contains(next) ? nil : (given ?? "after \(number)")
                number = rowOutOfRange == nil ? next : number
                cells = []
                nextColumn = 0
            case "c":
                cellCount += 1
                reference = attribute("r")
                type = attribute("t") ?? "n"
                raw = nil
                inline = ""
            case "v": inValue = true
            case "is": inInline = true
            case "t": inText = true
            case "rPh": inPhonetic = true
            default: break
            }
        }

        mutating func text(_ text: String) {
            if inValue {
                raw = (raw ?? "") + text
            } else if inInline && inText && !inPhonetic {
                inline += text
            }
        }

        mutating func end(_ name: String) throws(Failure) {
            switch name {
            case "v": inValue = false
            case "is": inInline = false
            case "t": inText = false
            case "rPh": inPhonetic = false
            case "c":
                guard cellCount <= maximumCells else {
                    throw Failure(
                        code: .inputTooManyValues, text: ReaderLimits.tooManyValues(maximumCells), notes: [])
                }
                var column = nextColumn
                if let reference {
                    guard let index = Sheet.columnIndex(reference.prefix { $0.isLetter }), index < Sheet.maximumColumns
                    else {
                        throw malformed("cell \(reference.prefix(20)) is out of range")
                    }
                    column = index
                }
                let value = try cellValue(
                    type: type, raw: raw, inline: unescape(inline), reference: reference,
                    sharedStrings: sharedStrings)
                nextColumn = max(nextColumn, column + 1)
                if let value { cells.append(Sheet.Cell(column: column, value: value)) }
            case "row":
                if let given = rowOutOfRange { throw malformed("row \(given.prefix(20)) is out of range") }
                if !cells.isEmpty { rows.append(Sheet.Row(number: number, entries: cells)) }
            default: break
            }
        }
    }

    private static func cellValue(
        type: String, raw: String?, inline: String, reference: String?, sharedStrings: [String]
    ) throws(Failure) -> SheetValue? {
        switch type {
        case "s":
            guard let raw, let index = Int(raw), sharedStrings.indices.contains(index) else {
                throw malformed("cell \(reference ?? "?") points to a missing shared string")
            }
            return sharedStrings[index].isEmpty ? nil : .text(sharedStrings[index])
        case "inlineStr":
            return inline.isEmpty ? nil : .text(inline)
        case "b":
            return raw.map { .bool($0 == "1" || $0 == "true") }
        case "str", "e":
            return raw.flatMap { $0.isEmpty ? nil : .text($0) }
        default:
            guard let raw, !raw.isEmpty else { return nil }
            guard let number = Double(raw) else {
                throw malformed("cell \(reference ?? "?") holds \"\(raw)\", not a number")
            }
            return .number(number)
        }
    }
}
