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

    @Test func sharedKeysAreFoundAsBeforeAndWrittenOnce() {
        let table = FieldKeys()
        var first = FieldLocations(file: "f.json", pathBase: "$.profiles[0]")
        var second = FieldLocations(file: "f.json", pathBase: "$.profiles[1]")
        let names = ["company.id", "site.lat", "outputs[0].quantity.value", "outputs[1]"]
        for (line, name) in names.enumerated() {
            first.append(derived: key(name), line: line + 1, column: 3)
            second.append(derived: key(name), line: line + 20, column: 5)
        }
        second.append(key("outputs[1].note"), SourceLocation(file: "f.json", line: 30, column: 9, path: "$[\"x\"]"))
        let before = (names + ["outputs[1].note", "site"]).map { (first[$0], second[$0]) }
        first.share(keysIn: table)
        second.share(keysIn: table)
        // Five different keys in all, each numbered once for both profiles.
        #expect(table.count == 5)
        #expect(
            (names + ["outputs[1].note", "site"]).map { (first[$0], second[$0]) }.elementsEqual(before) { $0 == $1 })
        #expect(second["outputs[0].quantity.value"]?.path == "$.profiles[1].outputs[0].quantity.value")
        #expect(Set(first.all.map(\.key)) == Set(names))
        // Recorded after sharing, then sorted: still found, and the table grows by the new key only.
        second.append(derived: key("inputs[0]"), line: 40, column: 1)
        second.append(derived: key("site.lat"), line: 41, column: 1)
        second.finish()
        #expect(table.count == 6)
        #expect(second.count == 6)
        #expect(second["inputs[0]"]?.line == 40 && second["site.lat"]?.line == 41)
        #expect(second["company.id"]?.line == 20 && first["site.lat"]?.line == 2)
    }

    @Test func profilesSharingOneTableOnSeveralThreadsNumberEachKeyOnce() {
        let table = FieldKeys()
        // Profiles of 1 to 4 outputs, read at once: keys new to the table and keys known to it.
        let shared = Parallel.map(400, threads: 4) { range in
            range.map { profile -> FieldLocations in
                var fields = FieldLocations(file: "f.json", pathBase: "$.profiles[\(profile)]")
                let names = ["company.id"] + (0...(profile % 4)).map { "outputs[\($0)].resource" }
                for (line, name) in names.enumerated() { fields.append(derived: key(name), line: line + 1, column: 1) }
                fields.share(keysIn: table)
                return fields
            }
        }
        #expect(table.count == 5)
        for (profile, fields) in shared.enumerated() {
            #expect(fields["outputs[\(profile % 4)].resource"]?.line == profile % 4 + 2)
            #expect(fields["company.id"]?.path == "$.profiles[\(profile)].company.id")
            #expect(fields["outputs[\(profile % 4 + 1)].resource"] == nil)
        }
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
