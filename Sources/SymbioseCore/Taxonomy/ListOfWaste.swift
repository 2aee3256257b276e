/// The European List of Waste (Commission Decision 2000/532/EC as amended by Decision
/// 2014/955/EU), embedded: every entry with its English and French texts, hazard mark and the
/// taxonomy code it maps to, and the chapter and sub-chapter headings (`list-of-waste.tsv`,
/// built by `Scripts/build-list-of-waste`; sources and mapping in `Docs/taxonomy.md`).
public struct ListOfWaste: Sendable {
    /// One six-digit entry.
    public struct Entry: Sendable, Hashable {
        /// `NN NN NN`, with a final `*` for a hazardous entry.
        public var code: String
        public var text: LocalizedText
        /// The taxonomy code the entry maps to.
        public var resource: ResourceCode
        /// How the mapping was decided: `listed`, `search` or `chapter`.
        public var method: String

        public var isHazardous: Bool { code.hasSuffix("*") }
    }

    /// Entries by code without the hazard mark, so that a mark given wrongly is still found.
    private var entries: [String: Entry] = [:]
    /// Chapter (`NN`) and sub-chapter (`NN NN`) headings.
    private var headings: [String: LocalizedText] = [:]

    /// The list embedded in the binary.
    public static let shared = ListOfWaste(tsv: PackageResources.list_of_waste_tsv)

    /// Reads tab-separated rows: code, hazard mark, English, French, resource, method; lines
    /// starting with `#` and the header are skipped, and a row without a resource is a heading.
    init(tsv bytes: [UInt8]) {
        for line in bytes.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            guard fields.count == 6, fields[0] != "code" else { continue }
            let text = LocalizedText(en: fields[2], fr: fields[3])
            if fields[4].isEmpty {
                headings[fields[0]] = text
            } else {
                entries[EWCCode.base(fields[0])] = Entry(
                    code: fields[0], text: text, resource: ResourceCode(fields[4]), method: fields[5])
            }
        }
        all = entries.values.sorted { $0.code < $1.code }
    }

    /// The entry of a code, written with or without its hazard mark.
    public func entry(_ code: String) -> Entry? { entries[EWCCode.base(code)] }

    /// The chapter and sub-chapter headings of a code.
    public func headings(of code: String) -> [LocalizedText] {
        [String(code.prefix(2)), String(code.prefix(5))].compactMap { headings[$0] }
    }

    /// Every entry, in code order.
    public private(set) var all: [Entry] = []

    public var count: Int { entries.count }
    public var headingCount: Int { headings.count }

    /// Codes of the same sub-chapter, for a "did you mean" note on an unknown code.
    ///
    /// - Complexity: O(log *n* + `limit`): every unknown code of a large file asks.
    public func neighbours(of code: String, limit: Int = 5) -> [String] {
        let prefix = String(code.prefix(5))
        var (low, high) = (0, all.count)
        while low < high {
            let middle = (low + high) / 2
            if all[middle].code < prefix { low = middle + 1 } else { high = middle }
        }
        return all[low...].prefix { $0.code.hasPrefix(prefix) }.prefix(limit).map(\.code)
    }
}
