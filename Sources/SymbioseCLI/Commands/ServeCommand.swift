import ArgumentParser
import Foundation
import Hummingbird
import Logging
import SymbioseCore
import SymbioseEngine
import SymbioseServer
import SymbioseStore

/// `symbiose serve`: the web portal.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web portal: firms answer from invitation links, facilitators run territories.",
        discussion: "See Docs/server.md.")

    @OptionGroup var store: StoreOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(help: ArgumentHelp("The address firms reach the portal at, for invitation links.", valueName: "url"))
    var publicURL: String?

    @Flag(help: "Load the Soissonnais-Valois demo territory and print a facilitator login and three invitation links.")
    var demo = false

    func validate() throws {
        if !(1...65_535).contains(port) { throw ValidationError("--port is between 1 and 65535") }
    }

    /// A line on standard output at once, before the server's own log lines.
    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    func run() async throws {
        let store = try await self.store.open()
        let url = publicURL ?? "http://\(host):\(port)"
        var portal = Portal(store: store, publicURL: url.hasSuffix("/") ? String(url.dropLast()) : url)
        portal.secureCookies = url.hasPrefix("https://")
        if demo {
            let access = try await DemoTerritory(portal: portal).load()
            say("Facilitator: \(access.email)  password: \(access.password)")
            say("Territory:   \(url)/territories/\(access.territoryID)")
            for (name, link) in access.links { say("Invitation for \(name): \(link)") }
        }
        var logger = Logger(label: "symbiose")
        logger.logLevel = .info
        say("Symbiose portal on \(url) (database \(self.store.shown)); Ctrl-C stops it.")
        try await portal.application(host: host, port: port, logger: logger).runService()
    }
}

/// The store every command that touches it names the same way.
struct StoreOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The portal's database: an SQLite file (created when absent) or postgres://user:password@host/database.",
            valueName: "file|url"))
    var db = "symbiose.sqlite"

    var isPostgres: Bool { db.hasPrefix("postgres://") || db.hasPrefix("postgresql://") }

    /// The database as it may be printed: a PostgreSQL address without its password.
    var shown: String {
        guard isPostgres, var parts = URLComponents(string: db) else { return db }
        parts.password = nil
        return parts.string ?? "postgres://…"
    }

    func open() async throws -> any SymbioseStore {
        guard isPostgres else { return try openSQLite() }
        do {
            return try await PostgresStore(url: db)
        } catch {
            throw StoreFailure.fail("\(shown): cannot open the database: \(error)")
        }
    }

    func openSQLite() throws -> SQLiteStore {
        if isPostgres {
            throw StoreFailure.fail("\(shown): back up a PostgreSQL database with pg_dump (Docs/server.md)")
        }
        do {
            return try SQLiteStore(path: db)
        } catch {
            throw StoreFailure.fail("\(db): cannot open the database: \(error)")
        }
    }
}

/// A store that cannot be opened or written: the message on standard error, exit status 74.
enum StoreFailure {
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        return ExitStatus.storeFailure
    }
}
