import Foundation
import SymbioseCore
import SymbioseTestSupport
import Testing

/// The closed vocabularies of the model and those of the published schemas are the same sets:
/// a case added to a Swift enum without the schemas (or the reverse) fails here.
@Suite struct SchemaDriftTests {
    /// Schema name (XSD simple type; JSON property) → the Swift enum's raw values.
    static let vocabularies: [(xsd: String, json: String, values: Set<String>)] = [
        ("Unit", "unit", Set(QuantityUnit.allCases.map(\.rawValue))),
        ("Period", "per", Set(Period.allCases.map(\.rawValue))),
        ("Medium", "medium", Set(HeatMedium.allCases.map(\.rawValue))),
        ("Grade", "grade", Set(WaterGrade.allCases.map(\.rawValue))),
        ("State", "state", Set(PhysicalState.allCases.map(\.rawValue))),
        ("Confidence", "confidence", Set(DataConfidence.allCases.map(\.rawValue))),
        ("Status", "status", Set(OutputStatus.allCases.map(\.rawValue))),
    ]

    static func text(_ path: String) throws -> String {
        try String(contentsOf: TestSupport.packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// The `xs:enumeration` values of the simple type `name`.
    static func xsdEnumeration(_ name: String, in xsd: String) -> Set<String> {
        guard let start = xsd.range(of: "<xs:simpleType name=\"\(name)\">"),
            let end = xsd.range(of: "</xs:simpleType>", range: start.upperBound..<xsd.endIndex)
        else { return [] }
        let body = xsd[start.upperBound..<end.lowerBound]
        return Set(
            body.components(separatedBy: "<xs:enumeration value=\"").dropFirst().compactMap {
                $0.components(separatedBy: "\"").first
            })
    }

    /// Every `enum` array found under a property named `name` (or under its `items`, for an
    /// array property), anywhere in the JSON schema.
    static func jsonEnumerations(_ name: String, in node: Any) -> [Set<String>] {
        var found: [Set<String>] = []
        if let object = node as? [String: Any] {
            if let properties = object["properties"] as? [String: Any],
                let property = properties[name] as? [String: Any]
            {
                let items = property["items"] as? [String: Any]
                if let values = (property["enum"] ?? items?["enum"]) as? [String] { found.append(Set(values)) }
            }
            for value in object.values { found += jsonEnumerations(name, in: value) }
        } else if let array = node as? [Any] {
            for value in array { found += jsonEnumerations(name, in: value) }
        }
        return found
    }

    @Test func xsdEnumerationsMatchTheModel() throws {
        let xsd = try Self.text("Docs/schema/profile.xsd")
        for vocabulary in Self.vocabularies {
            #expect(
                Self.xsdEnumeration(vocabulary.xsd, in: xsd) == vocabulary.values, "xs:simpleType \(vocabulary.xsd)")
        }
    }

    @Test func jsonSchemaEnumerationsMatchTheModel() throws {
        let schema = try JSONSerialization.jsonObject(with: Data(try Self.text("Docs/schema/profile.schema.json").utf8))
        for vocabulary in Self.vocabularies {
            let found = Self.jsonEnumerations(vocabulary.json, in: schema)
            #expect(!found.isEmpty, "no enum for \(vocabulary.json)")
            for values in found { #expect(values == vocabulary.values, "\(vocabulary.json)") }
        }
    }

    /// The output schemas' closed lists: flags, gaps and factor roles.
    @Test func outputSchemaEnumerationsMatchTheModel() throws {
        let outputs: [(file: String, property: String, values: Set<String>)] = [
            ("recommendations", "flags", Set(SynergyFlag.allCases.map(\.rawValue))),
            ("plan", "role", Set(FactorRole.allCases.map(\.rawValue))),
        ]
        for output in outputs {
            let schema = try JSONSerialization.jsonObject(
                with: Data(try Self.text("Docs/schema/\(output.file).schema.json").utf8))
            let found = Self.jsonEnumerations(output.property, in: schema)
            #expect(!found.isEmpty, "no enum for \(output.property) in \(output.file)")
            for values in found { #expect(values == output.values, "\(output.file): \(output.property)") }
        }
    }

    @Test func publishedXSDIsTheEmbeddedOne() throws {
        #expect(try Self.text("Docs/schema/profile.xsd") == Self.text("Sources/SymbioseXML/Resources/profile.xsd"))
    }
}
