import Foundation

/// Where each field of one profile stands in its file, kept compact: a read profile records a
/// location for every value it holds, tens per profile, and a territory holds up to a million
/// profiles. (A JSON collection's profiles record theirs only when asked for:
/// ``DeferredJSONFields``.)
///
/// The keys' bytes share one buffer, and each entry is a few integers. A location is turned back
/// into a `SourceLocation` only when asked for, which happens for diagnostics. In a JSON file the
/// path of a field is the profile's path followed by the field's key (`$.profiles[3]` and
/// `outputs[0].quantity` give `$.profiles[3].outputs[0].quantity`), so it is not stored; any
/// location that does not fit these integers (a spreadsheet cell, an XML element's path, a key
/// that JSON paths escape) is kept whole beside them. An XML attribute refers to its element's
/// location: its path is the element's followed by `/@` and the key's last segment.
///
/// Lookups are binary searches once the recording is finished (`finish()`), else scans from the
/// last entry back: a reader whose keys are never recorded twice may leave the locations
/// unfinished when few of them will be looked up.
public struct FieldLocations: Sendable {
    private struct Entry: Sendable {
        /// Where the key starts in `keyBytes`.
        var keyStart: Int32
        var keyCount: Int32
        var line: Int32
        var column: Int32
        /// `derivedPath`, `noPath`, `attributePath` (`column` is then the position of the
        /// element's location in `others`), or the position of the whole location in `others`.
        var other: Int32
    }

    private static let derivedPath: Int32 = -1
    private static let noPath: Int32 = -2
    private static let attributePath: Int32 = -3
    private static let absent = Int32.min

    /// The file every compact location is in.
    public let file: String
    /// The JSON path of the profile, which a derived field path extends.
    public let pathBase: String?
    private var keyBytes: [UInt8] = []
    private var entries: [Entry] = []
    private var others: [SourceLocation] = []
    /// Whether `finish()` has sorted the entries since the last one was recorded.
    private var sorted = true

    public init(file: String, pathBase: String? = nil) {
        self.file = file
        self.pathBase = pathBase
    }

    /// The locations of a dictionary, keyed as it is.
    public init(file: String, _ fields: [String: SourceLocation]) {
        self.init(file: file)
        for (key, location) in fields { append(Array(key.utf8), location) }
        finish()
    }

    public var count: Int { entries.count }
    public var isEmpty: Bool { entries.isEmpty }

    /// Records a field whose path is `pathBase` followed by its key (a JSON value).
    public mutating func append(derived key: [UInt8], line: Int, column: Int) {
        guard pathBase != nil, let line = Int32(exactly: line), let column = Int32(exactly: column),
            line != Self.absent,
            column != Self.absent
        else {
            return append(key, SourceLocation(file: file, line: line, column: column, path: path(derivedFrom: key)))
        }
        appendEntry(key, line: line, column: column, other: Self.derivedPath)
    }

    /// Records a field at `location`.
    public mutating func append(_ key: [UInt8], _ location: SourceLocation) {
        if location.path == nil, location.cell == nil, location.file == file,
            let line = Self.compact(location.line), let column = Self.compact(location.column)
        {
            return appendEntry(key, line: line, column: column, other: Self.noPath)
        }
        appendEntry(key, line: 0, column: 0, other: Int32(others.count))
        others.append(location)
    }

    /// Records an element of an XML document at `location`, under `key` unless it is empty, and
    /// returns the number by which its attributes refer to it (``append(attribute:ofElement:)``).
    public mutating func append(element key: [UInt8], _ location: SourceLocation) -> Int32 {
        let position = Int32(others.count)
        others.append(location)
        if !key.isEmpty { appendEntry(key, line: 0, column: 0, other: position) }
        return position
    }

    /// Records an attribute of the element numbered `element`, whose name is the key's last
    /// segment (after its last dot, or the whole key): it stands on the element's line, and its
    /// path is the element's followed by `/@` and the name.
    public mutating func append(attribute key: [UInt8], ofElement element: Int32) {
        appendEntry(key, line: 0, column: element, other: Self.attributePath)
    }

    /// The JSON path of the value at `key`: `pathBase` followed by the key, nil without a base.
    public func path<Key: Collection<UInt8>>(derivedFrom key: Key) -> String? {
        guard let pathBase else { return nil }
        return key.isEmpty ? pathBase : pathBase + "." + String(decoding: key, as: UTF8.self)
    }

    /// Sorts the entries for lookups (of two entries with the same key, the later one stays),
    /// and gives back the room the arrays grew into (``trim()``).
    public mutating func finish() {
        defer { trim() }
        guard !sorted else { return }
        // Compared through a copy made once: a comparison reading `self` in place would copy the
        // whole value at each call, nearly a fifth of the time of checking an XML file.
        let recorded = self
        let order = entries.indices.sorted { left, right in
            let comparison = recorded.compare(recorded.entries[left], recorded.entries[right])
            return comparison != 0 ? comparison < 0 : left < right
        }
        var kept: [Entry] = []
        kept.reserveCapacity(order.count)
        for position in order {
            if let last = kept.last, recorded.compare(last, recorded.entries[position]) == 0 { kept.removeLast() }
            kept.append(recorded.entries[position])
        }
        entries = kept
        sorted = true
    }

