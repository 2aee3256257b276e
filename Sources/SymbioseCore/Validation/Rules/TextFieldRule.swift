/// Text fields hold text that every output can carry (`value.control-character`,
/// `value.too-long`): no control characters (XML 1.0 cannot hold most of them, and a terminal
/// would run them), no line break in a one-line field, and lengths a person could type.
public struct TextFieldRule: ProfileRule {
    public init() {}

    /// The longest one-line field (a name, a commune) and the longest note, in characters.
    public static let maximumLineLength = 300
    public static let maximumNoteLength = 10_000

    public func check(_ profile: Profile, taxonomy: Taxonomy, into reporter: inout RuleReporter) {
        let lines: [(String?, String)] = [
            (profile.company.name, "company.name"), (profile.company.group, "company.group"),
            (profile.site.address, "site.address"), (profile.site.commune, "site.commune"),
            (profile.site.zone, "site.zone"),
            (profile.contact?.name, "contact.name"), (profile.contact?.email, "contact.email"),
            (profile.contact?.phone, "contact.phone"),
        ]
        for (value, key) in lines { if let value { check(value, at: key, multiline: false, &reporter) } }
        for direction in [FlowDirection.output, .input] {
            let flows = direction == .output ? profile.outputs : profile.inputs
            for index in flows.indices
            where flows[index].note != nil || flows[index].resourceText != nil
                || !flows[index].quality.contaminants.isEmpty
            {
                let (flow, key) = (flows[index], ProfileSource.flowKey(direction, index))
                if let note = flow.note { check(note, at: key + ".note", multiline: true, &reporter) }
                if let text = flow.resourceText {
                    check(text, at: key + ".resourceText", multiline: false, &reporter)
                }
                for contaminant in flow.quality.contaminants {
                    check(contaminant, at: key + ".contaminants", multiline: false, &reporter)
                }
            }
        }
    }

    private func check(_ value: String, at key: String, multiline: Bool, _ reporter: inout RuleReporter) {
        let limit = multiline ? Self.maximumNoteLength : Self.maximumLineLength
        // A character takes at least one byte: only a text of more bytes than the limit is counted.
        if value.utf8.count > limit, value.count > limit {
            reporter.error(
                .valueTooLong,
                LocalizedText(
                    en: "\(key) holds \(value.count) characters, more than \(limit)",
                    fr: "\(key) contient \(value.count) caractères, plus que \(limit)"),
                at: key)
        }
        // Control characters are single bytes in UTF-8, and no other character holds those bytes.
        guard
            let bad = value.utf8.first(where: { byte in
                (byte < 0x20 || byte == 0x7F) && byte != 0x09 && !(multiline && (byte == 0x0A || byte == 0x0D))
            })
        else { return }
        let code = "U+" + String(bad, radix: 16, uppercase: true).leftPadded(to: 4)
        reporter.error(
            .valueControlCharacter,
            LocalizedText(
                en: "\(key) holds the control character \(code)" + (multiline ? "" : " (a line break or other)"),
                fr: "\(key) contient le caractère de contrôle \(code)" + (multiline ? "" : " (saut de ligne ou autre)")),
            at: key)
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
