import Foundation
import SymbioseCore
import SymbioseEngine
import SymbioseFormats

/// Reads and validates a profile document with the CLI's reader and rules.
public struct ProfileCheck: Sendable {
    let engine: Engine

    struct Outcome: Sendable {
        /// The one profile read, as given (resource codes resolved from words included).
        var profile: Profile?
        /// That profile as stored, when it is of the expected company.
        var document: String?
        var diagnostics: [Diagnostic]
        var isValid: Bool { document != nil && !diagnostics.containsErrors }
    }

    /// The diagnostics of `bytes` (a profile file in any format the CLI reads) and, when it
    /// holds exactly one profile, of `companyID`, that profile as a `symbiose/profile@1` document.
    func check(_ bytes: [UInt8], file: String, format: ProfileLoader.Format?, companyID: String) -> Outcome {
        var engine = self.engine
        engine.configuration.limits = .upload
        engine.configuration.settings.threads = 1
        let validated = engine.validate(engine.load(.bytes(bytes, file: file, format: format)))
        var diagnostics = validated.diagnostics
        if validated.profiles.count > 1 {
            diagnostics.append(
                .error(
                    .inputEmpty,
                    LocalizedText(
                        en: "the file holds \(validated.profiles.count) profiles: send one profile, your own",
                        fr: "le fichier contient \(validated.profiles.count) profils : envoyez un seul profil, le vôtre"
                    ),
                    at: SourceLocation(file: file)))
        }
        guard validated.asGiven.count == 1 else {
            return Outcome(profile: nil, document: nil, diagnostics: diagnostics)
        }
        let profile = validated.asGiven[0]
        if profile.company.id.rawValue != companyID {
            diagnostics.append(
                .error(
                    .inputEmpty,
                    LocalizedText(
                        en:
                            "this profile is of company \"\(profile.company.id.rawValue)\"; your invitation is for \"\(companyID)\"",
                        fr:
                            "ce profil est celui de l'entreprise « \(profile.company.id.rawValue) » ; votre invitation est pour « \(companyID) »"
                    ),
                    at: SourceLocation(file: file, path: "$.company.id")))
            return Outcome(profile: profile, document: nil, diagnostics: diagnostics)
        }
        return Outcome(profile: profile, document: ProfileJSON.encode([profile]), diagnostics: diagnostics)
    }

    /// The one profile of a stored document (stored documents are valid).
    public static func stored(_ text: String?) -> Profile? {
        guard let text else { return nil }
        return ProfileJSON.decode(Array(text.utf8), file: "store", threads: 1).profiles.first?.profile
    }
}
