import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Memory in huge pages for large runs, on Linux.
///
/// A large territory is gigabytes of small allocations, and the kernel maps and zeroes the
/// memory one 4 KiB page at a time: at a million sites, an eighth of the processor time went to
/// those page faults. glibc's allocator asks the kernel for transparent huge pages (2 MiB) when
/// its `glibc.malloc.hugetlb` tunable is 1, which it reads only as the process starts. So, when
/// the system gives huge pages on request (`madvise` mode) and the tunable is not already set
/// either way, the command starts itself once more with it set, before doing anything else.
/// The outputs are the same bytes; only the speed changes. Setting `GLIBC_TUNABLES` to
/// `glibc.malloc.hugetlb=0` turns it off.
public enum HugePages {
    /// The tunable added to glibc's.
    static let tunable = "glibc.malloc.hugetlb"

    /// The `GLIBC_TUNABLES` value to start again with, or `nil` to go on as is: when the
    /// tunable is already set (either way), or when transparent huge pages are not given on
    /// request (`mode` is the text of the kernel's setting, `nil` when it cannot be read).
    public static func tunables(current: String?, mode: String?) -> String? {
        guard let mode, mode.contains("[madvise]") else { return nil }
        guard let current, !current.isEmpty else { return "\(tunable)=1" }
        guard !current.contains(tunable) else { return nil }
        return current + ":\(tunable)=1"
    }

    /// Starts the command again with huge pages on request, when `tunables` says so; goes on
    /// as is if the system cannot start it again.
    public static func restartIfUseful() {
        #if canImport(Glibc)
            let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
            guard let value = tunables(current: current, mode: kernelMode()) else { return }
            setenv("GLIBC_TUNABLES", value, 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            // Not started again: go on as is, with the environment as it was.
            if let current { setenv("GLIBC_TUNABLES", current, 1) } else { unsetenv("GLIBC_TUNABLES") }
        #endif
    }

    /// The kernel's transparent huge page setting, such as `always [madvise] never`.
    private static func kernelMode() -> String? {
        try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
    }
}
