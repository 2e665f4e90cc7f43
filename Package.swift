// swift-tools-version: 6.1
// Bulwark — a container security scanner.
//
// Module graph (one-way):
//   BulwarkCore ← BulwarkImage ← BulwarkEngine ← BulwarkCommands ← bulwark
//   BulwarkCore ← BulwarkCatalog ↗        BulwarkCore ← BulwarkReport ↗
//   BulwarkImage ← BulwarkRegistry (OCI distribution client) ↗, BulwarkImage ← BulwarkDocker (Engine API) ↗
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
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
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
            name: "BulwarkSecrets",
            dependencies: ["BulwarkCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkLicense",
            dependencies: ["BulwarkCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkReport",
            dependencies: [
                "BulwarkCore", "BulwarkConfig", "BulwarkLicense",
                .product(name: "Mustache", package: "swift-mustache"), .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkConfig",
            dependencies: ["BulwarkCore", "BulwarkSecrets", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkRegistry",
            dependencies: [
                "BulwarkCore", "BulwarkImage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkDocker",
            dependencies: [
                "BulwarkCore", "BulwarkImage",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkEngine",
            dependencies: [
                "BulwarkCore", "BulwarkImage", "BulwarkCatalog", "BulwarkReport", "BulwarkVersion", "BulwarkVulnDB",
                "BulwarkMatch", "BulwarkRegistry", "BulwarkDocker", "BulwarkSecrets",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "BulwarkCommands",
            dependencies: [
                "BulwarkEngine", "BulwarkCore", "BulwarkImage", "BulwarkReport", "BulwarkVulnDB", "BulwarkRegistry", "BulwarkDocker",
                "BulwarkConfig", "BulwarkLicense", "BulwarkSecrets", "BulwarkCatalog",
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
        .testTarget(name: "BulwarkSecretsTests", dependencies: ["BulwarkSecrets"], swiftSettings: strictSettings),
        .testTarget(name: "BulwarkLicenseTests", dependencies: ["BulwarkLicense"], swiftSettings: strictSettings),
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
            name: "BulwarkConfigTests",
            dependencies: ["BulwarkConfig", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulwarkRegistryTests",
            dependencies: ["BulwarkRegistry", "BulwarkTestSupport"],
            exclude: ["fault_registry.py", "token_server.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulwarkDockerTests",
            dependencies: ["BulwarkDocker", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BulwarkCommandsTests",
            dependencies: ["BulwarkCommands", "BulwarkTestSupport"],
            swiftSettings: strictSettings
        ),
    ]
)
