import SymbioseCore
import SymbioseEngine

extension RunReport {
    /// The report of an engine's run: its valid profiles, validation diagnostics, reference data
    /// and settings, listing `synergies` — what the command line, the server and the
    /// benchmarks render.
    public init(
        _ subject: Subject, of synergies: [Synergy], engine: Engine, outcome: MatchOutcome,
        presentation: Presentation
    ) {
        self.init(
            subject: subject, result: outcome.result, profiles: outcome.profiles,
            validation: outcome.validated.diagnostics, taxonomy: engine.taxonomy,
            settings: engine.configuration.settings, factors: engine.references.factors,
            transport: engine.configuration.transport, synergies: synergies, presentation: presentation)
        style.threads = engine.configuration.settings.threads
    }
}
