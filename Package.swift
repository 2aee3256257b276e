// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "symbiose",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "symbiose", targets: ["symbiose"]),
        .library(name: "SymbioseCore", targets: ["SymbioseCore"]),
        .library(name: "SymbioseEngine", targets: ["SymbioseEngine"]),
        .library(name: "SymbioseXML", targets: ["SymbioseXML"]),
        .library(name: "SymbioseFormats", targets: ["SymbioseFormats"]),
        .library(name: "SymbioseReport", targets: ["SymbioseReport"]),
        .library(name: "SymbioseSpreadsheet", targets: ["SymbioseSpreadsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .target(
            name: "SymbioseCore",
            exclude: ["Resources/communes-fr.tsv"],
            resources: [
                .embedInCode("Resources/taxonomy.json"), .embedInCode("Resources/factors.json"),
                .embedInCode("Resources/activities.json"), .embedInCode("Resources/postcodes-fr.tsv"),
                .embedInCode("Resources/list-of-waste.tsv"),
            ],
            plugins: ["EmbedText"]
        ),
        .plugin(name: "EmbedText", capability: .buildTool()),
        .target(
            name: "SymbioseXML",
            dependencies: ["SymbioseCore", "CLibXML2"],
            resources: [.embedInCode("Resources/profile.xsd")]
        ),
        .target(name: "SymbioseFormats", dependencies: ["SymbioseCore"]),
        .target(
            name: "SymbioseReport", dependencies: ["SymbioseCore", "SymbioseEngine"],
            resources: [.embedInCode("Resources/report.css")]
        ),
        .target(
            name: "SymbioseSpreadsheet",
            dependencies: ["SymbioseCore", "SymbioseFormats", "SymbioseXML", "ZIPFoundation"]
        ),
        .target(
            name: "SymbioseEngine",
            dependencies: ["SymbioseCore", "SymbioseXML", "SymbioseFormats", "SymbioseSpreadsheet"],
            resources: [
                .embedInCode("Resources/demo-soissonnais-valois.json"), .embedInCode("Resources/template-en.xml"),
                .embedInCode("Resources/template-fr.xml"),
            ]
        ),
        .target(
            name: "SymbioseCLI",
            dependencies: [
                "SymbioseCore", "SymbioseEngine", "SymbioseXML", "SymbioseFormats", "SymbioseReport",
                "SymbioseSpreadsheet", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "symbiose", dependencies: ["SymbioseCLI"]),
        .target(
            name: "SymbioseTestSupport",
            dependencies: [
                "SymbioseCore", "SymbioseEngine", "SymbioseXML", "SymbioseFormats", "SymbioseReport",
                "SymbioseSpreadsheet",
            ],
            path: "Tests/SymbioseTestSupport"
        ),
        .testTarget(
            name: "SymbioseCoreTests",
            dependencies: [
                "SymbioseCore", "SymbioseTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(name: "SymbioseFormatsTests", dependencies: ["SymbioseFormats", "SymbioseTestSupport"]),
        .testTarget(
            name: "SymbioseSpreadsheetTests",
            dependencies: ["SymbioseSpreadsheet", "SymbioseTestSupport", "ZIPFoundation"]
        ),
        .testTarget(
            name: "SymbioseReportTests",
            dependencies: ["SymbioseReport", "SymbioseTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SymbioseXMLTests", dependencies: ["SymbioseXML", "SymbioseFormats", "SymbioseTestSupport"]),
        .testTarget(
            name: "SymbioseCLITests",
            dependencies: ["SymbioseCLI", "SymbioseTestSupport", "symbiose"],
            exclude: ["Golden"]
        ),
    ]
)
