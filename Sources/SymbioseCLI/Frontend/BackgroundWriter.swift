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
    private var pending: String?
    private var failure: Error?
    private var closed = false
    private var running = true

    public init(_ handle: FileHandle) {
        self.handle = handle
        Thread.detachNewThread { self.run() }
    }

    /// Hands `text` over to be written, once the piece before it is written.
    public func write(_ text: String) throws {
        condition.lock()
        defer { condition.unlock() }
        while pending != nil && failure == nil { condition.wait() }
        if let failure { throw failure }
        pending = text
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
            while pending == nil && !closed { condition.wait() }
            guard let text = pending else { break }
            condition.unlock()
            var error: Error?
            do { try OutputFile.write(text, to: handle) } catch let thrown { error = thrown }
            condition.lock()
            pending = nil
            if failure == nil { failure = error }
            condition.broadcast()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
