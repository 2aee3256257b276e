import Foundation
import SymbioseCore
import SymbioseFormats
import SymbioseSpreadsheet
import SymbioseXML

/// The load stage: turns the paths a user gave (files, directories, `-` for standard input)
/// into profiles, with every reading and structural problem as a located diagnostic.
public struct ProfileLoader: Sendable {
    /// The formats a profile file can be in.
    public enum Format: String, Sendable, CaseIterable {
        case xml
        case json
        /// The flat spreadsheet layout, as CSV.
        case csv
        /// The flat spreadsheet layout, as an Excel workbook.
        case xlsx

        public init?(pathExtension: String) {
            self.init(rawValue: pathExtension.lowercased())
        }

        /// Whether files of this format are read when a directory is given. Spreadsheets are
        /// read only when named: a directory often holds other CSV files, such as results.
        /// Every format is read from directories; spreadsheets only when their first row is the
        /// profile layout.
        public var isReadFromDirectories: Bool { true }
    }

    /// What loading found.
    public struct Result: Sendable {
        public var profiles: [LoadedProfile] = []
        public var diagnostics: [Diagnostic] = []
        /// The files read, in order.
        public var files: [String] = []

        public init(profiles: [LoadedProfile] = [], diagnostics: [Diagnostic] = [], files: [String] = []) {
            self.profiles = profiles
            self.diagnostics = diagnostics
            self.files = files
        }

        /// The profiles, moved out.
        mutating func takeProfiles() -> [LoadedProfile] {
            defer { profiles = [] }
            return profiles
        }

        /// Appends what `part` found; into an empty result, its lists are taken whole rather
        /// than copied profile by profile.
        mutating func take(_ part: Result) {
            if profiles.isEmpty { profiles = part.profiles } else { profiles += part.profiles }
            diagnostics += part.diagnostics
            files += part.files
        }
    }

