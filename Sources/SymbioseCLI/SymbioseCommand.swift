import ArgumentParser

/// `symbiose`: industrial and territorial ecology from company resource profiles.
public struct SymbioseCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "symbiose",
        abstract: "Find industrial symbiosis opportunities in company resource profiles.",
        discussion: """
            Companies declare the resources they consume and release in XML or JSON profiles, or \
            in a spreadsheet. \
            Symbiose checks them, and finds what one firm's release could replace and what \
            several firms could share. See Docs/cli.md.
            """,
        version: "0.1.0",
        subcommands: [
            MatchCommand.self, PlanCommand.self, ReportCommand.self, FactorsCommand.self, ValidateCommand.self,
            GenerateCommand.self, ConvertCommand.self, ImportCommand.self, ExportCommand.self, SuggestCommand.self,
            TaxonomyCommand.self, TemplateCommand.self, ServeCommand.self, UsersCommand.self, DatabaseCommand.self,
            LeadsCommand.self,
        ]
    )

    public init() {}

    /// Parses the command line and runs the command, awaiting the asynchronous ones (`serve`,
    /// `users`); exits with the command's status.
    public static func runMain() async {
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}
