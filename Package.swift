// swift-tools-version: 6.1
// Bulwark — a container security scanner.
//
// Module graph (one-way):
//   BulwarkCore ← BulwarkImage ← BulwarkEngine ← BulwarkCommands ← bulwark
//   BulwarkCore ← BulwarkCatalog ↗        BulwarkCore ← BulwarkReport ↗
// C libraries are wrapped as system-library targets (zlib, zstd, ISA-L igzip, sqlite3).
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Bulwark",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bulwark", targets: ["bulwark"]),
        .library(name: "BulwarkEngine", targets: ["BulwarkEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .systemLibrary(name: "CISAL", pkgConfig: "libisal", providers: [.apt(["libisal-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        .target(
            name: "BulwarkCore",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkImage",
            dependencies: [
                "BulwarkCore", "CZlib", "CZstd", "CISAL",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkCatalog",
            dependencies: ["BulwarkCore", "BulwarkArchive", "CSQLite", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkVersion",
            dependencies: ["BulwarkCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkArchive",
            dependencies: ["BulwarkCore", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkVulnDB",
            dependencies: ["BulwarkCore", "BulwarkVersion", "BulwarkArchive", "CSQLite", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkMatch",
            dependencies: ["BulwarkCore", "BulwarkVersion"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkReport",
            dependencies: ["BulwarkCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkEngine",
            dependencies: [
                "BulwarkCore", "BulwarkImage", "BulwarkCatalog", "BulwarkReport", "BulwarkVersion", "BulwarkVulnDB",
                "BulwarkMatch",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkCommands",
            dependencies: [
                "BulwarkEngine", "BulwarkCore", "BulwarkImage", "BulwarkReport", "BulwarkVulnDB",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "bulwark",
            dependencies: ["BulwarkCommands"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkTestSupport",
            dependencies: [
                "BulwarkCore", "CZlib", "CZstd",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),

        .testTarget(name: "BulwarkCoreTests", dependencies: ["BulwarkCore"], swiftSettings: strictSettings),
        .testTarget(
            name: "BulwarkImageTests",
            dependencies: ["BulwarkImage", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulwarkCatalogTests",
            dependencies: ["BulwarkCatalog", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "BulwarkVersionTests", dependencies: ["BulwarkVersion", "BulwarkTestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "BulwarkArchiveTests", dependencies: ["BulwarkArchive", "BulwarkTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "BulwarkVulnDBTests",
            dependencies: ["BulwarkVulnDB", "BulwarkTestSupport"],
            exclude: ["Update/feed_test_server.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "BulwarkMatchTests", dependencies: ["BulwarkMatch", "BulwarkTestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "BulwarkReportTests",
            dependencies: ["BulwarkReport", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulwarkEngineTests",
            dependencies: ["BulwarkEngine", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulwarkCommandsTests",
            dependencies: ["BulwarkCommands", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
