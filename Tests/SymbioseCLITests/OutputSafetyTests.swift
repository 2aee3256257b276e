import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `-o` never destroys anything: a device stays a device, a link stays a link, a read-only file
/// is refused (replaced only with `--force`), a failed run leaves the previous output as it was,
/// and a killed run leaves no temporary file.
@Suite struct OutputSafetyTests {
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test(.enabled(if: getuid() == 0, "creating a device node needs root, as in CI"))
    func aDeviceNodeStaysADevice() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let node = dir.appendingPathComponent("null").path
        // Major 1, minor 3 (the null device) in glibc's encoding: (1 << 8) | 3.
        #expect(mknod(node, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)
        let output = try Binary.run(["match", "--top", "1", "--format", "csv", "-o", node])
        #expect(output.status == 0)
        var info = stat()
        #expect(stat(node, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFCHR)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["null"])
    }

    @Test func aSymbolicLinkIsWrittenThroughAndModesKept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.csv").path
        let link = dir.appendingPathComponent("link.csv").path
        try "old".write(toFile: real, atomically: false, encoding: .utf8)
        chmod(real, 0o640)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let output = try Binary.run(["match", "--top", "1", "--format", "csv", "-o", link])
        #expect(output.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == real)
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("rank,"))
        var info = stat()
        #expect(stat(real, &info) == 0 && info.st_mode & 0o777 == 0o640)
    }

    @Test func aReadOnlyFileIsRefusedAndKept() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kept.csv").path
        try "precious".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o444)
        let output = try Binary.run(["match", "--top", "1", "--format", "csv", "-o", path])
        #expect(output.status == 73)
        #expect(output.stderr.contains("read-only"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
    }

    @Test func forceReplacesAReadOnlyFileWhichStaysReadOnly() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("replaced.csv").path
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o444)
        let output = try Binary.run(["match", "--top", "1", "--format", "csv", "--force", "-o", path])
        #expect(output.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("rank,"))
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o444)
    }

    /// SIGTERM while the output is being written: the hidden temporary file is removed and no
    /// output appears. The run is large enough (3,000 generated sites) for writing to last.
    @Test func aRunKilledWhileWritingLeavesNoTemporaryFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("territory.json").path
        #expect(try Binary.run(["generate", "--sites", "3000", "--seed", "3", "-o", input]).status == 0)
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["match", input, "--format", "json", "-o", dir.appendingPathComponent("out.json").path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var sawTemporary = false
        while process.isRunning {
            let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            if names.contains(where: { $0.hasPrefix(".out.json.") }) {
                sawTemporary = true
                kill(process.processIdentifier, SIGTERM)
                break
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        #expect(sawTemporary, "the run ended before its temporary file was seen")
        #expect(process.terminationReason == .uncaughtSignal, "status \(process.terminationStatus)")
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(left == ["territory.json"])
    }

    @Test func aFailedRunLeavesThePreviousOutputByteIdentical() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("synergies.json").path
        let previous = Data("{\"previous\": true}\n".utf8)
        try previous.write(to: URL(fileURLWithPath: path))
        for command in ["match", "plan", "report"] {
            let output = try Binary.run([command, "Fixtures/invalid/malformed.json", "-o", path])
            #expect(output.status == 1, "\(command)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == previous, "\(command)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["synergies.json"])
    }

    @Test func aMissingFolderIsSaidPlainly() throws {
        let output = try Binary.run(["match", "--top", "1", "-o", "/nonexistent-folder/x.json"])
        #expect(output.status == 73)
        #expect(output.stderr.contains("the folder /nonexistent-folder does not exist"))
    }
}
