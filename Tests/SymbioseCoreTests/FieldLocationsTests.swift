import Foundation
import SymbioseCore
import Testing

@Suite struct FieldLocationsTests {
    private func key(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func fieldsAreFoundWhateverTheOrderTheyWereRecordedIn() {
        var fields = FieldLocations(file: "f.json", pathBase: "$.profiles[2]")
        fields.append(derived: key("site.lat"), line: 9, column: 3)
        fields.append(derived: key("company"), line: 4, column: 1)
        fields.append(
            key("company.odd"), SourceLocation(file: "f.json", line: 5, path: #"$.profiles[2].company["odd"]"#))
        fields.append(key("site"), SourceLocation(file: "f.json", line: 8, column: 2))
        fields.finish()
        #expect(fields.count == 4)
        #expect(
            fields["site.lat"] == SourceLocation(file: "f.json", line: 9, column: 3, path: "$.profiles[2].site.lat"))
        #expect(fields["company"]?.path == "$.profiles[2].company")
        #expect(fields["company.odd"]?.path == #"$.profiles[2].company["odd"]"#)
        #expect(fields["site"] == SourceLocation(file: "f.json", line: 8, column: 2))
        #expect(fields["site.lon"] == nil)
        #expect(fields["sit"] == nil)
        #expect(fields["site.lat.x"] == nil)
    }

    @Test func trimmedLocationsAreFoundAsBeforeAndCanGrowAgain() {
        var fields = FieldLocations(file: "f.json", pathBase: "$.profiles[0]")
        let keys = (0..<300).map { "outputs[\($0)].quantity.value" }
        for (line, name) in keys.enumerated() { fields.append(derived: key(name), line: line + 1, column: 7) }
        let before = keys.map { fields[$0] }
        fields.trim()
        #expect(keys.map { fields[$0] } == before)
        fields.append(derived: key("site"), line: 400, column: 3)
        fields.trim()
        fields.finish()
        #expect(fields.count == 301)
        #expect(keys.map { fields[$0] } == before)
        #expect(fields["site"] == SourceLocation(file: "f.json", line: 400, column: 3, path: "$.profiles[0].site"))
        #expect(fields["outputs[299].quantity.value"]?.line == 300)
    }

    @Test func theLastLocationRecordedForAKeyIsKept() {
        var fields = FieldLocations(file: "f.csv")
        fields.append(key("b"), SourceLocation(file: "f.csv", line: 2, cell: "Nom"))
        fields.append(key("a"), SourceLocation(file: "f.csv", line: 3))
        fields.append(key("b"), SourceLocation(file: "f.csv", line: 7, cell: "Nom"))
        fields.finish()
        #expect(fields.count == 2)
        #expect(fields["b"]?.line == 7)
        #expect(fields["a"]?.line == 3)
    }

    @Test func aDictionaryKeepsEveryLocationAsItWas() {
        let dictionary = [
            "outputs[0]": SourceLocation(file: "p.xml", line: 10, path: "/profile/output[1]"),
            "outputs[0].unit": SourceLocation(file: "p.xml", line: 11, path: "/profile/output[1]/quantity/@unit"),
            "company": SourceLocation(file: "other.xml", line: 1),
            "site": SourceLocation(file: "p.xml", line: Int(Int32.max) + 1),
        ]
        let fields = FieldLocations(file: "p.xml", dictionary)
        for (key, location) in dictionary { #expect(fields[key] == location) }
        #expect(Set(fields.all.map(\.key)) == Set(dictionary.keys))
    }

    @Test func anXMLAttributeStandsWhereItsElementDoes() {
        var fields = FieldLocations(file: "p.xml")
        let element = SourceLocation(file: "p.xml", line: 12, path: "/profiles/profile[3]/output[2]/quantity")
        let quantity = fields.append(element: key("outputs[1].quantity"), element)
        fields.append(attribute: key("outputs[1].quantity.value"), ofElement: quantity)
        let company = fields.append(element: [], SourceLocation(file: "p.xml", line: 4, path: "/profile/company"))
        fields.append(attribute: key("name"), ofElement: company)
        fields.finish()
        #expect(fields.count == 3)
        #expect(fields["outputs[1].quantity"] == element)
        #expect(
            fields["outputs[1].quantity.value"]
                == SourceLocation(file: "p.xml", line: 12, path: "/profiles/profile[3]/output[2]/quantity/@value"))
        #expect(fields["name"] == SourceLocation(file: "p.xml", line: 4, path: "/profile/company/@name"))
        #expect(fields.rekeyed { $0 }["name"]?.path == "/profile/company/@name")
    }

    @Test func renamedKeysKeepWhereTheyWereRead() {
        var fields = FieldLocations(file: "f.json", pathBase: "$")
        fields.append(derived: key("outputs[0]"), line: 3, column: 5)
        fields.append(derived: key("outputs[1]"), line: 6, column: 5)
        fields.append(derived: key("outputs[1].resource"), line: 6, column: 20)
        fields.finish()
        let renamed = fields.rekeyed { key in
            key.hasPrefix("outputs[0]") ? nil : key.replacingOccurrences(of: "outputs[1]", with: "outputs[0]")
        }
        #expect(renamed.count == 2)
        #expect(renamed["outputs[0]"] == SourceLocation(file: "f.json", line: 6, column: 5, path: "$.outputs[1]"))
        #expect(renamed["outputs[0].resource"]?.path == "$.outputs[1].resource")
    }
}
