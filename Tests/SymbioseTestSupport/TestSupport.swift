import Foundation
import SymbioseCore

/// Helpers shared by the test targets.
package enum TestSupport {
    /// The root of the package, found from this file's location.
    package static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    package static func fixture(_ relative: String) -> URL {
        packageRoot.appendingPathComponent("Fixtures").appendingPathComponent(relative)
    }

    package static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }

    /// Every profile file of the demo territory, sorted.
    package static func demoFiles(extension pathExtension: String? = nil) throws -> [URL] {
        let directory = fixture("soissonnais-valois")
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { ["xml", "json"].contains($0.pathExtension) }
            .filter { pathExtension == nil || $0.pathExtension == pathExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Compares `actual` with the golden file `name` beside the calling test file, or records it
    /// when `SYMBIOSE_RECORD=1`. Returns a description of the difference, or `nil` when equal.
    package static func compareGolden(_ actual: String, _ name: String, testFile: String = #filePath) -> String? {
        let url = URL(fileURLWithPath: testFile).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SYMBIOSE_RECORD"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return "golden file \(name) is missing: run with SYMBIOSE_RECORD=1 and review it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(e.count, a.count) {
            let el = index < e.count ? String(e[index]) : "<end>"
            let al = index < a.count ? String(a[index]) : "<end>"
            if el != al { return "\(name) differs at line \(index + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "\(name) differs"
    }

    /// A loaded profile with no recorded field locations, for validator tests.
    package static func loaded(_ profile: Profile, file: String = "test.json") -> LoadedProfile {
        LoadedProfile(profile: profile, source: ProfileSource(file: file, whole: SourceLocation(file: file)))
    }

    /// A valid profile to alter in tests.
    package static func sampleProfile(id: String = "acme") -> Profile {
        Profile(
            company: Company(id: id, name: "Acme", naf: "25.62B", employees: 20),
            site: Site(latitude: 49.38, longitude: 3.32, commune: "Soissons", postcode: "02200"),
            outputs: [
                Flow(
                    id: "scrap", direction: .output, resource: "material.metal.steel-scrap",
                    quantity: Quantity(value: 100, unit: .tonne), quality: FlowQuality(ewc: "12 01 01"), status: .waste)
            ],
            inputs: [
                Flow(
                    id: "heat", direction: .input, resource: "heat.hot-water",
                    quantity: Quantity(value: 2, unit: .gigawattHour), quality: FlowQuality(temperature: 60))
            ])
    }
}
