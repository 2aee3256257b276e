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
        case bytes([UInt8])
        /// A regular file larger than the limit, with its size: not read.
        case tooLarge(Int)
        /// Not found, a directory, or a read failed.
        case unreadable
    }

    /// The bytes of the file at `path`, unless it is larger than `limit` bytes.
    static func read(path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { return .unreadable }
        // A regular file says its size; a pipe or a device says 0 and is read in pieces.
        let size = Int(status.st_size)
        if size > limit { return .tooLarge(size) }
        return read(descriptor: descriptor, expected: size).map(Outcome.bytes) ?? .unreadable
    }

    /// Everything left to read from `descriptor`; `nil` if a read fails. `expected` bytes and one
    /// more are asked for at once, into the array returned; the rest, if the file has grown or
    /// is a pipe, in pieces.
    public static func read(descriptor: Int32, expected: Int = 0) -> [UInt8]? {
        var failed = false
        let first = expected + 1
        var bytes = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            count = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), failed: &failed)
        }
        guard !failed else { return nil }
        guard bytes.count == first else { return bytes }
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = piece.withUnsafeMutableBytes { readFully(descriptor, into: $0, failed: &failed) }
            guard !failed else { return nil }
            bytes.append(contentsOf: piece[..<got])
            if got < piece.count { return bytes }
        }
    }

    /// Fills `buffer` until it is full or the input ends; the number of bytes read.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, failed: inout Bool)
        -> Int
    {
        guard let start = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            #if canImport(Glibc)
                let got = Glibc.read(descriptor, start + done, buffer.count - done)
            #else
                let got = Darwin.read(descriptor, start + done, buffer.count - done)
            #endif
            if got < 0 {
                if errno == EINTR { continue }
                failed = true
                return done
            }
            if got == 0 { break }
            done += got
        }
        return done
    }
}
