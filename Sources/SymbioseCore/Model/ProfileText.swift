/// Text forms shared by the XML and JSON formats.
public enum ProfileText {
    /// Reads `YYYY-MM`; the month is returned as written, for the validator to range-check.
    public static func yearMonth(_ text: String) -> (year: Int, month: Int)? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        return (year, month)
    }

    /// Writes `YYYY-MM`.
    public static func yearMonth(year: Int, month: Int) -> String {
        let y = String(year), m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-" + (m.count < 2 ? "0" + m : m)
    }
}
