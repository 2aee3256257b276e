import Foundation
import ZIPFoundation

/// Checks a ZIP archive's directory against the file before ZIPFoundation reads it: an offset
/// or a size that points past the data traps inside `Archive(data:)` (a 4-byte change to a
/// workbook suffices), and a deflated entry whose stream does not end within its compressed
/// bytes makes ZIPFoundation's inflate loop spin forever (found by fuzzing: a 5 KB workbook).
/// Every offset and size is checked with overflow-free arithmetic on 64-bit integers; see
/// APPNOTE.TXT (PKWARE) sections 4.3.7, 4.3.12 and 4.3.16.
enum ZIPStructure {
    /// The problem of bytes that are no ZIP archive at all.
    static let noDirectory = "no end of central directory record"

    /// What is wrong with the archive's structure, or `nil` when every entry lies within it.
    static func problem(_ bytes: [UInt8]) -> String? {
        guard let end = endOfCentralDirectory(bytes) else { return noDirectory }
        let entries = Int(u16(bytes, end + 10))
        let directorySize = Int(u32(bytes, end + 12))
        let directoryOffset = Int(u32(bytes, end + 16))
        if u16(bytes, end + 4) != 0 || u16(bytes, end + 6) != 0 || u16(bytes, end + 8) != entries {
            return "archives split over several disks are not supported"
        }
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            return "ZIP64 archives are not supported"
        }
        guard directoryOffset + directorySize <= end else { return "the central directory lies outside the file" }
        var position = directoryOffset
        for index in 0..<entries {
            guard position + 46 <= directoryOffset + directorySize, u32(bytes, position) == 0x0201_4B50 else {
                return "central directory entry \(index + 1) is damaged"
            }
            let compressed = Int(u32(bytes, position + 20))
            // A stored entry holds as many bytes as it expands to: ZIPFoundation reads the
            // larger of the two and trapped.
            if u16(bytes, position + 10) == 0, u32(bytes, position + 24) != UInt32(compressed) {
                return "entry \(index + 1) is stored but declares two different sizes"
            }
            let local = Int(u32(bytes, position + 42))
            let length =
                46 + Int(u16(bytes, position + 28)) + Int(u16(bytes, position + 30))
                + Int(u16(bytes, position + 32))
            if let problem = localEntry(bytes, at: local, compressed: compressed, before: directoryOffset)
                ?? deflateProblem(
                    bytes, at: local, compressed: compressed, method: u16(bytes, position + 10),
                    declared: Int(u32(bytes, position + 24)))
            {
                return "entry \(index + 1): \(problem)"
            }
            position += length
        }
        guard position <= directoryOffset + directorySize else { return "the central directory overruns its size" }
        return nil
    }

    /// The local header at `offset` and its data lie before the central directory.
    private static func localEntry(_ bytes: [UInt8], at offset: Int, compressed: Int, before limit: Int) -> String? {
        guard offset + 30 <= limit, u32(bytes, offset) == 0x0403_4B50 else {
            return "its local header lies outside the file"
        }
        let data = offset + 30 + Int(u16(bytes, offset + 26)) + Int(u16(bytes, offset + 28))
        guard data + compressed <= limit else { return "its data runs past the end of the file" }
        return nil
    }

    private struct Truncated: Error {}
    private struct Overflow: Error {}

    /// What is wrong with a deflated entry's stream: it must end within its compressed bytes and
    /// expand to no more than it declares. Inflated once, counted and thrown away.
    private static func deflateProblem(
        _ bytes: [UInt8], at offset: Int, compressed: Int, method: UInt16, declared: Int
    ) -> String? {
        guard method == 8 else { return nil }
        let start = offset + 30 + Int(u16(bytes, offset + 26)) + Int(u16(bytes, offset + 28))
        let end = start + compressed
        var produced = 0
        do {
            // ZIPFoundation's inflate tells zlib that every chunk holds `bufferSize` bytes,
            // whatever the provider returned: a shorter last chunk let zlib read past it (a
            // fuzzed workbook crashed in libz). The whole entry is therefore one chunk of
            // exactly that size, and a second request means the stream has not ended.
            _ = try Data.decompress(
                size: Int64(compressed), bufferSize: max(compressed, 1), skipCRC32: true,
                provider: { position, size in
                    let from = start + Int(position)
                    // ZIPFoundation asks again and again for input a stream lacks: refuse.
                    guard from < end, from + size == end else { throw Truncated() }
                    return Data(bytes[from..<end])
                },
                consumer: { chunk in
                    produced += chunk.count
                    if produced > declared { throw Overflow() }
                })
        } catch is Truncated {
            return "its compressed data ends before its stream does"
        } catch is Overflow {
            return "it expands beyond the size it declares"
        } catch {
            return "its compressed data is damaged"
        }
        return nil
    }

    /// The offset of the end of central directory record: searched backwards over the last
    /// 64 KiB + 22 bytes, where a comment may push it.
    private static func endOfCentralDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var position = bytes.count - 22
        while position >= lowest {
            if u32(bytes, position) == 0x0605_4B50 { return position }
            position -= 1
        }
        return nil
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= bytes.count else { return 0 }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= bytes.count else { return 0 }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3])
            << 24
    }
}
