import Foundation
import SymbioseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `-o PATH` names, looked at before anything is written: a device or a pipe is written
/// through (never replaced by a regular file), a symbolic link leads to the file it names, a
/// regular file keeps its mode and owner and its other hard links, a read-only file is refused
/// (unless replacing it is asked, `--force`), and a missing folder is said plainly.
struct OutputTarget {
    enum Kind: Equatable {
        /// A file to create.
        case new
        /// A regular file to replace, with what it keeps.
        case regular(mode: mode_t, owner: uid_t, group: gid_t, links: Int)
        /// A device, FIFO or socket: written through, never replaced.
        case special
    }

    /// The path written: a symbolic link resolved to its target.
    var path: String
    var kind: Kind

    init(_ given: String, replacingReadOnly: Bool = false) throws(OutputFile.WriteError) {
        var resolved = given
        if let real = realpath(given, nil) {
            resolved = String(cString: real)
            free(real)
        }
        path = resolved
        var info = stat()
        guard stat(resolved, &info) == 0 else {
            let folder = (resolved as NSString).deletingLastPathComponent
            var folderInfo = stat()
            if !folder.isEmpty, stat(folder, &folderInfo) != 0 || (folderInfo.st_mode & S_IFMT) != S_IFDIR {
                throw OutputFile.WriteError(
                    path: given,
                    reason: LocalizedText(
                        en: "the folder \(folder) does not exist", fr: "le dossier \(folder) n'existe pas"))
            }
            kind = .new
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            // Root may write anything: the mode bits, not access(2), say whether the file is
            // meant to be read-only.
            let writable = info.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH) != 0 && access(resolved, W_OK) == 0
            guard writable || replacingReadOnly else {
                throw OutputFile.WriteError(
                    path: given,
                    reason: LocalizedText(
                        en: "the file is read-only: give --force to replace it, or choose another path",
                        fr:
                            "le fichier est en lecture seule : donnez --force pour le remplacer, ou choisissez un autre chemin"
                    ))
            }
            kind = .regular(
                mode: info.st_mode & 0o7777, owner: info.st_uid, group: info.st_gid, links: Int(info.st_nlink))
        case S_IFDIR:
            throw OutputFile.WriteError(
                path: given, reason: LocalizedText(en: "it is a folder", fr: "c'est un dossier"))
        default:
            kind = .special
        }
    }
}

/// The temporary file being written, removed if the run is interrupted (SIGINT, SIGTERM, SIGHUP)
/// so that no hidden file is left behind. A C string, so that the signal handler only calls
/// `unlink`, which is safe there.
enum PendingTemporary {
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var installed = false

    static func set(_ value: String) {
        install()
        let old = path
        path = strdup(value)
        free(old)
    }

    static func clear() {
        let old = path
        path = nil
        free(old)
    }

    private static func install() {
        guard !installed else { return }
        installed = true
        // A parent may start us with these signals blocked (a mask is inherited across exec,
        // as from a thread pool's worker): handled signals are unblocked, or a SIGTERM would
        // wait until the run ends and the file is already in place.
        var handled = sigset_t()
        sigemptyset(&handled)
        for number in [SIGINT, SIGTERM, SIGHUP] {
            _ = signal(number, removePendingAndDie)
            sigaddset(&handled, number)
        }
        _ = sigprocmask(SIG_UNBLOCK, &handled, nil)
    }

    fileprivate static func removeNow() {
        if let path { unlink(path) }
    }
}

/// The signal handler: removes the temporary file, then dies of the same signal.
private func removePendingAndDie(_ number: Int32) {
    PendingTemporary.removeNow()
    _ = signal(number, SIG_DFL)
    raise(number)
}
