import CLibXML2
import SymbioseCore

/// The XML profile format, namespace `urn:symbiose:profile:1` (`Docs/profile-format.md`).
public enum ProfileXML {
    public static let namespace = ProfileSchema.namespace

    /// Reads one profile file or a collection: parses it securely and validates it against the
    /// embedded XSD as one stream, building each profile, with the line of every field, as soon
    /// as its element ends. Memory holds one profile's tree at a time, not the document's. A
    /// large collection is read in parts (``XMLCollectionSplit``), on `threads` threads; the
    /// result is the same on any number.
    ///
    /// A file with schema errors yields no profiles: its structural errors are reported first,
    /// and semantic checks run once they are fixed.
    ///
    /// A document of more elements than `limits.values`, or with a DOCTYPE, is refused before
    /// it is parsed.
    ///
    /// - Complexity: O(*n*) in the size of the file.
    public static func decode(
        _ bytes: [UInt8], file: String, threads: Int = 1, limits: ReaderLimits = .standard
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        decode(bytes, file: file, threads: threads, limits: limits, linesPerPart: XMLCollectionSplit.linesPerPart)
    }

    /// Reads a document cut into parts of at least `linesPerPart` lines.
    static func decode(
        _ bytes: [UInt8], file: String, threads: Int, limits: ReaderLimits, linesPerPart: Int
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        if let finding = XMLScreen.firstProblem(in: bytes, maximumElements: limits.values) {
            return ([], [XMLScreen.diagnostic(finding, file: file, limits: limits)])
        }
        guard !bytes.isEmpty else {
            let empty = LocalizedText(en: "the document is empty", fr: "le document est vide")
            return ([], [.error(.inputEmpty, empty, at: SourceLocation(file: file))])
        }
        guard let split = XMLCollectionSplit(bytes, linesPerPart: linesPerPart) else {
            return merge([read(bytes, file: file, limits: limits, place: StreamPlace())], of: bytes, file: file)
        }
        let outcomes = Parallel.map(split.parts.count, threads: threads) { range in
            range.map {
                read(split.document($0, of: bytes), file: file, limits: limits, place: split.place(ofPart: $0))
            }
        }
        return merge(outcomes, of: bytes, file: file)
    }

    private static func read(_ bytes: [UInt8], file: String, limits: ReaderLimits, place: StreamPlace) -> StreamOutcome
    {
        let stream = ProfileStream(file: file, limits: limits, place: place)
        let (_, errors) = LibXML2ErrorSink.collecting { sink in stream.read(bytes, sink: sink) }
        return stream.outcome(errors)
    }

    /// The profiles of every part, or the diagnostics that refuse the document: what stopped a
    /// stream, the first parse error, a wrong root, or every schema violation, in this order.
    ///
    /// A parse error is the one a parse of the whole document gives: the reader, which parses
    /// in pieces, may place the same error a few columns on.
    private static func merge(
        _ outcomes: consuming [StreamOutcome], of bytes: [UInt8], file: String
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        if let problem = outcomes.lazy.compactMap(\.problem).first { return ([], [problem]) }
        if let failure = outcomes.lazy.compactMap(\.failure).first {
            return ([], [SecureXMLParser.firstMalformation(bytes, file: file) ?? failure])
        }
        if let wrongRoot = outcomes.lazy.compactMap(\.wrongRoot).first { return ([], [wrongRoot]) }
        let violations = outcomes.flatMap(\.violations)
        guard violations.isEmpty else { return ([], violations) }
        // Each part's profiles moved out, never copied: copying each took a sixth of a second of
        // one thread at 100,000 sites.
        var parts = outcomes.indices.map { outcomes[$0].takeProfiles() }
        return (.joining(&parts), [])
    }

    /// The error for a root other than `<profile>` or `<profiles>` in the profile namespace.
    static func wrongRoot(name: String, namespace found: String?, line: Int?, file: String) -> Diagnostic {
        .error(
            .xmlNamespace,
            LocalizedText(
                en: "the root element is <\(name)> in namespace \(found.map { "\"\($0)\"" } ?? "none")",
                fr: "l'élément racine est <\(name)> dans l'espace de noms \(found.map { "« \($0) »" } ?? "vide")"),
            at: SourceLocation(file: file, line: line, path: "/" + name),
            notes: [
                LocalizedText(
                    en: "expected <profile> or <profiles> with xmlns=\"\(namespace)\"",
                    fr: "<profile> ou <profiles> attendu, avec xmlns=\"\(namespace)\"")
            ])
    }
}

/// What one stream found.
private struct StreamOutcome: Sendable {
    var problem: Diagnostic?
    var failure: Diagnostic?
    var wrongRoot: Diagnostic?
    var violations: [Diagnostic] = []
    var profiles: [LoadedProfile] = []

    /// The profiles, leaving none.
    mutating func takeProfiles() -> [LoadedProfile] {
        var taken: [LoadedProfile] = []
        swap(&taken, &profiles)
        return taken
    }
}

