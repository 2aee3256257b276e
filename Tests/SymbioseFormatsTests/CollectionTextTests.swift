import Foundation
import SymbioseCore
import SymbioseFormats
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A JSON collection's text, let go once its profiles are checked, is read again from the file
/// for the locations asked for later, and only from the file as it was read.
@Suite struct CollectionTextTests {
    /// A written collection: its path and bytes, a generated territory with the rich profiles
    /// of the direct-reading tests (escapes, which the tree reads, every member).
    private func collection() throws -> (path: String, bytes: [UInt8]) {
        let generated = TerritoryGenerator(sites: 40, seed: 5).generate()
        var text = ProfileJSON.encode(generated, asCollection: true)
        let rich = DirectReadingTests.rich
        let richProfiles = rich[rich.range(of: "[")!.upperBound..<rich.range(of: "]}", options: .backwards)!.lowerBound]
        text.insert(contentsOf: richProfiles + ",", at: text.range(of: "\"profiles\": [")!.upperBound)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("text-\(UUID().uuidString).json").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return (path, Array(text.utf8))
    }

    private func origin(_ path: String) throws -> FileOrigin {
        let descriptor = open(path, O_RDONLY)
        defer { close(descriptor) }
        return try #require(FileOrigin(descriptor: descriptor, path: path))
    }

    /// Every field location of every profile, as text.
    private func locations(_ profiles: [LoadedProfile]) -> [[String]] {
        profiles.map { $0.source.fields.all.map { "\($0.key) \($0.location)" }.sorted() }
    }

    @Test func locationsAreReadAgainFromTheFileOnceTheTextIsLetGo() throws {
        let (path, bytes) = try collection()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (profiles, diagnostics) = ProfileJSON.decode(bytes, file: path, threads: 2, origin: try origin(path))
        #expect(!diagnostics.containsErrors)
        #expect(profiles.count == 43)
        let before = locations(profiles)
        #expect(before.allSatisfy { !$0.isEmpty })
        let text = try #require(profiles[0].source.text)
        #expect(profiles.allSatisfy { $0.source.text === text })
        text.letGo()
        #expect(!text.isHeld)
        #expect(locations(profiles) == before)
        #expect(profiles[0].source.locate("outputs[1].ewc") != profiles[0].source.whole)
    }

    @Test func aFileChangedSinceGivesTheProfileStartNotAnotherLocation() throws {
        let (path, bytes) = try collection()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let (profiles, _) = ProfileJSON.decode(bytes, file: path, threads: 1, origin: try origin(path))
        profiles[0].source.text?.letGo()
        // The same length, other bytes: the modification time tells it apart.
        let shifted = [UInt8](repeating: UInt8(ascii: " "), count: 3) + bytes.dropLast(3)
        try Data(shifted).write(to: URL(fileURLWithPath: path))
        var later = timespec(tv_sec: 0, tv_nsec: 0)
        later.tv_sec = time(nil) + 5
        var times = [later, later]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        for loaded in profiles {
            #expect(loaded.source.fields.all.isEmpty)
            #expect(loaded.source.locate("site") == loaded.source.whole)
        }
        try FileManager.default.removeItem(atPath: path)
        #expect(profiles[1].source.locate("company.name") == profiles[1].source.whole)
    }

    @Test func textWithoutAFileIsKept() throws {
        let (path, bytes) = try collection()
        try FileManager.default.removeItem(atPath: path)
        let (profiles, _) = ProfileJSON.decode(bytes, file: "<stdin>", threads: 2)
        let before = locations(profiles)
        let text = try #require(profiles[0].source.text)
        text.letGo()
        #expect(text.isHeld)
        #expect(text.origin == nil)
        #expect(locations(profiles) == before)
    }
}
