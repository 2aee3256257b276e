import Foundation
import SymbioseTestSupport

/// Runs the built `symbiose` executable, as a user would.
enum Binary {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let url: URL = {
        if let explicit = ProcessInfo.processInfo.environment["SYMBIOSE_BINARY"] {
            return URL(fileURLWithPath: explicit)
        }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("symbiose")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return TestSupport.packageRoot.appendingPathComponent(".build/debug/symbiose")
    }()

    static func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = ["LANG": "C"],
        in directory: URL = TestSupport.packageRoot
    ) throws -> Output {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }
}
