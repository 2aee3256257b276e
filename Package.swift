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
        .library(name: "SymbioseStore", targets: ["SymbioseStore"]),
        .library(name: "SymbioseFollowUp", targets: ["SymbioseFollowUp"]),
        .library(name: "SymbioseServer", targets: ["SymbioseServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.0"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "SymbioseCore",
            dependencies: [.product(name: "HeapModule", package: "swift-collections"), "CMalloc"],
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
        .target(name: "SymbioseFollowUp", dependencies: ["SymbioseCore"]),
        .target(
            name: "SymbioseReport", dependencies: ["SymbioseCore", "SymbioseEngine", "SymbioseSpreadsheet"],
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
            name: "SymbioseStore",
            dependencies: [
                "SymbioseCore", "SymbioseFollowUp", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [
                .embedInCode("Resources/sqlite-001-initial.sql"), .embedInCode("Resources/postgres-001-initial.sql"),
                .embedInCode("Resources/sqlite-002-run-snapshot.sql"),
                .embedInCode("Resources/postgres-002-run-snapshot.sql"),
                .embedInCode("Resources/sqlite-003-run-options.sql"),
                .embedInCode("Resources/postgres-003-run-options.sql"),
                .embedInCode("Resources/sqlite-004-leads.sql"),
                .embedInCode("Resources/postgres-004-leads.sql"),
                .embedInCode("Resources/sqlite-005-workshops.sql"),
                .embedInCode("Resources/postgres-005-workshops.sql"),
            ]
        ),
        .target(
            name: "SymbioseServer",
            dependencies: [
                "SymbioseCore", "SymbioseEngine", "SymbioseFormats", "SymbioseReport", "SymbioseStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [
                .embedInCode("Resources/server.css"), .embedInCode("Resources/templates/layout.mustache"),
                .embedInCode("Resources/templates/message.mustache"),
                .embedInCode("Resources/templates/login.mustache"),
                .embedInCode("Resources/templates/territories.mustache"),
                .embedInCode("Resources/templates/territory.mustache"),
                .embedInCode("Resources/templates/profile.mustache"), .embedInCode("Resources/templates/firm.mustache"),
                .embedInCode("Resources/templates/codes.mustache"),
                .embedInCode("Resources/templates/synergies.mustache"),
                .embedInCode("Resources/templates/leads.mustache"), .embedInCode("Resources/templates/lead.mustache"),
                .embedInCode("Resources/templates/funnel.mustache"),
                .embedInCode("Resources/templates/workshops.mustache"),
                .embedInCode("Resources/templates/workshop.mustache"),
                .embedInCode("Resources/templates/fiches.mustache"),
                .embedInCode("Resources/templates/summaries.mustache"), .embedInCode("Resources/print.css"),
            ]
        ),
        .target(
            name: "SymbioseCLI",
            dependencies: [
                "SymbioseCore", "SymbioseEngine", "SymbioseXML", "SymbioseFormats", "SymbioseReport",
                "SymbioseSpreadsheet", "SymbioseStore", "SymbioseServer", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(name: "SymbioseFollowUpTests", dependencies: ["SymbioseFollowUp", "SymbioseFormats"]),
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
            name: "SymbioseServerTests",
            dependencies: [
                "SymbioseServer", "SymbioseStore", "SymbioseTestSupport", "SymbioseEngine", "SymbioseSpreadsheet",
                "SymbioseFollowUp",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .testTarget(
            name: "SymbioseCLITests",
            dependencies: ["SymbioseCLI", "SymbioseTestSupport", "symbiose", "SymbioseServer", "SymbioseStore"],
            exclude: ["Golden"]
        ),
    ]
)
