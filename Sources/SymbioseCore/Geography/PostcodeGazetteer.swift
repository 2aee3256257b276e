import Foundation

/// Where France's postcodes lie: for each, the population-weighted centre of its communes
/// (`postcodes-fr.tsv`, built by `Scripts/build-communes`; sources and licences in
/// `Docs/geography.md`), to place a site that gives a postcode but no coordinates.
public struct PostcodeGazetteer: Sendable {
    /// One postcode's place.
    public struct Place: Sendable, Hashable {
        public var point: GeoPoint
        /// How many communes share the postcode.
        public var communes: Int
        /// The farthest of their centres from `point`, in km; 0 for one commune.
        public var spreadKm: Int
        /// The commune's name when the postcode has only one.
        public var name: String?
    }

    private var places: [String: Place] = [:]

    /// The table embedded in the binary.
    public static let france = PostcodeGazetteer(tsv: PackageResources.postcodes_fr_tsv)

    /// Reads tab-separated rows: postcode, latitude, longitude, communes, spread in km, name
    /// (empty when several communes); the first line is a header.
    init(tsv bytes: [UInt8]) {
        for line in bytes.split(separator: UInt8(ascii: "\n")).dropFirst() {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 6, let latitude = Double(fields[1]), let longitude = Double(fields[2]),
                let communes = Int(fields[3]), let spread = Int(fields[4])
            else { continue }
            places[fields[0]] = Place(
                point: GeoPoint(latitude: latitude, longitude: longitude), communes: communes, spreadKm: spread,
                name: fields[5].isEmpty ? nil : fields[5])
        }
    }

    /// The place of a postcode, if it is in the table.
    public subscript(postcode: String) -> Place? { places[postcode] }

    public var count: Int { places.count }
}