/// One pass of libxml2's reader over a profile document, validating against the schema as it
/// parses. Each `<profile>` is expanded, decoded while the schema has found nothing wrong, and
/// freed as the reader moves past it.
private final class ProfileStream {
    private let file: String
    private let limits: ReaderLimits
    private let place: StreamPlace
    private var profiles: [LoadedProfile] = []
    /// What stopped the stream before its end: a DOCTYPE, no root.
    private var problem: Diagnostic?
    /// A root other than the two the format has; the stream still reads on for parse errors.
    private var wrongRoot: Diagnostic?
    /// Whether the reader reached the end of the document.
    private var finished = false
    /// The first profile of a collection, kept until a second one says whether its path needs
    /// an index (`/profiles/profile[1]`, or `/profiles/profile` when alone).
    private var first: xmlNodePtr?
    private var count = 0

    init(file: String, limits: ReaderLimits, place: StreamPlace) {
        self.file = file
        self.limits = limits
        self.place = place
    }

    deinit { if let first { xmlFreeNode(first) } }

    func read(_ bytes: [UInt8], sink: LibXML2ErrorSink) {
        let reader = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { pointer in
                xmlReaderForMemory(pointer, Int32(buffer.count), file, nil, SecureXMLParser.options)
            }
        }
        guard let reader else { return }
        defer { xmlFreeTextReader(reader) }
        sink.collect(from: reader)
        guard ProfileSchema.shared.validate(as: reader) else { return }
        var status = xmlTextReaderRead(reader)
        while status == 1, xmlTextReaderNodeType(reader) != Int32(XML_READER_TYPE_ELEMENT.rawValue) {
            if xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue) {
                let line = Int(xmlTextReaderGetParserLineNumber(reader))
                problem = XMLScreen.diagnostic(.doctype(line: line), file: file, limits: limits)
                return
            }
            status = xmlTextReaderRead(reader)
        }
        guard status == 1 else {
            if status == 0 {
                problem = .error(
                    .inputEmpty,
                    LocalizedText(en: "the document has no root element", fr: "le document n'a pas d'élément racine"),
                    at: SourceLocation(file: file))
            }
            return finished = status == 0
        }
        status = root(reader, sink: sink)
        while status == 1 { status = xmlTextReaderRead(reader) }
        finished = status == 0
    }

    /// Reads the root element and what it holds; returns the reader's status after it.
    private func root(_ reader: xmlTextReaderPtr, sink: LibXML2ErrorSink) -> Int32 {
        let name = String(cString: xmlTextReaderConstLocalName(reader))
        let namespace = xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
        guard namespace == ProfileXML.namespace, name == "profile" || name == "profiles" else {
            let line = xmlTextReaderCurrentNode(reader).map { Int(xmlGetLineNo($0)) }.flatMap { $0 > 0 ? $0 : nil }
            wrongRoot = ProfileXML.wrongRoot(name: name, namespace: namespace, line: line, file: file)
            return xmlTextReaderRead(reader)
        }
        if name == "profile" {
            if let node = xmlTextReaderExpand(reader), !sink.failed {
                profiles.append(ProfileXML.decodeProfile(node, path: "/profile", file: file, lineOffset: 0))
            }
            return xmlTextReaderNext(reader)
        }
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            guard xmlTextReaderDepth(reader) == 1,
                xmlTextReaderNodeType(reader) == Int32(XML_READER_TYPE_ELEMENT.rawValue),
                String(cString: xmlTextReaderConstLocalName(reader)) == "profile"
            else {
                status = xmlTextReaderRead(reader)
                continue
            }
            count += 1
            if let node = xmlTextReaderExpand(reader), !sink.failed { take(node) }
            status = xmlTextReaderNext(reader)
        }
        if let first, count == 1, !sink.failed {
            profiles.append(ProfileXML.decodeProfile(first, path: "/profiles/profile", file: file, lineOffset: 0))
        }
        return status
    }

    /// Decodes the `count`th profile of the stream. Without the collection's count, the first is
    /// kept as a copy until a second comes.
    private func take(_ node: xmlNodePtr) {
        if let all = place.profilesInAll {
            let path = all == 1 ? "/profiles/profile" : "/profiles/profile[\(place.profilesBefore + count)]"
            return profiles.append(ProfileXML.decodeProfile(node, path: path, file: file, lineOffset: place.lineOffset))
        }
        if count == 1 {
            first = xmlCopyNode(node, 1)
            return
        }
        if let first {
            profiles.append(ProfileXML.decodeProfile(first, path: "/profiles/profile[1]", file: file, lineOffset: 0))
            xmlFreeNode(first)
            self.first = nil
        }
        profiles.append(ProfileXML.decodeProfile(node, path: "/profiles/profile[\(count)]", file: file, lineOffset: 0))
    }

    /// What the stream found, its errors' lines shifted to the file's, those they quote too;
    /// errors on lines copied from the file's start are left to the first part.
    func outcome(_ errors: [LibXML2Error]) -> StreamOutcome {
        let errors = errors.compactMap { error -> LibXML2Error? in
            var shifted = error
            shifted.message = place.shiftingLines(in: error.message)
            guard let line = error.line else { return shifted }
            shifted.line = place.line(line)
            return shifted.line == nil ? nil : shifted
        }
        var outcome = StreamOutcome(problem: problem, wrongRoot: wrongRoot)
        let parseErrors = errors.filter { !$0.isWarning && !ProfileSchema.isViolation($0) }
        if !parseErrors.isEmpty || !finished { outcome.failure = SecureXMLParser.failure(parseErrors, file: file) }
        outcome.violations = ProfileSchema.diagnostics(errors.filter(ProfileSchema.isViolation), file: file)
        outcome.profiles = profiles
        return outcome
    }
}