    /// Relative paths are resolved against this directory; diagnostics show them as given.
    public var workingDirectory: URL
    /// Reads standard input when a path is `-`; `nil` when it cannot be read.
    public var standardInput: @Sendable () -> [UInt8]?
    /// The most files decoded at once.
    public var threads = Parallel.processors
    /// The worksheet read from .xlsx files; the first when `nil`.
    public var sheet: String?
    /// How much a read may take in: bytes, values, profiles, flows (``ReaderLimits``).
    public var limits = ReaderLimits.standard
    /// Told the bytes read so far and the bytes of all the files to read, as files and the
    /// profiles of a large JSON collection are read; from several threads at once. Sizes are
    /// looked up only when it is set; each file counts whole once read, refused or not.
    public var onProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        standardInput: @escaping @Sendable () -> [UInt8]? = { FileBytes.read(descriptor: 0) }
    ) {
        self.workingDirectory = workingDirectory
        self.standardInput = standardInput
    }

    /// What one path asks to read.
    private enum Job: Sendable {
        case standardInput
        case missing(String)
        /// A file, named by the user or found in a directory (`found`).
        case file(URL, displayedAs: String, found: Bool)
    }

    /// Loads every profile under `paths`. Directories are read recursively for `.xml`, `.json`,
    /// `.csv` and `.xlsx` files, in sorted order, so that results never depend on the file
    /// system's order; a spreadsheet found in a directory whose first row is not the profile
    /// layout is skipped with a warning (`input.skipped`).
    /// Files are decoded on several threads; their results are gathered in that same order.
    public func load(_ paths: [String]) -> Result {
        var jobs: [Job] = []
        for path in paths {
            if path == "-" {
                jobs.append(.standardInput)
                continue
            }
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                jobs.append(.missing(path))
                continue
            }
            if isDirectory.boolValue {
                jobs += profileFiles(in: url, displayedAs: path).map {
                    .file($0.url, displayedAs: $0.display, found: true)
                }
            } else {
                jobs.append(.file(url, displayedAs: path, found: false))
            }
        }
        let loader = self
        let work = jobs
        let sizes = onProgress == nil ? [] : jobs.map(Self.size(of:))
        let total = sizes.reduce(0, +)
        let done = SharedCount()
        let parts = Parallel.map(work.count, threads: threads) { range in
            range.map { position in
                var part = Result()
                switch work[position] {
                case .standardInput:
                    loader.readStandardInput(into: &part)
                case .missing(let path):
                    part.diagnostics.append(
                        .error(
                            .ioNotFound,
                            LocalizedText(en: "no such file or directory", fr: "fichier ou dossier introuvable"),
                            at: SourceLocation(file: path)))
                case .file(let url, let display, let found):
                    let reported = SharedCount()
                    let advance: @Sendable (Int) -> Void = { bytes in
                        guard let onProgress = loader.onProgress, bytes > 0 else { return }
                        _ = reported.add(bytes)
                        done.add(bytes) { onProgress($0, total) }
                    }
                    loader.readFile(url, displayedAs: display, found: found, into: &part, progress: advance)
                    if !sizes.isEmpty { advance(sizes[position] - reported.add(0)) }
                }
                return part
            }
        }
        var result = Result()
        for part in parts { result.take(part) }
        refuseBeyondProfileLimit(&result, file: paths.joined(separator: " "))
        return result
    }

    /// Reads standard input, or says it cannot be read.
    private func readStandardInput(into result: inout Result) {
        guard let bytes = standardInput() else {
            result.files.append("<stdin>")
            result.diagnostics.append(
                .error(
                    .ioUnreadable,
                    LocalizedText(en: "standard input cannot be read", fr: "l'entrée standard est illisible"),
                    at: SourceLocation(file: "<stdin>")))
            return
        }
        read(bytes, file: "<stdin>", format: nil, into: &result)
    }

    /// More profiles than `limits.profiles` in one load: none is kept, and one error says so.
    private func refuseBeyondProfileLimit(_ result: inout Result, file: String) {
        guard result.profiles.count > limits.profiles else { return }
        result.diagnostics.append(
            .error(
                .inputTooManyProfiles,
                LocalizedText(
                    en: "\(result.profiles.count) profiles read; at most \(limits.profiles) are taken: none is kept",
                    fr:
                        "\(result.profiles.count) profils lus ; au plus \(limits.profiles) sont pris : aucun n'est gardé"
                ),
                at: SourceLocation(file: file)))
        result.profiles = []
    }

    /// Profiles declaring more flows than `limits.flowsPerProfile` are refused, each with an
    /// error at the profile.
    private func refusingTooManyFlows(_ profiles: [LoadedProfile], into diagnostics: inout [Diagnostic])
        -> [LoadedProfile]
    {
        let limit = limits.flowsPerProfile
        // Filtering copies every profile: only done when one is refused.
        guard profiles.contains(where: { $0.profile.outputs.count + $0.profile.inputs.count > limit }) else {
            return profiles
        }
        return profiles.filter { loaded in
            let count = loaded.profile.outputs.count + loaded.profile.inputs.count
            guard count > limits.flowsPerProfile else { return true }
            diagnostics.append(
                .error(
                    .profileTooManyFlows,
                    LocalizedText(
                        en:
                            "\(loaded.profile.company.id) declares \(count) flows; at most \(limits.flowsPerProfile) are read: the profile is refused",
                        fr:
                            "\(loaded.profile.company.id) déclare \(count) flux ; au plus \(limits.flowsPerProfile) sont lus : le profil est refusé"
                    ),
                    at: loaded.source.whole))
            return false
        }
    }

    private func profileFiles(in directory: URL, displayedAs display: String) -> [(url: URL, display: String)] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if Format(pathExtension: (relative as NSString).pathExtension)?.isReadFromDirectories == true {
                files.append(relative)
            }
        }
        let prefix = display.hasSuffix("/") ? display : display + "/"
        return files.sorted().map { (directory.appendingPathComponent($0), prefix + $0) }
    }

    /// The size of a file to read, for progress; 0 for what is not a file.
    private static func size(of job: Job) -> Int {
        guard case .file(let url, _, _) = job else { return 0 }
        return (try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? Int ?? 0
    }

    /// Reads one file; `progress` is told the bytes of a JSON collection read since it was last
    /// told.
    private func readFile(
        _ url: URL, displayedAs display: String, found: Bool, into result: inout Result,
        progress: @escaping @Sendable (Int) -> Void
    ) {
        guard let format = Format(pathExtension: url.pathExtension) else {
            result.diagnostics.append(
                .error(
                    .ioUnsupportedFile,
                    LocalizedText(
                        en: "not a profile file: expected a .xml, .json, .csv or .xlsx extension",
                        fr: "ce n'est pas un fichier de profil : extension .xml, .json, .csv ou .xlsx attendue"),
                    at: SourceLocation(file: display)))
            return
        }
        let (bytes, origin): ([UInt8], FileOrigin?)
        switch FileBytes.read(path: url.path, limit: limits.bytes, threads: threads) {
        case .bytes(let read, let readFrom): (bytes, origin) = (read, readFrom)
        case .tooLarge(let size):
            result.files.append(display)
            result.diagnostics.append(limits.tooLarge(size, file: display))
            return
        case .unreadable:
            result.diagnostics.append(
                .error(
                    .ioUnreadable, LocalizedText(en: "the file cannot be read", fr: "le fichier est illisible"),
                    at: SourceLocation(file: display)))
            return
        }
        read(
            bytes, file: display, format: format, skippingOtherTables: found, origin: origin, into: &result,
            progress: progress)
    }

    /// Decodes bytes in the given format, or, for standard input, the format its first
    /// character shows (`<` for XML, `{` for JSON). `progress` is told, from any thread, the bytes
    /// of a JSON collection read since it was last told. `origin` is the file the bytes were
    /// read from, if any (``FileOrigin``).
    public func read(
        _ bytes: [UInt8], file: String, format: Format?, skippingOtherTables: Bool = false, origin: FileOrigin? = nil,
        into result: inout Result, progress: (@Sendable (Int) -> Void)? = nil
    ) {
        result.files.append(file)
        if bytes.count > limits.bytes {
            result.diagnostics.append(limits.tooLarge(bytes.count, file: file))
            return
        }
        var decoded = decode(
            bytes, file: file, format: format, skippingOtherTables: skippingOtherTables, origin: origin,
            progress: progress)
        decoded.profiles = refusingTooManyFlows(decoded.profiles, into: &decoded.diagnostics)
        var part = Result(profiles: decoded.profiles, diagnostics: decoded.diagnostics)
        refuseBeyondProfileLimit(&part, file: file)
        result.take(part)
    }

    private func decode(
        _ bytes: [UInt8], file: String, format: Format?, skippingOtherTables: Bool, origin: FileOrigin?,
        progress: (@Sendable (Int) -> Void)?
    ) -> (profiles: [LoadedProfile], diagnostics: [Diagnostic]) {
        if format == .xlsx {
            return ProfileSheet.decodeXLSX(
                bytes, file: file, sheet: sheet, skippingOtherTables: skippingOtherTables, limits: limits)
        }
        if let problem = Self.screen(bytes, file: file) { return ([], [problem]) }
        let detected =
            format
            ?? {
                let first = bytes.drop(while: { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }).first
                return first == UInt8(ascii: "<") ? .xml : .json
            }()
        return switch detected {
        case .xml: ProfileXML.decode(bytes, file: file, threads: threads, limits: limits)
        case .csv:
            ProfileSheet.decodeCSV(bytes, file: file, skippingOtherTables: skippingOtherTables, limits: limits)
        case .json, .xlsx:
            ProfileJSON.decode(
                bytes, file: file, threads: threads, limits: limits, origin: origin, progress: progress)
        }
    }
}
