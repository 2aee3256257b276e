import ArgumentParser
import SymbioseCore
import SymbioseEngine
import SymbioseReport

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "List, per firm, the flows its activity usually has that its profile does not declare.",
        discussion: """
            Compares each profile with the typical flows of its NAF activity code \
            (Docs/activity-profiles.md): every flow most sites of the activity have, and that \
            the profile declares neither exactly nor through a more or less specific code, is \
            listed with its usual amount for the firm's headcount and its source. A prompt for \
            the next interview, not a finding. Profiles are checked as validate does; exit \
            status 1 when any is invalid, 73 if the output cannot be written.
            """)

    @Argument(help: ArgumentHelp("Profile files or directories; - reads standard input.", valueName: "path"))
    var paths: [String]

    @Option(help: "text or json.")
    var format = FormatChoice<TextFormats>(.text)

    @Option(
        name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var replace: ForceOption

    @OptionGroup var activities: ActivitiesOption

    @OptionGroup var options: ProfileOptions

    func run() throws {
        let (profiles, taxonomy) = try EngineFront(options: options).checked(paths)
        let language = options.language
        let base = try activities.base(taxonomy: taxonomy, console: options.console)
        let suggestions = profiles.map { Suggestion(profile: $0, base: base) }
        let text =
            format.format == .json
            ? SuggestionText.json(suggestions, language: language)
            : SuggestionText.text(suggestions, base: base, writer: ReasonWriter(taxonomy: taxonomy, language: language))
        try OutputFile.writeOrExit(text, to: output, force: replace.force, language: language)
    }
}
