import SymbioseCore
import SymbioseSpreadsheet
import Testing

@Suite struct CSVTableTests {
    /// Bytes as French Excel saves "CSV (séparateur : point-virgule)": Windows-1252, `;`,
    /// decimal commas, CRLF, and a quoted note holding a separator and a line break.
    private var frenchExcel: [UInt8] {
        let text =
            "entreprise;flux;quantité;unité;remarque\r\n"
            + "Sucrerie de Bucy;écumes;25 000,5;t;\"campagne; sept.\r\nà janvier\"\r\n"
            + "Cœur de Verre;calcin;1200;t;prix 30 €\r\n"
        return text.unicodeScalars.map { scalar -> UInt8 in
            switch scalar {
            case "œ": 0x9C
            case "€": 0x80
            default: UInt8(scalar.value)  // Latin-1 range
            }
        }
    }

    @Test func readsWhatFrenchExcelWrites() throws {
        let table = try CSVTable(frenchExcel)
        #expect(table.encoding == .windows1252)
        #expect(table.separator == ";")
        #expect(table.rows.count == 3)
        #expect(table.rows[0].cells == ["entreprise", "flux", "quantité", "unité", "remarque"])
        #expect(table.rows[1].cells[4] == "campagne; sept.\r\nà janvier")
        #expect(table.rows[1].line == 2)
        // The quoted line break moves the next row to line 4.
        #expect(table.rows[2].line == 4)
        #expect(table.rows[2].cells[0] == "Cœur de Verre")
        #expect(table.rows[2].cells[4] == "prix 30 €")
        #expect(CSVTable.number(table.rows[1].cells[2]) == 25_000.5)
    }

    @Test func readsUTF8WithAByteOrderMarkAndCommas() throws {
        let text = "company,flow,quantity\n\"Acme, Inc.\",cardboard,12.5\n\n\"say \"\"hi\"\"\",x,3"
        let table = try CSVTable([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(table.encoding == .utf8WithBOM)
        #expect(table.separator == ",")
        #expect(
            table.rows.map(\.cells) == [
                ["company", "flow", "quantity"], ["Acme, Inc.", "cardboard", "12.5"], ["say \"hi\"", "x", "3"],
            ])
        #expect(table.rows.map(\.line) == [1, 2, 4])
        #expect(try CSVTable(Array("a\tb\tc\n1\t2\t3".utf8)).separator == "\t")
    }

    @Test func anUnclosedQuoteIsLocatedWhereItOpens() {
        do {
            _ = try CSVTable(Array("a;b\n1;\"open\n2;3\n".utf8))
            Issue.record("accepted an unclosed quote")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 3)
        }
    }

    @Test func numbersAsSpreadsheetsWriteThem() {
        #expect(CSVTable.number("1 234,5") == 1234.5)
        #expect(CSVTable.number("1\u{202F}234,5") == 1234.5)
        #expect(CSVTable.number("1234.5") == 1234.5)
        #expect(CSVTable.number(" 42 ") == 42)
        #expect(CSVTable.number("1.234,5") == nil)  // ambiguous: refused rather than guessed
        #expect(CSVTable.number("douze") == nil)
        #expect(CSVTable.number("") == nil)
    }
}
