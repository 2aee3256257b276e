import Foundation
import Testing

/// `users`, `db backup` and `db export` on a database of their own.
@Suite struct StoreCommandTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("store-commands-\(UUID())")

    @Test func accountsBackupsAndExportsAsAFacilitatorWouldUseThem() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("portal.sqlite").path
        let added = try Binary.run(
            ["users", "add", "--email", "Anne@CCI.test", "--role", "facilitator", "--password-stdin", "--db", db],
            stdin: "un mot de passe assez long\n")
        #expect(added.status == 0)
        #expect(added.stdout.contains("anne@cci.test"))
        #expect(!added.stdout.contains("un mot de passe"))
        let again = try Binary.run(
            ["users", "add", "--email", "anne@cci.test", "--role", "admin", "--db", db])
        #expect(again.status == 74)
        #expect(again.stderr.contains("already exists"))
        let short = try Binary.run(
            ["users", "add", "--email", "b@cci.test", "--role", "admin", "--password-stdin", "--db", db],
            stdin: "court\n")
        #expect(short.status == 64)
        let made = try Binary.run(["users", "add", "--email", "c@cci.test", "--role", "admin", "--db", db])
        #expect(made.stdout.contains("Password (shown once): "))
        #expect(
            try Binary.run(["users", "list", "--db", db]).stdout == "facilitator\tanne@cci.test\nadmin\tc@cci.test\n")

        let copy = folder.appendingPathComponent("copy.sqlite").path
        #expect(try Binary.run(["db", "backup", copy, "--db", db]).status == 0)
        #expect(try Binary.run(["users", "list", "--db", copy]).stdout.contains("anne@cci.test"))
        let twice = try Binary.run(["db", "backup", copy, "--db", db])
        #expect(twice.status == 74)

        let export = folder.appendingPathComponent("export").path
        #expect(try Binary.run(["db", "export", export, "--db", db]).status == 0)
        #expect(try Binary.run(["db", "export", folder.path, "--db", db]).status == 74)
    }
}