    /// Gives back the room the arrays grew into while recording: appending one entry at a time
    /// leaves up to half of each array unused, and a territory keeps a million profiles'
    /// locations for its whole run.
    public mutating func trim() {
        keyBytes.trimCapacity()
        entries.trimCapacity()
        others.trimCapacity()
    }

    /// The location of the field `key`, if it was recorded.
    public subscript(key: Substring) -> SourceLocation? {
        let bytes = key.utf8
        if sorted {
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                let comparison = compare(entries[middle], bytes)
                if comparison == 0 { return location(of: entries[middle]) }
                if comparison < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
        return entries.last { compare($0, bytes) == 0 }.map(location(of:))
    }

    /// The location of the field `key`, if it was recorded.
    public subscript(key: String) -> SourceLocation? { self[Substring(key)] }

    /// Every recorded field and its location, in no particular order.
    public var all: [(key: String, location: SourceLocation)] {
        entries.map { (key(of: $0), location(of: $0)) }
    }

    /// These locations under new keys: `rename` gives a key's new name, or nil to leave the field
    /// out. The locations stay where they were read, derived paths included.
    public func rekeyed(_ rename: (String) -> String?) -> FieldLocations {
        var copy = FieldLocations(file: file, pathBase: pathBase)
        for entry in entries {
            guard let newKey = rename(key(of: entry)) else { continue }
            copy.append(Array(newKey.utf8), location(of: entry))
        }
        copy.finish()
        return copy
    }

    private static func compact(_ value: Int?) -> Int32? {
        guard let value else { return absent }
        guard let small = Int32(exactly: value), small != absent else { return nil }
        return small
    }

    /// Records an entry. Its key's bytes are counted in 32 bits, like its line: one profile's
    /// keys beyond 2 GiB (a document no reader limit lets through whole) are not recorded, and
    /// their fields then stand at the profile's location.
    private mutating func appendEntry(_ key: [UInt8], line: Int32, column: Int32, other: Int32) {
        guard let start = Int32(exactly: keyBytes.count), let count = Int32(exactly: key.count),
            start <= Int32.max - count
        else { return }
        keyBytes.append(contentsOf: key)
        entries.append(Entry(keyStart: start, keyCount: count, line: line, column: column, other: other))
        sorted = false
    }

    private func keySlice(_ entry: Entry) -> ArraySlice<UInt8> {
        return keyBytes[Int(entry.keyStart)..<Int(entry.keyStart) + Int(entry.keyCount)]
    }

    private func key(of entry: Entry) -> String { String(decoding: keySlice(entry), as: UTF8.self) }

    private func compare(_ left: Entry, _ right: Entry) -> Int {
        let shorter = Int(min(left.keyCount, right.keyCount))
        if shorter > 0 {
            let order = keyBytes.withUnsafeBytes {
                memcmp($0.baseAddress! + Int(left.keyStart), $0.baseAddress! + Int(right.keyStart), shorter)
            }
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return left.keyCount == right.keyCount ? 0 : (left.keyCount < right.keyCount ? -1 : 1)
    }

    /// The order of an entry's key against `bytes`: negative, zero or positive.
    private func compare<Bytes: Collection<UInt8>>(_ entry: Entry, _ bytes: Bytes) -> Int {
        var other = bytes.makeIterator()
        for byte in keySlice(entry) {
            guard let next = other.next() else { return 1 }
            if byte != next { return byte < next ? -1 : 1 }
        }
        return other.next() == nil ? 0 : -1
    }

    private func location(of entry: Entry) -> SourceLocation {
        if entry.other >= 0 { return others[Int(entry.other)] }
        if entry.other == Self.attributePath {
            var location = others[Int(entry.column)]
            let key = keySlice(entry)
            let name = key.lastIndex(of: UInt8(ascii: ".")).map { key[($0 + 1)...] } ?? key
            location.path = location.path.map { $0 + "/@" + String(decoding: name, as: UTF8.self) }
            return location
        }
        let line = entry.line == Self.absent ? nil : Int(entry.line)
        let column = entry.column == Self.absent ? nil : Int(entry.column)
        let path = entry.other == Self.derivedPath ? path(derivedFrom: keySlice(entry)) : nil
        return SourceLocation(file: file, line: line, column: column, path: path)
    }
}

extension Array {
    /// Copies the elements into storage of their own size when a fifth or more of the capacity
    /// is unused.
    fileprivate mutating func trimCapacity() {
        guard capacity - count > Swift.max(count / 4, 2) else { return }
        let elements = self
        self = Array(unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            initialized = elements.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
    }
}
