import Foundation
import SymbioseCore
import Testing

@testable import SymbioseEngine

/// Files and pipes are read whole into one array, whatever their size against the pieces read.
@Suite struct FileBytesTests {
    private func pattern(_ count: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
    }

    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "file-bytes-\(UUID().uuidString).json"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 65_535, 65_536, 200_001])
    func aFileIsReadWhole(count: Int) throws {
        let bytes = pattern(count)
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .bytes(let read, _) = FileBytes.read(path: path, limit: 1 << 20) else {
            Issue.record("the file was not read")
            return
        }
        #expect(read == bytes)
    }

    /// A large file is read in pieces at once, one a thread; the bytes are the file's, in order.
    @Test(arguments: [2, 3])
    func aLargeFileIsReadInPiecesAtOnce(threads: Int) throws {
        let bytes = pattern(FileBytes.piecewiseSize + 7)
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .bytes(let read, _) = FileBytes.read(path: path, limit: 1 << 30, threads: threads) else {
            Issue.record("the file was not read")
            return
        }
        #expect(read.count == bytes.count)
        #expect(read == bytes)
    }

    @Test func aPipeIsReadInPiecesToItsEnd() throws {
        let bytes = pattern(150_000)
        let pipe = Pipe()
        let writer = Thread {
            pipe.fileHandleForWriting.write(Data(bytes))
            try? pipe.fileHandleForWriting.close()
        }
        writer.start()
        let read = FileBytes.read(descriptor: pipe.fileHandleForReading.fileDescriptor)
        #expect(read == bytes)
    }

    @Test func aLargerFileIsNotReadAndADirectoryIsUnreadable() throws {
        let path = try temporaryFile(pattern(2_000))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .tooLarge(let size) = FileBytes.read(path: path, limit: 1_999) else {
            Issue.record("a file above the limit was read")
            return
        }
        #expect(size == 2_000)
        guard case .bytes(let read, _) = FileBytes.read(path: path, limit: 2_000) else {
            Issue.record("a file at the limit was not read")
            return
        }
        #expect(read.count == 2_000)
        guard case .unreadable = FileBytes.read(path: NSTemporaryDirectory(), limit: 1 << 20) else {
            Issue.record("a directory was read")
            return
        }
        guard case .unreadable = FileBytes.read(path: path + ".missing", limit: 1 << 20) else {
            Issue.record("a missing file was read")
            return
        }
    }

    @Test func unreadableStandardInputIsSaidSo() throws {
        let directory = open(NSTemporaryDirectory(), O_RDONLY)
        #expect(directory >= 0)
        defer { close(directory) }
        #expect(FileBytes.read(descriptor: directory) == nil)
        let loader = ProfileLoader(standardInput: { FileBytes.read(descriptor: directory) })
        let result = loader.load(["-"])
        #expect(result.profiles.isEmpty)
        #expect(result.diagnostics.map(\.code) == [.ioUnreadable])
        #expect(result.diagnostics.first?.location?.file == "<stdin>")
        #expect(result.diagnostics.first?.text.en == "standard input cannot be read")
    }
}
