/// How much one read may take in, so that a file from outside (an e-mail attachment, a web
/// upload) is refused before it costs more than its size promised: the bytes of the file, the
/// values it may hold (JSON values, XML elements, spreadsheet cells), the profiles of one load,
/// the flows of one profile. Each limit breached is one located error, and the file (or the
/// profile) is refused whole, never cut.
///
/// ``standard`` is for files a user reads on their own machine and fits a national territory;
/// ``upload`` is for a file a firm sends through a web form.
public struct ReaderLimits: Sendable, Hashable {
    /// The largest file read, in bytes.
    public var bytes: Int
    /// The most a workbook part may inflate to, in bytes.
    public var inflatedBytes: Int
    /// The most values one file may hold: JSON values, XML elements, spreadsheet cells.
    public var values: Int
    /// The most profiles one load may hold, all files together.
    public var profiles: Int
    /// The most flows (inputs and outputs) one profile may declare.
    public var flowsPerProfile: Int

    public init(bytes: Int, inflatedBytes: Int, values: Int, profiles: Int, flowsPerProfile: Int) {
        self.bytes = bytes
        self.inflatedBytes = inflatedBytes
        self.values = values
        self.profiles = profiles
        self.flowsPerProfile = flowsPerProfile
    }

    /// Files on the user's own machine: 4 GiB (a million sites are about 0.9 GB of JSON),
    /// workbook parts up to 1 GiB, 500 million values, 5 million profiles, 10,000 flows each.
    public static let standard = ReaderLimits(
        bytes: 4 << 30, inflatedBytes: 1 << 30, values: 500_000_000, profiles: 5_000_000, flowsPerProfile: 10_000)

    /// A file sent through a web form: 20 MiB, workbook parts up to 200 MiB, 2 million values,
    /// 5,000 profiles, 500 flows each (a profile sheet of a whole territory fits).
    public static let upload = ReaderLimits(
        bytes: 20 << 20, inflatedBytes: 200 << 20, values: 2_000_000, profiles: 5_000, flowsPerProfile: 500)

    /// The error of a file larger than ``bytes``.
    public func tooLarge(_ size: Int, file: String) -> Diagnostic {
        .error(
            .inputTooLarge,
            LocalizedText(
                en: "the file is \(Self.sized(size, .en)); at most \(Self.sized(bytes, .en)) are read",
                fr: "le fichier fait \(Self.sized(size, .fr)) ; au plus \(Self.sized(bytes, .fr)) sont lus"),
            at: SourceLocation(file: file))
    }

    /// The error of a file holding more than ``values`` values, found at `location`.
    public func tooManyValues(at location: SourceLocation) -> Diagnostic {
        .error(.inputTooManyValues, Self.tooManyValues(values), at: location)
    }

    /// What a file holding more than `limit` values is told.
    public static func tooManyValues(_ limit: Int) -> LocalizedText {
        LocalizedText(
            en: "the file holds more than \(limit) values (JSON values, XML elements or cells): it is not read",
            fr:
                "le fichier contient plus de \(limit) valeurs (valeurs JSON, éléments XML ou cellules) : il n'est pas lu"
        )
    }

    /// The sizes of files, as a person reads them: `20 MiB`, `4 GiB`, `512 bytes`.
    static func sized(_ count: Int, _ language: Language) -> String {
        for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] where count >= 1 << shift {
            let value = Double(count) / Double(1 << shift)
            let text = value == value.rounded() ? String(Int(value)) : String(format1(value))
            return "\(language == .fr ? text.replacingOccurrences(of: ".", with: ",") : text) \(unit)"
        }
        return language == .fr ? "\(count) octets" : "\(count) bytes"
    }

    private static func format1(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
