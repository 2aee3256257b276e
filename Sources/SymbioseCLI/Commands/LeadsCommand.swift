import ArgumentParser
import Foundation
import SymbioseCore
import SymbioseFollowUp
import SymbioseReport
import SymbioseServer
import SymbioseStore

/// `symbiose leads`: the synergies a facilitator follows, on the portal's database, so that all
/// of the follow-up can be done offline or scripted (`Docs/followup.md`).
struct LeadsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leads", abstract: "Follow synergies from detection to a signed exchange.",
        subcommands: [List.self, Show.self, Add.self, Move.self, Export.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a territory's leads: status, next action (! when overdue), flows that changed.")

        @Option(help: "The territory's number (as the portal shows it).") var territory: Int64
        @Option(help: "Only leads at this status.") var status: LeadStatus?
        @OptionGroup var store: StoreOption
        @Option(help: "fr or en (default: from LANG).") var lang: Language?

        func run() async throws {
            let language = LanguageChoice.resolve(lang)
            let (leads, checks) = try await LeadsCommand.read(store, territory: territory)
            let today = Day(Date()).text
            for stored in leads where status == nil || stored.lead.status == status {
                let lead = stored.lead
                let due = lead.due.map { (lead.isOverdue(today: today) ? "!" : "") + $0 } ?? "-"
                let changed = (checks[stored.id] ?? []).filter { $0.state != .unchanged }.count
                let flows =
                    changed == 0
                    ? "" : (language == .fr ? "\t⚠ \(changed) flux modifié(s)" : "\t⚠ \(changed) flow(s) changed")
                print("\(stored.id)\t\(lead.status.label[language])\t\(due)\t\(lead.title)\(flows)")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a lead: firms, flows, history, what is next.")

        @Argument(help: "The lead's number.") var id: Int64
        @OptionGroup var store: StoreOption
        @Option(help: "fr or en (default: from LANG).") var lang: Language?

        func run() async throws {
            let language = LanguageChoice.resolve(lang)
            let desk = LeadDesk(store: try await store.open())
            guard let stored = try await desk.store.lead(id: id) else {
                throw LeadsCommand.refuse(LocalizedText(en: "no lead \(id)", fr: "pas de piste \(id)"), language)
            }
            let checks = stored.lead.check(against: try await desk.currentProfiles(territoryID: stored.territoryID))
            print(LeadText(stored, checks: checks, language: language).text, terminator: "")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a territory's leads as CSV, .xlsx or JSON; named contacts only with --with-contacts.")

        @Option(help: "The territory's number.") var territory: Int64
        @Option(help: "csv, xlsx or json.") var format: LeadExportFormat = .csv
        @Option(
            name: .shortAndLong, help: ArgumentHelp("The file to write (default: standard output).", valueName: "file"))
        var output: String?
        @Flag(help: "Include the named contacts of each side.") var withContacts = false
        @OptionGroup var store: StoreOption
        @Option(help: "fr or en (default: from LANG).") var lang: Language?

        func run() async throws {
            let language = LanguageChoice.resolve(lang)
            let (leads, checks) = try await LeadsCommand.read(store, territory: territory)
            var table = LeadTable(leads: leads, today: Day(Date()).text, language: language)
            table.checks = checks
            table.withContacts = withContacts
            switch format {
            case .json: try OutputFile.writeOrExit(table.json, to: output, language: language)
            case .csv:
                let csv = TableExport.csv(table.rows, separator: language.csvSeparator, byteOrderMark: false)
                try OutputFile.writeOrExit(csv, to: output, language: language)
            case .xlsx:
                try OutputFile.refuseTerminal(output, language: language)
                try OutputFile.writeOrExit(to: output, language: language) {
                    try TableExport.workbook(table.rows, sheetName: "leads")
                }
            }
        }
    }

    /// A territory's leads and their flow checks against the profiles taking part now.
    static func read(_ option: StoreOption, territory: Int64) async throws -> ([StoredLead], [Int64: [FlowCheck]]) {
        let desk = LeadDesk(store: try await option.open())
        guard try await desk.store.territory(id: territory) != nil else {
            throw StoreFailure.fail("\(option.shown): no territory \(territory)")
        }
        let leads = try await desk.store.leads(territoryID: territory)
        let profiles = try await desk.currentProfiles(territoryID: territory)
        return (leads, Dictionary(uniqueKeysWithValues: leads.map { ($0.id, $0.lead.check(against: profiles)) }))
    }

    /// Prints a refusal on standard error; exit status 1.
    static func refuse(_ text: LocalizedText, _ language: Language) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(text[language])\n".utf8))
        return ExitStatus.invalidInput
    }
}

enum LeadExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, xlsx, json
}

extension LeadStatus: ExpressibleByArgument {}
extension AbandonReason: ExpressibleByArgument {}
extension Lead.Origin.Kind: ExpressibleByArgument {}
extension Lead.Kind: ExpressibleByArgument {}
