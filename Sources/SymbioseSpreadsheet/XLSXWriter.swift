import Foundation
import SymbioseCore
import ZIPFoundation

/// Writes one table as an Office Open XML workbook (`.xlsx`) with a single sheet.
///
/// Strings go to the shared-string table, as spreadsheets write them; the header row is bold and
/// frozen; columns listed in `textColumns` are formatted as text (`@`), so that a postcode or a
/// SIRET typed in later keeps its leading zeros; columns with a list of `choices` offer it as a
/// drop-down (data validation) on every row below the header. Every entry carries the same fixed date, so the
/// same table always gives the same bytes.
public enum XLSXWriter {
    /// 1 January 1980, the earliest date a ZIP entry holds.
    private static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    /// The workbook's bytes.
    ///
    /// - Parameters:
    ///   - rows: the header first; `nil` leaves a cell empty.
    ///   - sheetName: at most 31 characters, without `[]:*?/\`.
    ///   - textColumns: indices of the columns formatted as text.
    ///   - choices: for some columns, the values offered in a drop-down list (a spreadsheet
    ///     holds at most 255 characters of such a list).
    public static func workbook(
        rows: [[SheetValue?]], sheetName: String, textColumns: Set<Int> = [], choices: [Int: [String]] = [:]
    ) throws -> [UInt8] {
        var strings = SharedStrings()
        let sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="\(mainNamespace)" xmlns:r="\(XLSXReader.relationshipsNamespace)">\
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" \
            state="frozen"/></sheetView></sheetViews>
            """ + columns(rows, textColumns: textColumns)
            + sheetData(rows, textColumns: textColumns, strings: &strings) + validations(choices) + "</worksheet>"
        var shared = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="\(mainNamespace)" count="\(strings.all.count)" uniqueCount="\(strings.all.count)">
            """
        for string in strings.all { shared += "<si><t xml:space=\"preserve\">\(escape(string))</t></si>" }
        shared += "</sst>"
        return try package([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbookPart(sheetName: sheetName)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/styles.xml", styles),
            ("xl/sharedStrings.xml", shared),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }

    /// The texts of the cells, each stored once and referred to by its position.
    struct SharedStrings {
        var all: [String] = []
        var index: [String: Int] = [:]

        mutating func position(of text: String) -> Int {
            if let known = index[text] { return known }
            all.append(text)
            index[text] = all.count - 1
            return all.count - 1
        }
    }

    /// Column widths fitted to the first rows; text columns formatted as text.
    private static func columns(_ rows: [[SheetValue?]], textColumns: Set<Int>) -> String {
        let columnCount = rows.map(\.count).max() ?? 0
        guard columnCount > 0 else { return "" }
        var xml = "<cols>"
        for column in 0..<columnCount {
            let widest = rows.prefix(50).map { row in column < row.count ? (row[column]?.text.count ?? 0) : 0 }.max()
            let width = min(max(widest ?? 0, 8) + 2, 60)
            let style = textColumns.contains(column) ? " style=\"2\"" : ""
            xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"\(style)/>"
        }
        return xml + "</cols>"
    }

    /// The cells, the header row in bold.
    private static func sheetData(
        _ rows: [[SheetValue?]], textColumns: Set<Int>, strings: inout SharedStrings
    ) -> String {
        var xml = "<sheetData>"
        for (rowOffset, row) in rows.enumerated() {
            let number = rowOffset + 1
            xml += "<row r=\"\(number)\">"
            for (column, value) in row.enumerated() {
                guard let value else { continue }
                let reference = Sheet.columnName(column) + String(number)
                let style = rowOffset == 0 ? " s=\"1\"" : textColumns.contains(column) ? " s=\"2\"" : ""
                switch value {
                case .text(let text):
                    xml += "<c r=\"\(reference)\" t=\"s\"\(style)><v>\(strings.position(of: text))</v></c>"
                case .number(let number):
                    xml += "<c r=\"\(reference)\"\(style)><v>\(JSONOutput.format(number))</v></c>"
                case .bool(let flag):
                    xml += "<c r=\"\(reference)\" t=\"b\"\(style)><v>\(flag ? 1 : 0)</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData>"
    }

    /// Drop-down lists below the header of the columns that have one.
    private static func validations(_ choices: [Int: [String]]) -> String {
        let lists = choices.sorted { $0.key < $1.key }.filter { !$0.value.isEmpty }
        guard !lists.isEmpty else { return "" }
        var xml = "<dataValidations count=\"\(lists.count)\">"
        for (column, values) in lists {
            let letters = Sheet.columnName(column)
            let formula = "\"" + values.joined(separator: ",") + "\""
            precondition(formula.count <= 257, "a drop-down list holds at most 255 characters")
            xml +=
                "<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"0\" sqref=\"\(letters)2:\(letters)1048576\">"
                + "<formula1>\(escape(formula))</formula1></dataValidation>"
        }
        return xml + "</dataValidations>"
    }

    /// The parts zipped, with a fixed date so that the same rows give the same bytes.
    private static func package(_ parts: [(String, String)]) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(archive.data ?? Data())
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let packageNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let documentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// Text for XML content and attribute values. Characters XML 1.0 cannot hold (control
    /// characters other than tab and line breaks) are written as `_xHHHH_`, as spreadsheets do,
    /// and a `_` that would read as such an escape as `_x005F_`.
    static func escape(_ text: String) -> String {
        var result = ""
        let scalars = Array(text.unicodeScalars)
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "_" where XLSXReader.escapedCharacter(scalars[offset...]) != nil:
                result += "_x005F_"
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="\(contentType).sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="\(contentType).worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="\(contentType).styles+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="\(contentType).sharedStrings+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(packageNamespace)">\
        <Relationship Id="rId1" Type="\(documentRelationship)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    private static func workbookPart(sheetName: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <workbook xmlns="\(mainNamespace)" xmlns:r="\(XLSXReader.relationshipsNamespace)">\
        <sheets><sheet name="\(escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
        """
    }

    private static let workbookRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="\(packageNamespace)">\
        <Relationship Id="rId1" Type="\(documentRelationship)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(documentRelationship)/styles" Target="styles.xml"/>\
        <Relationship Id="rId3" Type="\(documentRelationship)/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """

    /// Three cell formats: 0 general, 1 bold (the header), 2 text (`@`, number format 49).
    private static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="\(mainNamespace)">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}
