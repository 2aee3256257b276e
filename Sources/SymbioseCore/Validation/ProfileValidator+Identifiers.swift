extension ProfileValidator {
    /// Lowercase letters, digits, `-`, `_`, `.`, starting with a letter or digit, at most 64.
    public static func isValidIdentifier(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.count <= 64 else { return false }
        func allowed(_ scalar: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    /// `NN.NN` followed, for NAF rév. 2, by one capital letter: `10.81Z`, or `10.81` (NACE).
    public static func isValidNAF(_ naf: String) -> Bool {
        let scalars = Array(naf.unicodeScalars)
        guard scalars.count == 5 || scalars.count == 6 else { return false }
        for (offset, scalar) in scalars.enumerated() {
            switch offset {
            case 2: if scalar != "." { return false }
            case 5: if !("A"..."Z").contains(scalar) { return false }
            default: if !("0"..."9").contains(scalar) { return false }
            }
        }
        return true
    }

    /// Fourteen digits with a valid Luhn checksum (the rule INSEE applies to SIRET numbers).
    public static func isValidSIRET(_ siret: String) -> Bool {
        let digits = siret.unicodeScalars.compactMap { ("0"..."9").contains($0) ? Int($0.value - 48) : nil }
        guard digits.count == 14, siret.unicodeScalars.count == 14 else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            if offset % 2 == 1 {
                let doubled = digit * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += digit
            }
        }
        return sum % 10 == 0
    }
}
