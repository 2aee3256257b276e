/// European List of Waste codes (Commission Decision 2000/532/EC): six digits in three pairs,
/// `NN NN NN`, with a trailing `*` for hazardous entries.
public enum EWCCode {
    /// Whether `code` is written `NN NN NN` or `NN NN NN*`.
    public static func isWellFormed(_ code: String) -> Bool {
        let scalars = Array(code.unicodeScalars)
        guard scalars.count == 8 || (scalars.count == 9 && scalars[8] == "*") else { return false }
        for (offset, scalar) in scalars.prefix(8).enumerated() {
            if offset == 2 || offset == 5 {
                if scalar != " " { return false }
            } else if !("0"..."9").contains(scalar) {
                return false
            }
        }
        return true
    }

    /// Whether a well-formed code marks a hazardous waste.
    public static func isHazardous(_ code: String) -> Bool { code.hasSuffix("*") }

    /// The code without its hazard mark, for comparing codes.
    public static func base(_ code: String) -> String {
        code.hasSuffix("*") ? String(code.dropLast()) : code
    }
}
