// swift-tools-version:6.1
import PackageDescription

// A separate package, so that the main build stays lean: `cd Benchmarks && swift package benchmark`.
let package = Package(
    name: "SymbioseBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "symbiose", path: ".."),
        .package(url: "https://github.com/ordo-one/package-benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Stages",
            dependencies: [
                .product(name: "Benchmark", package: "package-benchmark"),
                .product(name: "SymbioseCore", package: "symbiose"),
                .product(name: "SymbioseEngine", package: "symbiose"),
                .product(name: "SymbioseXML", package: "symbiose"),
                .product(name: "SymbioseFormats", package: "symbiose"),
                .product(name: "SymbioseReport", package: "symbiose"),
            ],
            path: "Benchmarks/Stages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "package-benchmark")]
        )
    ]
)
