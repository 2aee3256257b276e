import SymbioseCore

/// Where a run's profiles come from.
public enum ProfileInput: Sendable {
    /// Files and directories (directories recursively), `-` for standard input.
    case paths([String])
    /// Bytes already in memory, such as an upload; the format is detected from the first
    /// character unless given.
    case bytes([UInt8], file: String, format: ProfileLoader.Format? = nil)
    /// The bundled Soissonnais-Valois demo territory.
    case demo

    /// The name the demo territory's diagnostics carry.
    public static let demoFile = "demo:soissonnais-valois.json"

    /// The demo territory's JSON, as bundled.
    public static var demoBytes: [UInt8] { PackageResources.demo_soissonnais_valois_json }
}
