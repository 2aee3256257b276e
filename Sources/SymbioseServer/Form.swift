import Foundation
import Hummingbird

/// The fields of an `application/x-www-form-urlencoded` body, in order.
struct Form: Sendable {
    var fields: [(name: String, value: String)]

    init(_ text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of `name`, trimmed.
    subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The body of `request` as a form, at most `limit` bytes (413 beyond).
    static func read(_ request: Request, limit: Int) async throws -> Form {
        let buffer = try await request.body.collect(upTo: limit)
        return Form(String(buffer: buffer))
    }
}
