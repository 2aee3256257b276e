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
        var reason: LocalizedText

        init(path: String, reason: LocalizedText) {
            self.path = path
            self.reason = reason
        }

        init(path: String, reason: String) {
            self.init(path: path, reason: LocalizedText(en: reason, fr: reason))
        }

        var diagnostic: Diagnostic {
            .error(
                .ioWrite,
                LocalizedText(
                    en: "cannot write the output: \(reason.en)", fr: "impossible d'écrire le résultat : \(reason.fr)"),
                at: SourceLocation(file: path))
        }
        var description: String { diagnostic.rendered() }
    }

    /// Writes, or says why not on standard error and exits with status 73.
    static func writeOrExit(_ text: String, to path: String?, force: Bool = false, language: Language) throws {
        try streamOrExit(to: path, force: force, language: language) { writer in try writer.write(text) }
    }

    /// Writes what `produce` hands to the writer it is given, piece by piece, or says why not on
    /// standard error and exits with status 73. Into a file, the pieces go to the temporary
    /// file, renamed only once all are written.
    static func streamOrExit(
        to path: String?, force: Bool = false, language: Language,
        _ produce: (BackgroundWriter) throws -> Void
    ) throws {
        do {
            try stream(to: path, force: force, produce)
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

    static func write(_ text: String, to path: String?, force: Bool = false) throws {
        try stream(to: path, force: force) { writer in try writer.write(text) }
    }

    /// Exits 64 with a message when a workbook would go to `path` and that is a terminal.
    static func refuseTerminal(_ path: String?, language: Language) throws {
        guard path == nil || path == "-", isatty(STDOUT_FILENO) == 1 else { return }
        StandardError.write(
            LocalizedText(
                en: "error: an .xlsx workbook cannot be shown in a terminal: give -o FILE.xlsx\n",
                fr: "erreur : un classeur .xlsx ne s'affiche pas dans un terminal : donnez -o FICHIER.xlsx\n")[
                    language])
        throw ExitStatus.usage
    }

    /// Writes what `encode` gives; exits 73 with a message when it cannot encode or write.
    static func writeOrExit(
        to path: String?, force: Bool = false, language: Language, _ encode: () throws -> [UInt8]
    ) throws {
        let bytes: [UInt8]
        do {
            bytes = try encode()
        } catch {
            StandardError.write(describe(error, language: language))
            throw ExitStatus.cannotWrite
        }
        try writeOrExit(bytes: bytes, to: path, force: force, language: language)
    }

    /// Writes bytes, such as a workbook, or says why not on standard error and exits with
    /// status 73.
    static func writeOrExit(bytes: [UInt8], to path: String?, force: Bool = false, language: Language) throws {
        do {
            try streamHandle(to: path, force: force) { handle in try handle.write(contentsOf: bytes) }
        } catch {
            StandardError.write(describe(error, language: language))
            throw ExitStatus.cannotWrite
        }
    }

    static func stream(
        to path: String?, force: Bool = false, _ produce: (BackgroundWriter) throws -> Void
    ) throws {
        try streamHandle(to: path, force: force) { handle in
            // The pieces are made on this thread and written on another.
            let writer = BackgroundWriter(handle)
            let produced = Result { try produce(writer) }
            let finished = Result { try writer.finish() }
            try produced.get()
            try finished.get()
        }
    }

    /// Hands `produce` the handle to write to: standard output, a device or pipe written
    /// through, or the temporary file that replaces `path` once everything is written. A
    /// read-only file is refused unless `force`.
    static func streamHandle(to path: String?, force: Bool = false, _ produce: (FileHandle) throws -> Void) throws {
        guard let path, path != "-" else {
            do {
                try produce(FileHandle.standardOutput)
            } catch let error where posixCode(of: error) == EPIPE {
                // A closed pipe (`| head`) is not an error worth a message.
            } catch {
                throw writeError(error, path: "standard output")
            }
            return
        }
        let target = try OutputTarget(path, replacingReadOnly: force)
        if target.kind == .special {
            guard let handle = FileHandle(forWritingAtPath: target.path) else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            defer { try? handle.close() }
            do { try produce(handle) } catch { throw writeError(error, path: path) }
            return
        }
        let url = URL(fileURLWithPath: target.path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        PendingTemporary.set(temporary.path)
        defer { PendingTemporary.clear() }
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try produce(handle)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw writeError(error, path: path)
        }
        try replace(target, with: temporary.path, given: path)
    }

    /// A failure to write to `path`, said as the system says it ("No space left on device").
    private static func writeError(_ error: Error, path: String) -> WriteError {
        if let error = error as? WriteError { return error }
        if let code = posixCode(of: error) { return WriteError(path: path, reason: String(cString: strerror(code))) }
        return WriteError(path: path, reason: (error as NSError).localizedDescription)
    }

    /// The system's error number behind a failed write, if it has one.
    private static func posixCode(of error: Error) -> Int32? {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return nil }
        return underlying.domain == NSPOSIXErrorDomain ? Int32(underlying.code) : nil
    }

    /// Puts the written temporary file in place of the target: with the target's mode and
    /// owner, renamed over it atomically (readers see the old file or the new one), or copied
    /// into it when other hard links share it.
    private static func replace(_ target: OutputTarget, with temporary: String, given path: String) throws {
        defer { unlink(temporary) }
        if case .regular(let mode, let owner, let group, let links) = target.kind {
            chmod(temporary, mode)
            _ = chown(temporary, owner, group)
            if links > 1 {
                guard let data = FileManager.default.contents(atPath: temporary),
                    let handle = FileHandle(forWritingAtPath: target.path)
                else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
                defer { try? handle.close() }
                try handle.truncate(atOffset: 0)
                try handle.write(contentsOf: data)
                return
            }
        }
        guard rename(temporary, target.path) == 0 else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
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
