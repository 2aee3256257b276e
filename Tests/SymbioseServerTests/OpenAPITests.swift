import Foundation
import Hummingbird
import SymbioseServer
import SymbioseStore
import Testing

/// Docs/api/openapi.yaml describes exactly the routes the portal serves under /api/v1: a route
/// added or removed on one side only fails here.
@Suite struct OpenAPITests {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Docs/api/openapi.yaml")

    /// `METHOD /path` of every operation of the document (paths at two spaces, methods at four).
    static func documented() throws -> Set<String> {
        var operations: Set<String> = []
        var path: String?
        for line in try String(contentsOf: document, encoding: .utf8).split(separator: "\n") {
            if line.hasPrefix("  /") && line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if line.hasPrefix("    ") && !line.hasPrefix("     "), let path {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "delete", "patch"].contains(String(key)) {
                    operations.insert("\(key.uppercased()) \(path)")
                }
            } else if !line.hasPrefix(" ") {
                path = nil
            }
        }
        return operations
    }

    @Test func theDocumentListsEveryAPIRouteAndNoOther() async throws {
        let portal = Portal(store: try SQLiteStore(), publicURL: "http://portal.test")
        let served = Set(
            portal.router().routes.map { "\($0.method.rawValue) \($0.path)" }.filter { $0.contains(" /api/v1/") }
                .map { $0.replacingOccurrences(of: ":id", with: "{id}") })
        let documented = try Self.documented()
        #expect(documented.count >= 10)
        #expect(served == documented)
    }
}
