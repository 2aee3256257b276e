import SymbioseCore

extension ProfileLoader {
    /// Rejects what is not text at all before any parser sees it: empty files, binary data
    /// (a NUL byte), and UTF-16 or UTF-32 text, which profiles never use.
    public static func screen(_ bytes: [UInt8], file: String) -> Diagnostic? {
        let location = SourceLocation(file: file)
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            return .error(.inputEmpty, LocalizedText(en: "the file is empty", fr: "le fichier est vide"), at: location)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .error(
                .inputEncoding,
                LocalizedText(
                    en: "the file is UTF-16 or UTF-32 encoded", fr: "le fichier est encodé en UTF-16 ou UTF-32"),
                at: location,
                notes: [LocalizedText(en: "save it as UTF-8", fr: "enregistrez-le en UTF-8")])
        }
        if let nul = bytes.prefix(65536).firstIndex(of: 0) {
            let line = bytes[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            return .error(
                .inputBinary,
                LocalizedText(
                    en: "the file holds binary data (a NUL byte), not text",
                    fr: "le fichier contient des données binaires (un octet NUL), pas du texte"),
                at: SourceLocation(file: file, line: line))
        }
        return nil
    }
}
