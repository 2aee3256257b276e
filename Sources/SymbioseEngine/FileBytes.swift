import SymbioseCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's bytes read straight into one array: no `Data` first and no copy of it after, which
/// for a collection of 100,000 profiles was a second copy of 85 MB, on fresh pages the system
/// had to clear.
public enum FileBytes {
    enum Outcome {
        /// The bytes, with the regular file they were read from (`nil` for a pipe or a device).
        case bytes([UInt8], FileOrigin?)
        /// A regular file larger than the limit, with its size: not read.
        case tooLarge(Int)
        /// Not found, a directory, or a read failed.
        case unreadable
    }

    /// The bytes of the file at `path`, unless it is larger than `limit` bytes; a large file is
    /// read in `threads` pieces at once.
    static func read(path: String, limit: Int, threads: Int = 1) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .unreadable }
        // A regular file says its size; a pipe or a device says 0 and is read in pieces.
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size) }
        let origin = FileOrigin(descriptor: descriptor, path: path)
        if threads > 1, size >= piecewiseSize, let bytes = read(descriptor: descriptor, size: size, threads: threads) {
            return .bytes(bytes, origin)
        }
        return read(descriptor: descriptor, expected: size).map { .bytes($0, origin) } ?? .unreadable
    }

    /// The size from which a file is read in pieces at once: copying a national territory's
    /// file into fresh memory on one thread took seconds while the other waited.
    static let piecewiseSize = 16 << 20

    /// The `size` bytes of a regular file, in `threads` pieces read at once, then whatever the
    /// file has gained since; `nil` when a piece comes short (the file shrank) or a read fails,
    /// the offset then back at the start for a plain read.
    private static func read(descriptor: Int32, size: Int, threads: Int) -> [UInt8]? {
        var complete = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            let start = Start(address: UnsafeMutableRawPointer(buffer.baseAddress!))
            let read = Parallel.map(threads, threads: threads) { pieces in
                pieces.map { piece in
                    let (from, to) = (piece * size / threads, (piece + 1) * size / threads)
                    var failed = false
                    let got = Descriptor.readFully(
                        descriptor, into: UnsafeMutableRawBufferPointer(start: start.address + from, count: to - from),
                        at: from, failed: &failed)
                    return !failed && got == to - from
                }
            }
            complete = read.allSatisfy { $0 }
            count = complete ? size : 0
        }
        guard complete, lseek(descriptor, off_t(size), SEEK_SET) == off_t(size),
            let rest = read(descriptor: descriptor)
        else {
            lseek(descriptor, 0, SEEK_SET)
            return nil
        }
        bytes += rest
        return bytes
    }

    /// Where a buffer filled by several threads starts; each thread writes its own bytes only.
    private struct Start: @unchecked Sendable {
        let address: UnsafeMutableRawPointer
    }

    /// Everything left to read from `descriptor`; `nil` if a read fails. `expected` bytes and one
    /// more are asked for at once, into the array returned; the rest, if the file has grown or
    /// is a pipe, in pieces.
    public static func read(descriptor: Int32, expected: Int = 0) -> [UInt8]? {
        var failed = false
        let first = expected + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            count = Descriptor.readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), failed: &failed)
        }
        guard !failed else { return nil }
        guard bytes.count == first else { return bytes }
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = piece.withUnsafeMutableBytes { Descriptor.readFully(descriptor, into: $0, failed: &failed) }
            guard !failed else { return nil }
            bytes.append(contentsOf: piece[..<got])
            if got < piece.count { return bytes }
        }
    }
}
