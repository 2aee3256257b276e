#if canImport(Glibc)
    import CMalloc
#endif

/// Memory freed between stages given back to the system, on Linux.
///
/// The index is hundreds of thousands of small objects (a flow, its gate, its place in the
/// grids) allocated before the synergies, which then fill the allocator's heap above them.
/// Freed, they leave a hole the allocator keeps but cannot hand back by shrinking its heap, and
/// ranking then takes fresh memory for the ranked list on top of it: at 100,000 sites the run
/// held some 95 MiB it no longer used. glibc's `malloc_trim` returns the whole free pages inside
/// such holes. The outputs are the same bytes.
enum FreedMemory {
    static func giveBack() {
        #if canImport(Glibc)
            _ = malloc_trim(0)
        #endif
    }
}
