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
        var description: String { "\(path): error: cannot write the output: \(reason) [io.write]" }
    }

    /// Writes, or says why not on standard error and exits with status 73.
    static func writeOrExit(_ text: String, to path: String?, language: Language) throws {
        do {
            try write(text, to: path)
        } catch {
            StandardError.write(describe(error, language: language))
            throw ExitStatus.cannotWrite
        }
    }

    /// The message of a write failure, in the user's language.
    static func describe(_ error: Error, language: Language) -> String {
        guard let error = error as? WriteError else { return "\(error)\n" }
        return language == .fr
            ? "\(error.path): erreur : impossible d'écrire le résultat : \(error.reason) [io.write]\n"
            : error.description + "\n"
    }

    static func write(_ text: String, to path: String?) throws {
        guard let path, path != "-" else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
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
}

/// Standard error, for diagnostics and progress.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
