import ArgumentParser

/// The exit statuses of every command, documented in `Docs/cli.md`.
public enum ExitStatus {
    /// Everything went well (warnings allowed).
    public static let success = ExitCode(0)
    /// Some input is invalid: diagnostics on standard error say where.
    public static let invalidInput = ExitCode(1)
    /// The command line itself is wrong (unknown option, bad value).
    public static let usage = ExitCode(64)
    /// The output could not be written.
    public static let cannotWrite = ExitCode(73)
    /// The portal's database cannot be opened, read or written, or refuses the change (an
    /// account that exists already).
    public static let storeFailure = ExitCode(74)
}
