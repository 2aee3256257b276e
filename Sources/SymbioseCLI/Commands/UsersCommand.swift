import ArgumentParser
import Foundation
import SymbioseStore

/// `symbiose users`: the portal's accounts.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage the portal's accounts.", subcommands: [AddUser.self, ListUsers.self])

    struct AddUser: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Create an account; its password is read from standard input, or made and printed once.")

        @Option(help: "The account's e-mail address, its login.")
        var email: String

        @Option(help: "facilitator (runs their territories) or admin (every territory).")
        var role: Role

        @Flag(help: "Read the password from the first line of standard input (at least 10 characters).")
        var passwordStdin = false

        @OptionGroup var store: StoreOption

        func validate() throws {
            let parts = email.split(separator: "@")
            if parts.count != 2 || parts[1].isEmpty || email.count > 254 || email.contains(" ") {
                throw ValidationError("--email is not an e-mail address: \(email)")
            }
        }

        func run() async throws {
            let password: String
            if passwordStdin {
                guard let line = readLine(strippingNewline: true), line.count >= 10 else {
                    throw ValidationError("the password on standard input must have at least 10 characters")
                }
                password = line
            } else {
                password = String(Secrets.token().prefix(16))
            }
            let store = try await self.store.open()
            do {
                let user = try await store.addUser(
                    email: email.lowercased(), role: role, passwordHash: Secrets.hash(password: password), at: Date())
                print("Created \(user.role.rawValue) \(user.email)")
                if !passwordStdin { print("Password (shown once): \(password)") }
            } catch StoreError.duplicateEmail(let email) {
                throw StoreFailure.fail("\(self.store.shown): an account \(email) already exists")
            }
        }
    }

    struct ListUsers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the accounts.")

        @OptionGroup var store: StoreOption

        func run() async throws {
            for user in try await store.open().users() { print("\(user.role.rawValue)\t\(user.email)") }
        }
    }
}

extension Role: ExpressibleByArgument {}

/// `symbiose db`: the portal's database.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db", abstract: "Back up or export the portal's database.",
        subcommands: [Backup.self, Export.self])

    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database, while the portal runs, to a new file (SQLite online backup).")

        @Argument(help: ArgumentHelp("The copy to write; it must not exist.", valueName: "file"))
        var file: String

        @OptionGroup var store: StoreOption

        func run() throws {
            guard !FileManager.default.fileExists(atPath: file) else {
                throw StoreFailure.fail("\(file) exists: give a new file name")
            }
            let temporary = file + ".part"
            try? FileManager.default.removeItem(atPath: temporary)
            do {
                try store.openSQLite().backup(to: temporary)
                try FileManager.default.moveItem(atPath: temporary, toPath: file)
            } catch let failure as ExitCode {
                throw failure
            } catch {
                try? FileManager.default.removeItem(atPath: temporary)
                throw StoreFailure.fail("\(file): cannot write the copy: \(error)")
            }
            print("Copied \(store.db) to \(file)")
        }
    }
}
