import Foundation

/// Reads the streamed member's array of a document in place of ``JSONParser/parseArray(streaming:)``.
protocol StreamedArrayReader: AnyObject {
    func read(_ parser: inout JSONParser) throws(JSONParser.Failure)
}

extension JSONParser {
    /// Parses one JSON document whose top-level member `member` holds a long array (a collection
    /// of profiles), turning each of its elements into an `Element` with `transform` as soon as it
    /// is read; that member is an empty array in the tree returned. The elements come back in the
    /// parts they were read in, in order: joining them is left to the caller, who can move them
    /// into what it keeps instead of copying them twice.
    ///
    /// With more than one thread, the array is cut into as many parts at element boundaries,
    /// found by a quick scan of its brackets and strings, and each part is parsed and transformed
    /// on its own thread from the line and column where it starts. The parts must chain exactly:
    /// if any part fails or does not end where the next begins, the array is read again in one
    /// pass, which finds the first problem as a one-thread parse does. The elements, their
    /// positions, the failure and the `index` given to `transform` are therefore the same on any
    /// number of threads.
    ///
    /// - Parameters:
    ///   - progress: told the bytes of the array read since it was last told, from any thread.
    ///   - transform: gets each element, its index in the array and the byte offset where it
    ///     starts, from any thread.
    /// - Throws: ``Failure`` with the position of the first problem.
    public static func parse<Element: Sendable>(
        _ bytes: [UInt8], streaming member: String, threads: Int, maximumValues: Int = .max,
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        transform: @escaping @Sendable (JSONNode, Int, Int) -> Element
    ) throws(Failure) -> (root: JSONNode, parts: [[Element]]) {
        try parse(
            bytes, streaming: member, threads: threads, maximumValues: maximumValues, progress: progress,
            read: { (parser, index, start) throws(Failure) in transform(try parser.parseValue(), index, start) })
    }

    /// The same, each element read by `read` from the parser standing at its start: it may read
    /// the element its own way (``readObject(_:_:)`` and the other direct readers), going back
    /// to ``mark`` to parse it whole when that way fails. It must leave the parser just after
    /// the element, as ``parseValue()`` does.
    package static func parse<Element: Sendable>(
        _ bytes: [UInt8], streaming member: String, threads: Int, maximumValues: Int = .max,
        progress: @escaping @Sendable (Int) -> Void = { _ in },
        read: @escaping @Sendable (inout JSONParser, Int, Int) throws(Failure) -> Element
    ) throws(Failure) -> (root: JSONNode, parts: [[Element]]) {
        try parse(
            bytes, streaming: member, threads: threads, partBytes: 1 << 18, maximumValues: maximumValues,
            progress: progress, read: read)
    }

    /// The same, with no part shorter than about `partBytes` (one part when read in one pass).
    static func parse<Element: Sendable>(
        _ bytes: [UInt8], streaming member: String, threads: Int, partBytes: Int, maximumValues: Int,
        progress: @escaping @Sendable (Int) -> Void,
        read: @escaping @Sendable (inout JSONParser, Int, Int) throws(Failure) -> Element
    ) throws(Failure) -> (root: JSONNode, parts: [[Element]]) {
        let reader = PartedArrayReader(threads: threads, partBytes: partBytes, progress: progress, read: read)
        var parser = JSONParser(bytes: bytes)
        parser.maximumValues = maximumValues
        parser.streamedMember = member
        parser.arrayReader = reader
        let root = try parser.parseDocument()
        return (root, reader.parts)
    }

    /// Reads the elements of one part, from here (the start of element `first`) to `next`, the
    /// first byte of the next part, or to the array's `]` at `end` for the last part.
    ///
    /// - Returns: `nil` when the text after an element does not lead exactly there.
    mutating func readPart<Element>(
        first: Int, next: Int?, end: Int, read: (inout JSONParser, Int, Int) throws(Failure) -> Element,
        progress: (Int) -> Void
    ) throws(Failure) -> [Element]? {
        var elements: [Element] = []
        var reported = index
        defer { progress(index - reported) }
        while true {
            elements.append(try read(&self, first + elements.count, index))
            if elements.count % 256 == 0 {
                progress(index - reported)
                reported = index
            }
            skipWhitespace()
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: "]") { return next == nil && index == end ? elements : nil }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            advance()
            skipWhitespace()
            if let next, index >= next { return index == next ? elements : nil }
        }
    }
}

/// Reads a streamed array in parts on several threads, or in one pass.
final class PartedArrayReader<Element: Sendable>: StreamedArrayReader {
    let threads: Int
    let partBytes: Int
    let progress: @Sendable (Int) -> Void
    let read: @Sendable (inout JSONParser, Int, Int) throws(JSONParser.Failure) -> Element
    /// The elements, in the parts they were read in (one empty part until the array is read).
    private(set) var parts: [[Element]] = [[]]

