#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading from an open file, for the loader and for text read again later (``FileOrigin``).
package enum Descriptor {
    /// Fills `buffer` until it is full or the input ends, from the file's position `offset` when
    /// given (without moving the descriptor's), from the descriptor's own otherwise; the number
    /// of bytes read.
    package static func readFully(
        _ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int? = nil, failed: inout Bool
    ) -> Int {
        guard let start = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let got =
                if let offset {
                    pread(descriptor, start + done, buffer.count - done, off_t(offset + done))
                } else {
                    systemRead(descriptor, start + done, buffer.count - done)
                }
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

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }
}
