import Foundation
import SymbioseCLI
import Testing

/// Long outputs are written on a thread of their own: the pieces arrive whole and in order, and
/// a failed write is reported, never lost and never a hang.
@Suite struct BackgroundWriterTests {
    private func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    }

    @Test func piecesAreWrittenWholeAndInOrder() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let writer = BackgroundWriter(handle)
        let pieces = (0..<2_000).map { "piece \($0) " + String(repeating: "é", count: $0 % 97) + "\n" }
        for piece in pieces { try writer.write(piece) }
        try writer.finish()
        try handle.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == pieces.joined())
    }

    /// Bytes handed over are replaced by the emptied buffer of the piece written before them,
    /// so that a long output goes through two buffers; texts and bytes keep their order.
    @Test func bytesComeBackAsTheEmptiedBufferOfTheLastPiece() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        let writer = BackgroundWriter(handle)
        var expected = ""
        var buffer: [UInt8] = []
        var previous = 0
        for index in 0..<50 {
            let piece = "bytes \(index) " + String(repeating: "ü", count: 1_000 + index) + "\n"
            buffer.append(contentsOf: piece.utf8)
            let size = buffer.count
            try writer.write(&buffer)
            #expect(buffer.isEmpty)
            // From the second piece on, the buffer given back held the piece before this one.
            if index > 0 { #expect(buffer.capacity >= previous) }
            previous = size
            expected += piece
            try writer.write("text \(index)\n")
            expected += "text \(index)\n"
        }
        try writer.finish()
        try handle.close()
        #expect(try String(contentsOf: url, encoding: .utf8) == expected)
    }

    @Test func aFailedWriteFailsTheNextWriteAndTheFinish() throws {
        let url = temporaryFile()
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("kept".utf8)))
        // A handle open for reading only: every write fails.
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let writer = BackgroundWriter(handle)
        var failures = 0
        for _ in 0..<3 {
            do { try writer.write("lost") } catch { failures += 1 }
        }
        do {
            try writer.finish()
            Issue.record("the failed write was not reported")
        } catch {}
        // The first piece is handed over before it fails; the two after it are refused.
        #expect(failures == 2)
        #expect(try String(contentsOf: url, encoding: .utf8) == "kept")
    }

    /// `/dev/full` fails every write with "No space left on device": written through as a
    /// device, or as standard output, the failure is said and the status is 73, never 0.
    @Test func aFullDiskIsSaidWithTheWriteStatus() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let named = try Binary.run(["match", "--format", "json", "-o", "/dev/full"])
        #expect(named.status == 73)
        #expect(named.stderr.contains("/dev/full: error: cannot write the output: No space left on device"))
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "\"$0\" match --format json --quiet > /dev/full", Binary.url.path]
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 73)
    }
}
