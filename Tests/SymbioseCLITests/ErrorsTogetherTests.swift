import Foundation
import Testing

/// A wrong number does not hide the rest of a file's errors, in JSON or in a spreadsheet, and
/// the field it spoils is not reported a second time as missing.
@Suite struct ErrorsTogetherTests {
    private func validate(_ name: String, _ text: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let output = try Binary.run(["validate", file.path])
        #expect(output.status == 1)
        return output.stderr
    }

    @Test func jsonReportsEveryError() throws {
        let stderr = try validate(
            "bad.json",
            """
            {"schema": "symbiose/profile@1",
             "company": {"id": "acme", "name": "Acme", "employees": "many"},
             "site": {"lat": 49.1, "lon": "3,2"},
             "outputs": [{"id": "o1", "resource": "material.nothing.here",
                          "quantity": {"value": "12,5", "unit": "t", "per": "year"}}],
             "inputs": [{"id": "i1", "resource": "material.paper.cardboard",
                         "quantity": {"value": -5, "unit": "t", "per": "year"}}]}
            """)
        for code in ["[json.type]", "[profile.unknown-resource]", "[value.negative]"] {
            #expect(stderr.contains(code), "\(code) missing")
        }
        #expect(!stderr.contains("only one of lat and lon"))
        #expect(!stderr.contains("[flow.missing-quantity]"))
        #expect(stderr.contains("1 profile in 1 file: 5 errors"))
    }

    @Test func aSpreadsheetReportsEveryError() throws {
        let stderr = try validate(
            "bad.csv",
            """
            Company ID,Company name,Latitude,Longitude,Employees,Direction,Flow ID,Resource,Quantity,Unit,Per
            acme,Acme,49.1,3.2,beaucoup,output,o1,material.nothing.here,10,t,year
            acme,Acme,49.1,3.2,,output,o2,material.paper.cardboard,douze,t,year
            acme,Acme,49.1,3.2,,input,i1,material.paper.cardboard,-5,t,year

            """)
        for code in ["[value.invalid]", "[profile.unknown-resource]", "[value.negative]"] {
            #expect(stderr.contains(code), "\(code) missing")
        }
        #expect(!stderr.contains("[flow.missing-quantity]"))
    }
}
