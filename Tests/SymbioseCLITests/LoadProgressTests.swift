import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats
import Testing

/// A large collection read in parts on two threads tells its progress in order, up to the file's
/// size, and gives the profiles of a one-thread read.
@Suite struct LoadProgressTests {
    @Test func progressOfACollectionReadInPartsNeverGoesBack() throws {
        let profiles = TerritoryGenerator(sites: 1_500, seed: 3).generate()
        let text = ProfileJSON.encode(profiles, asCollection: true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(text.utf8).write(to: directory.appendingPathComponent("territory.json"))
        let shown = Shown()
        var loader = ProfileLoader(workingDirectory: directory)
        loader.threads = 2
        loader.onProgress = { done, total in shown.append(done, total) }
        let parted = loader.load(["territory.json"])
        loader.threads = 1
        loader.onProgress = nil
        let single = loader.load(["territory.json"])
        let reports = shown.reports
        // Two parts of at least 256 KiB each, reported every 256 profiles.
        #expect(text.utf8.count > 1 << 19)
        #expect(reports.count > 4)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.done <= $1.done })
        #expect(reports.last?.done == text.utf8.count && reports.allSatisfy { $0.total == text.utf8.count })
        #expect(parted.profiles.count == 1_500)
        #expect(parted.profiles.map(\.profile) == single.profiles.map(\.profile))
        #expect(parted.profiles.map(\.source.whole) == single.profiles.map(\.source.whole))
    }
}

/// The reports seen, from any thread.
private final class Shown: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [(done: Int, total: Int)] = []

    func append(_ done: Int, _ total: Int) { lock.withLock { seen.append((done, total)) } }

    var reports: [(done: Int, total: Int)] { lock.withLock { seen } }
}
