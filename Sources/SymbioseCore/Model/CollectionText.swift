import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of a JSON collection, shared by the profiles read from it, for the field locations
/// a diagnostic asks for (``DeferredJSONFields``).
///
/// It is held while the profiles are read and checked, where nearly every location is asked
/// for. A run that goes on to match lets it go (``letGo()``): the file's bytes were a seventh
/// of a 100,000-site match's memory, held only for the few warnings matching adds. A location
/// asked for afterwards reads the profile's own bytes again from the file, if the file is still
/// the one read (``FileOrigin``); otherwise the location is the profile's start. Text with no
/// file to read again (standard input, bytes sent through the portal) is kept.
public final class CollectionText: @unchecked Sendable {
    /// Guards `bytes`, which ``letGo()`` clears while other threads may read locations.
    private let lock = NSLock()
    private var bytes: [UInt8]?
    /// The file the text was read from, when there is one to read again.
    public let origin: FileOrigin?

    public init(_ bytes: [UInt8], origin: FileOrigin? = nil) {
        self.bytes = bytes
        self.origin = origin
    }

    /// Whether the whole text is in memory.
    public var isHeld: Bool { lock.withLock { bytes != nil } }

    /// Gives the text's memory back when it can be read again from its file; keeps it otherwise.
    public func letGo() {
        guard origin != nil else { return }
        lock.withLock { bytes = nil }
    }

    /// `body` given text holding `span` and where the span starts in it: the whole text when
    /// held, else the span read again from the file; `nil` when neither can be had.
    func withSpan<Result>(_ span: Range<Int>, _ body: ([UInt8], Int) -> Result?) -> Result? {
        if let held = lock.withLock({ bytes }) { return body(held, span.lowerBound) }
        guard let read = origin?.read(span) else { return nil }
        return body(read, 0)
    }
}

/// A regular file as it was when read: where it is, and what tells whether it has changed
/// since (device, inode, size and modification time, as build tools compare files).
public struct FileOrigin: Sendable, Equatable {
    public let path: String
    let device: UInt64
    let inode: UInt64
    let size: Int64
    let modified: Int64
    let modifiedNanoseconds: Int64

    /// The file open as `descriptor`, found at `path`; `nil` unless it is a regular file.
    public init?(descriptor: Int32, path: String) {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.path = path
        (device, inode, size) = (UInt64(status.st_dev), UInt64(status.st_ino), Int64(status.st_size))
        #if canImport(Darwin)
            (modified, modifiedNanoseconds) = (Int64(status.st_mtimespec.tv_sec), Int64(status.st_mtimespec.tv_nsec))
        #else
            (modified, modifiedNanoseconds) = (Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec))
        #endif
    }

    /// The bytes of `span`, read again; `nil` when the file cannot be opened, is no longer the
    /// one read, or comes short.
    func read(_ span: Range<Int>) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard FileOrigin(descriptor: descriptor, path: path) == self, span.lowerBound >= 0, span.upperBound <= size
        else { return nil }
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: span.count) { buffer, count in
            var failed = false
            let done = Descriptor.readFully(
                descriptor, into: UnsafeMutableRawBufferPointer(buffer), at: span.lowerBound, failed: &failed)
            complete = !failed && done == span.count
            count = complete ? done : 0
        }
        return complete ? bytes : nil
    }
}
