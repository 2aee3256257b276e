import Foundation

#if canImport(Glibc)
    import CMalloc
    import Glibc
#endif

/// Large blocks of memory given back to the system when they are freed, on Linux.
///
/// glibc's allocator gives a block of 128 KiB or more a mapping of its own, returned to the
/// system on free, but it raises that size to the largest such block freed so far (up to
/// 32 MiB). A run frees large arrays between its stages (the index, the parts of the
/// synergies), so after the first of them, arrays of up to 32 MiB came from the allocator's
/// heap, where freed memory cannot be given back once later blocks sit above it: at a million
/// sites the run held about 270 MiB more than it used. Fixing the size at glibc's default
/// keeps every large block in its own mapping. The outputs are the same bytes. A size set in
/// `GLIBC_TUNABLES` (`glibc.malloc.mmap_threshold`, or `glibc.malloc.trim_threshold`, which
/// also stops the raising) is left as it is.
public enum LargeBlocks {
    /// glibc's own starting size, in bytes.
    static let threshold: Int32 = 128 * 1024

    /// Whether to fix the size, given the `GLIBC_TUNABLES` value (`nil` when unset).
    public static func fixesSize(tunables: String?) -> Bool {
        guard let tunables else { return true }
        return !tunables.contains("glibc.malloc.mmap_threshold") && !tunables.contains("glibc.malloc.trim_threshold")
    }

    /// Fixes the size from which a block has its own mapping, unless `GLIBC_TUNABLES` sets it.
    public static func returnWhenFreed() {
        #if canImport(Glibc)
            guard fixesSize(tunables: getenv("GLIBC_TUNABLES").map { String(cString: $0) }) else { return }
            _ = mallopt(M_MMAP_THRESHOLD, threshold)
        #endif
    }
}
