import Foundation
import SymbioseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes results where the user asked: standard output, or a file replaced atomically (written
/// to a temporary file in the same directory, then renamed), so that a failure never leaves a
/// half-written or lost file.
enum OutputFile {
    struct WriteError: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var diagnostic: Diagnostic {
            .error(
                .ioWrite,
                LocalizedText(
                    en: "cannot write the output: \(reason)", fr: "impossible d'écrire le résultat : \(reason)"),
                at: SourceLocation(file: path))
        }
        var description: String { diagnostic.rendered() }
    }

    /// Writes, or says why not on standard error and exits with status 73.
    static func writeOrExit(_ text: String, to path: String?, language: Language) throws {
        try streamOrExit(to: path, language: language) { emit in try emit(text) }
    }

    /// Writes what `produce` hands to its `emit` argument, piece by piece, or says why not on
    /// standard error and exits with status 73. Into a file, the pieces go to the temporary
    /// file, renamed only once all are written.
    static func streamOrExit(
        to path: String?, language: Language, _ produce: ((String) throws -> Void) throws -> Void
    ) throws {
        do {
            try stream(to: path, produce)
        } catch {
            StandardError.write(describe(error, language: language))
            throw ExitStatus.cannotWrite
        }
    }

    /// The message of a write failure, in the user's language.
    static func describe(_ error: Error, language: Language) -> String {
        guard let error = error as? WriteError else { return "\(error)\n" }
        return error.diagnostic.rendered(in: language) + "\n"
    }

    static func write(_ text: String, to path: String?) throws {
        try stream(to: path) { emit in try emit(text) }
    }

    /// Writes bytes, such as a workbook, or says why not on standard error and exits with
    /// status 73.
    static func writeOrExit(bytes: [UInt8], to path: String?, language: Language) throws {
        do {
            try streamHandle(to: path) { handle in try handle.write(contentsOf: bytes) }
        } catch {
            StandardError.write(describe(error, language: language))
            throw ExitStatus.cannotWrite
        }
    }

    static func stream(to path: String?, _ produce: ((String) throws -> Void) throws -> Void) throws {
        try streamHandle(to: path) { handle in try produce { try write($0, to: handle) } }
    }

    /// Hands `produce` the handle to write to: standard output, or the temporary file that
    /// replaces `path` once everything is written.
    static func streamHandle(to path: String?, _ produce: (FileHandle) throws -> Void) throws {
        guard let path, path != "-" else {
            // A closed pipe (`| head`) is not an error worth a message.
            try? produce(FileHandle.standardOutput)
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try produce(handle)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: (error as NSError).localizedDescription)
        }
        // rename(2) replaces the destination atomically: readers see the old file or the new one.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes the text's UTF-8 bytes as they are stored, without copying them first.
    static func write(_ text: String, to handle: FileHandle) throws {
        var text = text
        try text.withUTF8 { bytes in try handle.write(contentsOf: UnsafeRawBufferPointer(bytes)) }
    }
}

/// Standard error, for diagnostics and progress.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
