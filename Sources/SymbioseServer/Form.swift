import Foundation
import Hummingbird

/// The fields of a form, in order: an `application/x-www-form-urlencoded` body, or a
/// `multipart/form-data` one whose files are kept apart.
struct Form: Sendable {
    var fields: [(name: String, value: String)]
    /// The files of a multipart form that were chosen, by field name.
    var files: [String: (filename: String, bytes: [UInt8])] = [:]

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
        guard (request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data") else {
            let buffer = try await request.body.collect(upTo: limit)
            return Form(String(buffer: buffer))
        }
        var form = Form("")
        for part in try await FirmUpload.decode(request, limit: limit).parts {
            guard let name = part.parameter("name") else { continue }
            if let filename = part.parameter("filename") {
                guard part.body.readableBytes > 0 else { continue }  // no file chosen
                let base = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
                form.files[name] = (base, Array(buffer: part.body))
            } else {
                form.fields.append((name, String(buffer: part.body)))
            }
        }
        return form
    }
}
