import Foundation
import SymbioseCLI
import SymbioseTestSupport
import Testing

@Suite struct HugePagesTests {
    @Test func asksForHugePagesOnlyWhenGivenOnRequestAndNotAlreadySet() {
        let madvise = "always [madvise] never\n"
        #expect(HugePages.tunables(current: nil, mode: madvise) == "glibc.malloc.hugetlb=1")
        #expect(HugePages.tunables(current: "", mode: madvise) == "glibc.malloc.hugetlb=1")
        #expect(
            HugePages.tunables(current: "glibc.malloc.arena_max=2", mode: madvise)
                == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1")
        // Already set either way: the user's choice stands, and a restarted command never restarts.
        #expect(HugePages.tunables(current: "glibc.malloc.hugetlb=0", mode: madvise) == nil)
        #expect(HugePages.tunables(current: "glibc.malloc.hugetlb=1", mode: madvise) == nil)
        // Huge pages always given, never given, or the setting unreadable: nothing to ask.
        #expect(HugePages.tunables(current: nil, mode: "[always] madvise never\n") == nil)
        #expect(HugePages.tunables(current: nil, mode: "always madvise [never]\n") == nil)
        #expect(HugePages.tunables(current: nil, mode: nil) == nil)
    }

    /// The command runs with the tunable set, and still reads its standard input.
    @Test func theCommandRunsWithHugePagesOnRequest() throws {
        #if os(Linux)
            let mode = try? String(contentsOfFile: "/sys/kernel/mm/transparent_hugepage/enabled", encoding: .utf8)
            guard let mode, mode.contains("[madvise]") else { return }
            let process = Process()
            process.executableURL = Binary.url
            process.arguments = ["validate", "-"]
            process.environment = ["LANG": "C"]
            let input = Pipe(), output = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            // The command waits for its input: its environment is read meanwhile.
            var environment = ""
            for _ in 0..<500 where !environment.contains("glibc.malloc.hugetlb=1") {
                let data = FileManager.default.contents(atPath: "/proc/\(process.processIdentifier)/environ")
                environment = String(decoding: data ?? Data(), as: UTF8.self)
                usleep(20_000)
            }
            let xml = try Data(contentsOf: TestSupport.fixture("soissonnais-valois/verallia-cuffies.xml"))
            input.fileHandleForWriting.write(xml)
            try input.fileHandleForWriting.close()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(environment.contains("GLIBC_TUNABLES=glibc.malloc.hugetlb=1"))
            #expect(process.terminationStatus == 0)
        #endif
    }

    @Test func largeBlocksKeepTheirOwnMappingUnlessTheSizeIsSetAlready() {
        #expect(LargeBlocks.fixesSize(tunables: nil))
        #expect(LargeBlocks.fixesSize(tunables: "glibc.malloc.hugetlb=1"))
        #expect(!LargeBlocks.fixesSize(tunables: "glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=1048576"))
        #expect(!LargeBlocks.fixesSize(tunables: "glibc.malloc.trim_threshold=0"))
    }
}
