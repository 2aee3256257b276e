import SymbioseCore

extension ProfileSheet {
    /// The rows of the flat layout for `profiles`: the header in `language`, then one row per
    /// flow (outputs first, in declaration order) with the company and site cells repeated, or
    /// one row of company cells alone for a profile without flows.
    ///
    /// Words (direction, status, yes/no…) are written in `language`; reading accepts either.
    public static func rows(_ profiles: [Profile], language: Language) -> [[SheetValue?]] {
        var rows: [[SheetValue?]] = [SheetColumn.allCases.map { .text($0.header[language]) }]
        for profile in profiles {
            let company = companyCells(profile, language: language)
            if profile.flows.isEmpty {
                rows.append(SheetColumn.allCases.map { company[$0] ?? nil })
            }
            for flow in profile.flows {
                let cells = flowCells(flow, language: language)
                rows.append(SheetColumn.allCases.map { company[$0] ?? cells[$0] ?? nil })
            }
        }
        return rows
    }

    /// The profiles as a workbook with one sheet.
    public static func xlsx(_ profiles: [Profile], language: Language) throws -> [UInt8] {
        try XLSXWriter.workbook(
            rows: rows(profiles, language: language), sheetName: LocalizedText(en: "Profiles", fr: "Profils")[language],
            textColumns: Set(SheetColumn.allCases.enumerated().filter { $0.element.isCode }.map(\.offset)),
            choices: choices(language: language))
    }

    /// The drop-down lists of the enumerated columns, in `language`'s words: what a person
    /// filling the sheet picks from (typed values in either language are still read).
    static func choices(language: Language) -> [Int: [String]] {
        func words<Value: RawRepresentable & Equatable & CaseIterable>(_ table: [(Value, [String])]) -> [String]
        where Value.RawValue == String {
            Value.allCases.map { SheetVocabulary.word($0, in: table, language: language) }
        }
        let yesNo = [true, false].map { yesNoWord($0, language) }
        var lists: [SheetColumn: [String]] = [
            .direction: words(SheetVocabulary.direction), .per: words(SheetVocabulary.period),
            .medium: words(SheetVocabulary.medium), .grade: words(SheetVocabulary.grade),
            .state: words(SheetVocabulary.state), .status: words(SheetVocabulary.status),
            .confidence: words(SheetVocabulary.confidence), .unit: QuantityUnit.allCases.map(\.rawValue),
            .approximate: yesNo, .hazardous: yesNo, .confidential: yesNo, .planned: yesNo,
            .outlet: words(SheetVocabulary.outlet),
        ]
        lists[.priceUnit] = lists[.unit]
        lists[.disposalCostUnit] = lists[.unit]
        var result: [Int: [String]] = [:]
        for (offset, column) in SheetColumn.allCases.enumerated() {
            if let list = lists[column] { result[offset] = list }
        }
        return result
    }

    /// The profiles as CSV the way spreadsheets of `language` read it: in French, `;` between
    /// fields and a decimal comma; in English, `,` and a decimal point. UTF-8 with a byte order
    /// mark (which spreadsheets need to recognise UTF-8), lines ending in CRLF (RFC 4180).
    public static func csv(_ profiles: [Profile], language: Language) -> String {
        let fields = rows(profiles, language: language).map { row in
            row.map { value -> String in
                switch value {
                case nil: ""
                case .number(let number): NumberFormatting.plain(number, decimalMark: language.decimalMark)
                case .bool(let flag): yesNoWord(flag, language)
                case .text(let string): string
                }
            }
        }
        return CSVWriter.text(fields, separator: language.csvSeparator, byteOrderMark: true)
    }

    private static func yesNo(_ flag: Bool, _ language: Language) -> SheetValue {
        .text(yesNoWord(flag, language))
    }

    private static func yesNoWord(_ flag: Bool, _ language: Language) -> String {
        flag ? LocalizedText(en: "yes", fr: "oui")[language] : LocalizedText(en: "no", fr: "non")[language]
    }

