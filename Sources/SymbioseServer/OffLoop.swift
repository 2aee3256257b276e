import Dispatch

/// Work that takes CPU time (matching, rendering, bcrypt), run on a thread of its own, off the
/// server's event loops.
enum OffLoop {
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try body() }) }
        }
    }
}
