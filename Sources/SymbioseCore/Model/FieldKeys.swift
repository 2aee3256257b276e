import Foundation

/// The keys of many profiles' field locations, each written once and numbered.
///
/// The profiles of one file repeat the same few hundred keys (`outputs[0].quantity.value`), each
/// a million times in a national file: about 520 bytes of keys a profile, half a gigabyte at a
/// million sites. Profiles that share their keys here (``FieldLocations/share(keysIn:)``) keep
/// only the keys' numbers. Numbers are given under a lock, so the profiles of a file read on
/// several threads may share one table; a number, once given, always names the same key.
public final class FieldKeys: @unchecked Sendable {
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    /// Where each key starts in `bytes`, and where the last one ends.
    private var bounds: [Int] = [0]
    private var numbers: [Key: Int32] = [:]

    /// A key's bytes, hashed in one call: an array of bytes is hashed a byte at a time.
    private struct Key: Hashable {
        let bytes: ArraySlice<UInt8>

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    public init() {}

    /// How many keys have a number.
    public var count: Int { lock.withLock { numbers.count } }

    /// The numbers of `count` keys, `key` giving each one; keys met for the first time are given
    /// the next numbers. `nil`, with nothing given, when the numbers would go beyond 32 bits.
    ///
    /// The lock is held only to take the table as it stands, and again when a key is new: after
    /// a file's first profiles every key is known, and the threads no longer wait for each other.
    /// Held for every look-up, two threads reading a file waited on it for a tenth of the read.
    func numbers(_ count: Int, of key: (Int) -> ArraySlice<UInt8>) -> [Int32]? {
        // A copy of the table, which the lock's holder copies in turn before changing it.
        let known = lock.withLock { numbers }
        var found: [Int32] = []
        found.reserveCapacity(count)
        for position in 0..<count {
            guard let number = known[Key(bytes: key(position))] else { break }
            found.append(number)
        }
        if found.count == count { return found }
        return lock.withLock {
            guard numbers.count + count <= Int(Int32.max) else { return nil }
            for position in found.count..<count {
                let wanted = key(position)
                if let number = numbers[Key(bytes: wanted)] {
                    found.append(number)
                    continue
                }
                let number = Int32(numbers.count)
                bytes.append(contentsOf: wanted)
                bounds.append(bytes.count)
                numbers[Key(bytes: ArraySlice(Array(wanted)))] = number
                found.append(number)
            }
            return found
        }
    }

    /// The number of `key`, if it has one: never gives a new one.
    func existingNumber(of key: ArraySlice<UInt8>) -> Int32? {
        lock.withLock { numbers[Key(bytes: key)] }
    }

    /// The bytes of the key numbered `number`.
    func key(_ number: Int32) -> ArraySlice<UInt8> {
        lock.withLock { bytes[bounds[Int(number)]..<bounds[Int(number) + 1]] }
    }
}