    init(
        threads: Int, partBytes: Int, progress: @escaping @Sendable (Int) -> Void,
        read: @escaping @Sendable (inout JSONParser, Int, Int) throws(JSONParser.Failure) -> Element
    ) {
        self.threads = threads
        self.partBytes = partBytes
        self.progress = progress
        self.read = read
    }

    func read(_ parser: inout JSONParser) throws(JSONParser.Failure) {
        if threads > 1,
            let splits = ArraySplits(
                parser.bytes, array: parser.index, line: parser.line, column: parser.column, parts: threads,
                partBytes: partBytes),
            splits.starts.count > 1, readInParts(&parser, splits)
        {
            return
        }
        try readInOrder(&parser)
    }

    /// Bytes already told to `progress` by parts given up: not told twice.
    private var toldBefore = 0

    /// One pass on this thread, as a one-thread parse does.
    private func readInOrder(_ parser: inout JSONParser) throws(JSONParser.Failure) {
        var elements: [Element] = []
        var reported = parser.index
        func tell(upTo offset: Int) {
            let repeated = min(toldBefore, offset - reported)
            toldBefore -= repeated
            if offset - reported > repeated { progress(offset - reported - repeated) }
            reported = offset
        }
        parser.readElement = { (parser, start) throws(JSONParser.Failure) in
            elements.append(try self.read(&parser, elements.count, start))
            if elements.count % 256 == 0 { tell(upTo: parser.index) }
        }
        defer { parser.readElement = nil }
        _ = try parser.parseArray(streaming: true)
        tell(upTo: parser.index)
        parts = [elements]
    }

    /// Every part on its own thread; `parser` is left just after the array when they all chain,
    /// untouched otherwise.
    private func readInParts(_ parser: inout JSONParser, _ splits: ArraySplits) -> Bool {
        let starts = splits.starts
        let results = PartResults<Element>(count: starts.count)
        let bytes = parser.bytes
        let depth = parser.depth + 1
        let budget = parser.maximumValues - parser.values
        let (read, tell) = (self.read, self.progress)
        let progress: @Sendable (Int) -> Void = { bytes in
            results.told(bytes)
            tell(bytes)
        }
        DispatchQueue.concurrentPerform(iterations: starts.count) { part in
            var reader = JSONParser(bytes: bytes)
            (reader.index, reader.line, reader.column) = (starts[part].offset, starts[part].line, starts[part].column)
            (reader.depth, reader.maximumValues) = (depth, budget)
            let next = part + 1 < starts.count ? starts[part + 1].offset : nil
            guard
                let elements = try? reader.readPart(
                    first: starts[part].element, next: next, end: splits.end, read: read, progress: progress)
            else { return }
            results.store(PartResults.Part(elements: elements, values: reader.values, end: reader.position), at: part)
        }
        let done = results.all
        let values = done.reduce(0) { $0 + $1.values }
        guard done.count == starts.count, let end = done.last?.end, values <= budget else {
            toldBefore = results.bytesTold
            return false
        }
        // Each part's elements are held here alone once this reader and its results are gone, so
        // the caller can move them on.
        parts = done.map(\.elements)
        parser.values += values
        (parser.index, parser.line, parser.column) = (splits.end, end.line, end.column)
        parser.advance()  // ]
        return true
    }
}

/// The parts read, behind a lock.
private final class PartResults<Element: Sendable>: @unchecked Sendable {
    struct Part {
        var elements: [Element]
        var values: Int
        /// Where the part's parser stopped: the next part's start, or the array's `]`.
        var end: TextPosition
    }

    private let lock = NSLock()
    private var parts: [Part?]
    /// The bytes told to the progress so far.
    private(set) var bytesTold = 0

    init(count: Int) { parts = Array(repeating: nil, count: count) }

    func store(_ part: Part, at position: Int) {
        lock.withLock { parts[position] = part }
    }

    func told(_ bytes: Int) {
        lock.withLock { bytesTold += bytes }
    }

    /// The parts in order, if every one chained.
    var all: [Part] { lock.withLock { parts.compactMap { $0 } } }
}

extension JSONParser {
    /// The depth the streamed member's elements are read at: inside the document's object and
    /// the member's array.
    static let streamedElementDepth = 2

    /// An element of the streamed member's array read again from `offset`, where it starts, at
    /// `position`: the same node as the first reading gave, or `nil` when the text there is not a
    /// value.
    public static func streamedElement(in bytes: [UInt8], at offset: Int, position: TextPosition) -> JSONNode? {
        guard offset >= 0, offset < bytes.count else { return nil }
        var parser = JSONParser(bytes: bytes)
        (parser.index, parser.line, parser.column) = (offset, position.line, position.column)
        parser.depth = streamedElementDepth
        return try? parser.parseValue()
    }
}
