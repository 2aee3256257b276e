import Foundation

/// Places by commune name and postcode: France's communes (`communes-fr.tsv`, built by
/// `Scripts/build-communes --communes`; sources and licences in `Docs/geography.md`), or a
/// table of the user's own (`--locations FILE`). Names are compared folded — without case,
/// accents, hyphens or a leading article, `St`/`Ste` read as `Saint`/`Sainte` — so that
/// "st quentin" finds Saint-Quentin and "Abergement-Clémenciat" finds L'Abergement-Clémenciat.
public struct PlaceTable: Sendable {
    /// One row: a commune (with its postcode when known) or a postcode alone, and its centre.
    public struct Entry: Sendable, Hashable {
        public var commune: String?
        public var postcode: String?
        public var point: GeoPoint

        public init(commune: String?, postcode: String?, point: GeoPoint) {
            self.commune = commune
            self.postcode = postcode
            self.point = point
        }
    }

    /// What a look-up found.
    public enum Lookup: Sendable, Equatable {
        case found(Entry)
        /// Several places bear the name and nothing tells them apart: how many.
        case ambiguous(Int)
        case none
    }

    private var byName: [String: [Entry]] = [:]
    private var byPostcode: [String: [Entry]] = [:]

    /// A table of `entries`, found by their folded names, or by postcode for rows without one.
    ///
    /// The names' keys are made on up to `threads` threads: for France's table, on one thread,
    /// they held up the first site placed by its commune while every other thread waited.
    public init(_ entries: [Entry], threads: Int = Parallel.processors) {
        let keys = Parallel.map(entries.count, threads: threads) { range in
            range.map { entries[$0].commune.map(Self.key) }
        }
        byName.reserveCapacity(entries.count)
        for (entry, key) in zip(entries, keys) {
            if let key {
                byName[key, default: []].append(entry)
            } else if let postcode = entry.postcode {
                byPostcode[postcode, default: []].append(entry)
            }
        }
    }

    /// The communes whose centre lies within the box, once each (a commune with several
    /// postcodes has one centre), in name order.
    public func communes(latitudes: ClosedRange<Double>, longitudes: ClosedRange<Double>) -> [Entry] {
        var seen: Set<String> = []
        var found: [Entry] = []
        for entry in byName.values.joined()
        where latitudes.contains(entry.point.latitude) && longitudes.contains(entry.point.longitude) {
            let key = "\(entry.commune ?? "")|\(entry.point.latitude)|\(entry.point.longitude)"
            if seen.insert(key).inserted { found.append(entry) }
        }
        return found.sorted {
            ($0.commune ?? "", $0.point.latitude, $0.point.longitude)
                < ($1.commune ?? "", $1.point.latitude, $1.point.longitude)
        }
    }

    /// France's communes, municipal arrondissements and delegated former communes, embedded in
    /// the binary (as a string: `Plugins/EmbedText`) and read the first time a site needs them.
    public static let france = PlaceTable(tsv: Array(embeddedCommunesFR.utf8))

    /// Reads tab-separated rows: postcode, name, latitude, longitude; the first line is a header.
    init(tsv bytes: [UInt8]) {
        var entries: [Entry] = []
        entries.reserveCapacity(bytes.count / 32)
        let tab = UInt8(ascii: "\t")
        for line in bytes.split(separator: UInt8(ascii: "\n")).dropFirst() {
            // Four fields: three tabs, no more.
            guard let first = line.firstIndex(of: tab), let second = line[(first + 1)...].firstIndex(of: tab),
                let third = line[(second + 1)...].firstIndex(of: tab), !line[(third + 1)...].contains(tab),
                let latitude = Self.number(line[(second + 1)..<third]),
                let longitude = Self.number(line[(third + 1)...])
            else { continue }
            entries.append(
                Entry(
                    commune: String(decoding: line[(first + 1)..<second], as: UTF8.self),
                    postcode: String(decoding: line[..<first], as: UTF8.self),
                    point: GeoPoint(latitude: latitude, longitude: longitude)))
        }
        self.init(entries)
    }

    private static func number(_ field: ArraySlice<UInt8>) -> Double? {
        Double(Substring(decoding: field, as: UTF8.self))
    }

    /// The place of a commune name, told apart by its postcode (or, failing that, its
    /// department) when several bear it; with no name, a row for the postcode alone.
    public func lookup(commune: String?, postcode: String?) -> Lookup {
        guard let commune, !Self.key(commune).isEmpty else {
            guard let postcode, let rows = byPostcode[postcode] else { return .none }
            return rows.count == 1 ? .found(rows[0]) : .ambiguous(rows.count)
        }
        let named = byName[Self.key(commune)] ?? []
        var candidates = named
        if let postcode {
            // The same postcode, else the same department, else a row that gives no postcode:
            // never a namesake elsewhere in France.
            let samePostcode = named.filter { $0.postcode == postcode }
            let sameDepartment = named.filter { $0.postcode.map(Self.department) == Self.department(postcode) }
            candidates =
                !samePostcode.isEmpty
                ? samePostcode : !sameDepartment.isEmpty ? sameDepartment : named.filter { $0.postcode == nil }
        }
        switch candidates.count {
        case 0: return postcode.map { lookup(commune: nil, postcode: $0) } ?? .none
        case 1: return .found(candidates[0])
        default: return .ambiguous(candidates.count)
        }
    }

    /// A French department from a postcode: `02`, `2A`/`2B` for Corsica (20xxx), `971`… overseas.
    static func department(_ postcode: String) -> String {
        if postcode.hasPrefix("97") || postcode.hasPrefix("98") { return String(postcode.prefix(3)) }
        return String(postcode.prefix(2))
    }

    /// A name folded for comparison: `"L'Abergement-Clémenciat"` → `"abergement clemenciat"`,
    /// `"St-Quentin"` → `"saint quentin"`.
    static func key(_ name: String) -> String {
        let folded = TextFolding.foldedBytes(name)
        var key: [UInt8] = []
        key.reserveCapacity(folded.count + 8)
        var (words, firstEnd, firstIsArticle) = (0, 0, false)
        var end = folded.startIndex
        while let start = folded[end...].firstIndex(where: { $0 != UInt8(ascii: " ") }) {
            end = folded[start...].firstIndex(of: UInt8(ascii: " ")) ?? folded.endIndex
            let word = folded[start..<end]
            if words > 0 { key.append(UInt8(ascii: " ")) }
            if word.elementsEqual("st".utf8) {
                key += "saint".utf8
            } else if word.elementsEqual("ste".utf8) {
                key += "sainte".utf8
            } else {
                key += word
            }
            if words == 0 {
                (firstEnd, firstIsArticle) = (key.count, articles.contains { word.elementsEqual($0.utf8) })
            }
            words += 1
        }
        // A leading article is dropped when a name follows it.
        if words > 1, firstIsArticle { key.removeFirst(firstEnd + 1) }
        return String(decoding: key, as: UTF8.self)
    }

    private static let articles = ["le", "la", "les", "l"]
}
