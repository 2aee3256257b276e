import Foundation

/// Writes texts to a handle on a thread of its own, so that making the next piece of a long
/// output and writing this one overlap: at a hundred thousand sites, the kernel's copying of
/// the full recommendations into the file took seconds of one thread while both others waited.
///
/// The pieces are written in the order given. At most one waits while another is written, so
/// memory holds two pieces at most. A failed write fails the next `write` or `finish`, and
/// nothing after it is written.
public final class BackgroundWriter: @unchecked Sendable {
    private let handle: FileHandle
    private let condition = NSCondition()
    private var pendingText: String?
    private var pendingBytes: [UInt8]?
    /// The buffer of the last piece of bytes written, emptied, for the next piece.
    private var spare: [UInt8] = []
    private var writing = false
    private var failure: Error?
    private var closed = false
    private var running = true

    public init(_ handle: FileHandle) {
        self.handle = handle
        Thread.detachNewThread { self.run() }
    }

    /// Hands `text` over to be written, once the piece before it is written.
    public func write(_ text: String) throws {
        try handOver { pendingText = text }
    }

    /// Hands `bytes` over to be written, once the piece before it is written, and leaves in
    /// their place the emptied buffer of an earlier piece: a long output goes through two
    /// buffers, not one fresh buffer a piece.
    public func write(_ bytes: inout [UInt8]) throws {
        try handOver {
            var piece = spare
            spare = []
            swap(&piece, &bytes)
            pendingBytes = piece
        }
    }

    private func handOver(_ store: () -> Void) throws {
        condition.lock()
        defer { condition.unlock() }
        while (writing || pendingText != nil || pendingBytes != nil) && failure == nil { condition.wait() }
        if let failure { throw failure }
        store()
        condition.broadcast()
    }

    /// Waits until everything handed over is written, and stops the thread.
    public func finish() throws {
        condition.lock()
        defer { condition.unlock() }
        closed = true
        condition.broadcast()
        while running { condition.wait() }
        if let failure { throw failure }
    }

    private func run() {
        condition.lock()
        while true {
            while pendingText == nil && pendingBytes == nil && !closed { condition.wait() }
            if pendingText == nil && pendingBytes == nil { break }
            var text: String?
            var bytes: [UInt8]?
            swap(&text, &pendingText)
            swap(&bytes, &pendingBytes)
            writing = true
            condition.unlock()
            var error: Error?
            do {
                if let text { try OutputFile.write(text, to: handle) }
                if var written = bytes {
                    bytes = nil
                    try written.withUnsafeBytes { try handle.write(contentsOf: $0) }
                    written.removeAll(keepingCapacity: true)
                    condition.lock()
                    spare = written
                    condition.unlock()
                }
            } catch let thrown { error = thrown }
            condition.lock()
            writing = false
            if failure == nil { failure = error }
            condition.broadcast()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
