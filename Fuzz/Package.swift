// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for every reader and for the writers' round trip, in a package of their own
// so that the main build never needs the fuzzer: `Scripts/fuzz TARGET SECONDS` builds them with
// `-sanitize=fuzzer,address` and runs one. See Docs/security.md.
let targets = [
    "FuzzProfileJSON", "FuzzProfileXML", "FuzzProfileCSV", "FuzzProfileXLSX", "FuzzReferenceFiles", "FuzzRoundTrip",
]

let package = Package(
    name: "SymbioseFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "symbiose", path: "..")],
    targets: [
        .target(name: "FuzzDriver", path: "Targets/FuzzDriver")
    ]
        + targets.map { name in
            .executableTarget(
                name: name,
                dependencies: [
                    "FuzzDriver",
                    .product(name: "SymbioseCore", package: "symbiose"),
                    .product(name: "SymbioseFormats", package: "symbiose"),
                    .product(name: "SymbioseXML", package: "symbiose"),
                    .product(name: "SymbioseSpreadsheet", package: "symbiose"),
                ],
                path: "Targets/\(name)",
                swiftSettings: [.unsafeFlags(["-parse-as-library"])]
            )
        }
)
