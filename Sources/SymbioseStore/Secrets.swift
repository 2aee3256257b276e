import Crypto
import Foundation
import HummingbirdBcrypt

/// Random tokens and password hashes: what the portal hands out is random, what it keeps is
/// a hash.
public enum Secrets {
    /// A URL-safe token of 256 random bits (43 characters), from the system's secure generator.
    public static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a token, in hexadecimal: what the store keeps of it.
    public static func hash(token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The bcrypt cost of new passwords (2^12 rounds); tests lower it.
    public static let passwordCost: UInt8 = 12

    public static func hash(password: String, cost: UInt8 = passwordCost) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    public static func verify(password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// Compares two tokens in time independent of where they differ.
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