    private static func companyCells(_ profile: Profile, language: Language) -> [SheetColumn: SheetValue?] {
        let company = profile.company
        let site = profile.site
        return [
            .companyID: .text(company.id.rawValue), .companyName: .text(company.name),
            .naf: company.naf.map(SheetValue.text),
            .siret: company.siret.map(SheetValue.text), .group: company.group.map(SheetValue.text),
            .employees: company.employees.map { .number(Double($0)) },
            .latitude: site.latitude.map(SheetValue.number), .longitude: site.longitude.map(SheetValue.number),
            .approximate: site.approximate ? yesNo(true, language) : nil, .commune: site.commune.map(SheetValue.text),
            .address: site.address.map(SheetValue.text),
            .postcode: site.postcode.map(SheetValue.text), .zone: site.zone.map(SheetValue.text),
            .contactName: profile.contact?.name.map(SheetValue.text),
            .contactEmail: profile.contact?.email.map(SheetValue.text),
            .contactPhone: profile.contact?.phone.map(SheetValue.text),
        ]
    }

    private static func flowCells(_ flow: Flow, language: Language) -> [SheetColumn: SheetValue?] {
        func word<Value: RawRepresentable & Equatable>(_ value: Value?, _ table: [(Value, [String])]) -> SheetValue?
        where Value.RawValue == String {
            value.map { .text(SheetVocabulary.word($0, in: table, language: language)) }
        }
        let quality = flow.quality
        var cells: [SheetColumn: SheetValue?] = [
            .direction: word(flow.direction, SheetVocabulary.direction), .flowID: .text(flow.id.rawValue),
            .resource: flow.resource.rawValue.isEmpty ? nil : .text(flow.resource.rawValue),
            .resourceText: flow.resourceText.map(SheetValue.text),
            .quantity: flow.quantity.map { .number($0.value) }, .unit: flow.quantity.map { .text($0.unit.rawValue) },
            .per: word(flow.quantity?.period, SheetVocabulary.period),
            .hours: flow.quantity?.hours.map(SheetValue.number),
            .temperature: quality.temperature.map(SheetValue.number),
            .medium: word(quality.medium, SheetVocabulary.medium),
            .grade: word(quality.waterGrade, SheetVocabulary.grade), .purity: quality.purity.map(SheetValue.number),
            .methane: quality.methane.map(SheetValue.number),
            .state: word(quality.state, SheetVocabulary.state),
            .hazardous: quality.hazardous.map { yesNo($0, language) }, .ewc: quality.ewc.map(SheetValue.text),
            .maxDistanceKm: flow.maxDistanceKm.map(SheetValue.number),
            .status: word(flow.status, SheetVocabulary.status),
            .confidence: flow.confidence == .declared ? nil : word(flow.confidence, SheetVocabulary.confidence),
            .confidential: flow.confidential ? yesNo(true, language) : nil, .note: flow.note.map(SheetValue.text),
            .monthShares: flow.monthShares.map { .text($0.map(JSONOutput.format).joined(separator: " ")) },
            .existingPartner: flow.existingPartner.map { .text($0.rawValue) },
            .planned: flow.planned ? yesNo(true, language) : nil,
            .outlet: word(flow.outlet, SheetVocabulary.outlet),
        ]
        if !quality.contaminants.isEmpty {
            let separator = quality.contaminants.contains { $0.contains(",") || $0.contains(";") } ? " | " : ", "
            cells[.contaminants] = .text(quality.contaminants.joined(separator: separator))
        }
        switch flow.availability {
        case .continuous: break
        case .seasonal(let months): cells[.months] = .text(months.map(String.init).joined(separator: " "))
        case .oneOff(let year, let month): cells[.oneOff] = .text(ProfileText.yearMonth(year: year, month: month))
        }
        for (cost, value, currency, unit) in [
            (flow.price, SheetColumn.price, SheetColumn.priceCurrency, SheetColumn.priceUnit),
            (flow.disposalCost, .disposalCost, .disposalCostCurrency, .disposalCostUnit),
        ] {
            guard let cost else { continue }
            cells[value] = .number(cost.value)
            cells[currency] = .text(cost.currency)
            cells[unit] = .text(cost.unit.rawValue)
        }
        return cells
    }
}
