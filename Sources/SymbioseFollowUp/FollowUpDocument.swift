import Foundation

/// The follow-up's JSON documents (`symbiose/lead@1`, `symbiose/workshop@1`): sorted keys and
/// dates to the second, so that the same document always gives the same bytes.
public protocol FollowUpDocument: Codable {
    static var schemaName: String { get }
    var schema: String { get }
}

extension FollowUpDocument {
    /// The document as stored and exported.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A document of this schema; a readable error when it is not one.
    public init(json: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        self = try decoder.decode(Self.self, from: Data(json.utf8))
        guard schema == Self.schemaName else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "not a \(Self.schemaName) document"))
        }
    }
}

extension Lead: FollowUpDocument {}
extension Workshop: FollowUpDocument {}
