import BulwarkCore
import BulwarkReport
import Foundation
import Testing

/// A named inventory for parameterized tests.
struct Sample: Sendable, CustomTestStringConvertible {
    let name: String
    let inventory: Inventory
    var testDescription: String { name }
}

/// Rich inventories shaped like real scans: Debian (epochs, `+`/`~` versions, DEP-5 licenses), Alpine
/// (SPDX licenses), RHEL (rpm epochs, Fedora legacy license strings), a distroless-like rootfs with no
/// OS and no image, and an empty one.
enum Samples {
    static let fixedDate = Date(timeIntervalSince1970: 1_714_566_600)  // 2024-05-01T12:30:00Z

    static let all: [Sample] = [
        Sample(name: "debian docker-archive", inventory: debian),
        Sample(name: "alpine oci-layout", inventory: alpine),
        Sample(name: "ubi rpm", inventory: rhel),
        Sample(name: "rootfs without OS or image", inventory: bareRootfs),
        Sample(name: "empty rootfs", inventory: emptyRootfs),
        Sample(name: "license and name edge cases", inventory: edgeCases),
        Sample(name: "project folder with npm and PyPI dependencies", inventory: project),
    ]

    /// A `bulwark fs` result: language packages with lockfile dependencies and a dev dependency.
    static let project: Inventory = {
        func npm(_ name: String, _ version: String, namespace: String? = nil, dev: Bool = false, deps: [String] = []) -> Package {
            .library(
                .npm, name: namespace.map { "\($0)/\(name)" } ?? name, version: version,
                purl: PackageURL(type: "npm", namespace: namespace, name: name, version: version), location: "/src/app/package-lock.json",
                licenses: ["MIT"], isDevelopment: dev, dependencies: deps)
        }
        let lodash = npm("lodash", "4.17.15")
        let core = npm("core", "7.0.0", namespace: "@babel", dev: true)
        let axios = npm("axios", "0.21.0", deps: [lodash.purl.description, "pkg:npm/follow-redirects@1.13.0"])
        let requests = Package.library(
            .pypi, name: "requests", version: "2.19.1", purl: PackageURL(type: "pypi", name: "requests", version: "2.19.1"),
            location: "/src/app/poetry.lock", licenses: ["Apache-2.0"])
        return Inventory(target: ScanTarget(kind: .filesystem, name: "/src/app"), packages: [axios, core, lodash, requests])
    }()

    static func options(colors: Bool = false, date: Date = fixedDate) -> RenderOptions {
        RenderOptions(colors: colors, toolVersion: "0.1.0-test", timestamp: date)
    }

    /// A sha256 digest made of one repeated hex character.
    static func digest(_ hex: Character) -> Digest {
        Digest(sha256Hex: String(repeating: String(hex), count: 64))
    }

    static let debianLayers = [
        LayerReference(
            index: 0, digest: digest("1"), diffID: digest("a"), createdBy: "/bin/sh -c #(nop) ADD file:1234 in / "),
        LayerReference(index: 1, digest: digest("2"), diffID: digest("b"), createdBy: "RUN apt-get install -y openssl"),
    ]

    static func deb(
        _ name: String, _ version: String, epoch: Int? = nil, upstream: String, release: String?, source: String? = nil,
        sourceVersion: String? = nil, licenses: [String], layer: LayerReference?, files: [String] = []
    ) -> Package {
        Package(
            type: .deb, name: name, version: version, epoch: epoch, upstreamVersion: upstream, release: release,
            architecture: "amd64", sourceName: source, sourceVersion: sourceVersion, licenses: licenses,
            maintainer: "GNU Libc Maintainers <debian-glibc@lists.debian.org>",
            purl: PackageURL(
                type: "deb", namespace: "debian", name: name, version: version,
                qualifiers: ["arch": "amd64", "distro": "debian-12"]),
            location: "/var/lib/dpkg/status", layer: layer, installedFiles: files)
    }

    static let debian = Inventory(
        target: ScanTarget(kind: .dockerArchive, name: "debian-12.tar"),
        image: ImageMetadata(
            manifestDigest: digest("c"), configDigest: digest("d"), repoTags: ["debian:12", "debian:bookworm"],
            repoDigests: ["debian@sha256:" + String(repeating: "e", count: 64)], os: "linux", architecture: "amd64",
            created: "2024-04-23T00:00:00Z", layers: debianLayers,
            config: ImageRuntimeConfig(
                env: ["PATH=/usr/local/bin:/usr/bin"], cmd: ["bash"], labels: ["maintainer": "ops"])),
        operatingSystem: OperatingSystem(
            family: "debian", version: "12.5", versionID: "12", codename: "bookworm",
            prettyName: "Debian GNU/Linux 12 (bookworm)"),
        packages: [
            deb(
                "libc6", "2.36-9+deb12u4", upstream: "2.36", release: "9+deb12u4", source: "glibc",
                licenses: ["GPL-2+", "LGPL-2.1+"], layer: debianLayers[0], files: ["/lib/x86_64-linux-gnu/libc.so.6"]),
            deb(
                "login", "1:4.13+dfsg1-1+b1", epoch: 1, upstream: "4.13+dfsg1", release: "1+b1", source: "shadow",
                sourceVersion: "1:4.13+dfsg1-1", licenses: ["GPL-2+", "BSD-3-clause"], layer: debianLayers[0]),
            deb(
                "libssl3", "3.0.11-1~deb12u2", upstream: "3.0.11", release: "1~deb12u2", source: "openssl",
                licenses: ["Apache-2.0", "Artistic", "GPL-1+"], layer: debianLayers[1]),
            deb(
                "tzdata", "2024a-0+deb12u1", upstream: "2024a", release: "0+deb12u1", licenses: ["public-domain"],
                layer: nil),
            deb(
                "golang-github-some-very-long-package-name-for-truncation-dev",
                "0.0~git20230101.0123456789abcdef0123456789abcdef-1", upstream: "0.0~git20230101.0123456789abcdef",
                release: "1", source: "golang-github-some-very-long-package-name-for-truncation",
                sourceVersion: "0.0~git20230101.0123456789abcdef0123456789abcdef-1", licenses: ["Expat"],
                layer: debianLayers[1]),
            deb(
                "base-files", "12.4+deb12u5", upstream: "12.4+deb12u5", release: nil, licenses: [],
                layer: debianLayers[0]),
        ],
        warnings: ["/var/lib/dpkg/status: paragraph 41: missing Version field, skipped"])

    static func apk(_ name: String, _ version: String, release: String, origin: String, license: String) -> Package {
        Package(
            type: .apk, name: name, version: version, upstreamVersion: String(version.prefix { $0 != "-" }),
            release: release, architecture: "aarch64", sourceName: origin, licenses: [license],
            maintainer: "Natanael Copa <ncopa@alpinelinux.org>",
            purl: PackageURL(
                type: "apk", namespace: "alpine", name: name, version: version,
                qualifiers: ["arch": "aarch64", "distro": "alpine-3.18.9"]),
            location: "/lib/apk/db/installed",
            layer: LayerReference(index: 0, digest: digest("3"), diffID: digest("f")))
    }

    static let alpine = Inventory(
        target: ScanTarget(kind: .ociLayout, name: "./alpine-oci"),
        image: ImageMetadata(
            manifestDigest: digest("4"), configDigest: digest("5"), repoTags: ["registry.example.com/base/alpine:3.18"],
            os: "linux", architecture: "arm64", variant: "v8",
            layers: [LayerReference(index: 0, digest: digest("3"), diffID: digest("f"))]),
        operatingSystem: OperatingSystem(
            family: "alpine", version: "3.18.9", versionID: "3.18.9", prettyName: "Alpine Linux v3.18"),
        packages: [
            apk("musl", "1.2.4-r2", release: "r2", origin: "musl", license: "MIT"),
            apk("busybox", "1.36.1-r7", release: "r7", origin: "busybox", license: "GPL-2.0-only"),
            apk(
                "ca-certificates-bundle", "20240226-r0", release: "r0", origin: "ca-certificates",
                license: "MPL-2.0 AND MIT"),
            apk("libcrypto3", "3.1.4-r5", release: "r5", origin: "openssl", license: "Apache-2.0"),
            apk("zlib", "1.2.13-r1", release: "r1", origin: "zlib", license: "Zlib"),
            apk("scanelf", "1.3.7-r1", release: "r1", origin: "pax-utils", license: "GPL-2.0-only"),
            apk("libc-utils", "0.7.2-r5", release: "r5", origin: "libc-dev", license: "BSD-2-Clause AND BSD-3-Clause"),
            apk("py3-dual", "2.0-r0", release: "r0", origin: "py3-dual", license: "BSD-3-Clause OR MIT"),
            apk("old-style", "1.0-r0", release: "r0", origin: "old-style", license: "GPL2+ LGPL2+"),
        ])

    static func rpm(
        _ name: String, _ version: String, epoch: Int? = nil, upstream: String, release: String, license: String,
        arch: String = "x86_64", module: String? = nil
    ) -> Package {
        var qualifiers = ["arch": arch, "distro": "rhel-9.2"]
        if let epoch { qualifiers["epoch"] = String(epoch) }
        return Package(
            type: .rpm, name: name, version: version, epoch: epoch, upstreamVersion: upstream, release: release,
            architecture: arch, sourceName: name, sourceVersion: version, licenses: [license],
            maintainer: "Red Hat, Inc. <http://bugzilla.redhat.com/bugzilla>", vendor: "Red Hat, Inc.",
            modularityLabel: module,
            purl: PackageURL(
                type: "rpm", namespace: "redhat", name: name, version: "\(upstream)-\(release)", qualifiers: qualifiers),
            location: "/var/lib/rpm/rpmdb.sqlite",
            layer: LayerReference(index: 0, diffID: digest("7")))
    }

    static let rhel = Inventory(
        target: ScanTarget(kind: .dockerArchive, name: "ubi9.tar"),
        image: ImageMetadata(
            configDigest: digest("6"), repoTags: ["registry.access.redhat.com/ubi9/ubi-minimal:9.2"], os: "linux",
            architecture: "amd64", layers: [LayerReference(index: 0, diffID: digest("7"))]),
        operatingSystem: OperatingSystem(
            family: "rhel", version: "9.2", versionID: "9.2", prettyName: "Red Hat Enterprise Linux 9.2 (Plow)",
            idLike: ["fedora"]),
        packages: [
            rpm("openssl-libs", "1:3.0.7-24.el9", epoch: 1, upstream: "3.0.7", release: "24.el9", license: "ASL 2.0"),
            rpm("bash", "5.1.8-6.el9_1", upstream: "5.1.8", release: "6.el9_1", license: "GPLv3+"),
            rpm(
                "systemd-libs", "252-14.el9", upstream: "252", release: "14.el9", license: "LGPLv2+ and MIT and GPLv2+"),
            rpm("rpm-libs", "4.16.1.3-22.el9", upstream: "4.16.1.3", release: "22.el9", license: "GPLv2+ and LGPLv2+"),
            rpm(
                "glibc", "2.34-60.el9", upstream: "2.34", release: "60.el9",
                license:
                    "LGPLv2+ and LGPLv2+ with exceptions and GPLv2+ and GPLv2+ with exceptions and BSD and Inner-Net and ISC and Public Domain and GFDL"
            ),
            rpm("python3-libs", "3.9.16-1.el9", upstream: "3.9.16", release: "1.el9", license: "Python"),
            rpm(
                "nss", "3.90.0-3.el9_2", upstream: "3.90.0", release: "3.el9_2", license: "MPLv2.0 or GPLv2+ or LGPLv2+"
            ),
            rpm("tzdata", "2023c-1.el9", upstream: "2023c", release: "1.el9", license: "Public Domain", arch: "noarch"),
            rpm(
                "nodejs", "1:16.19.1-1.module+el9.1.0+18093+f5c0ae5c", epoch: 1, upstream: "16.19.1",
                release: "1.module+el9.1.0+18093+f5c0ae5c", license: "MIT and ASL 2.0 and ISC and BSD",
                module: "nodejs:16:9010020230217174125:rhel9"),
        ])

    static let bareRootfs = Inventory(
        target: ScanTarget(kind: .rootfs, name: "/tmp/distroless-rootfs"),
        packages: [
            Package(
                type: .deb, name: "libssl1.1", version: "1.1.1n-0+deb11u5", upstreamVersion: "1.1.1n",
                release: "0+deb11u5", architecture: "amd64", sourceName: "openssl", licenses: ["OpenSSL"],
                purl: PackageURL(type: "deb", namespace: "debian", name: "libssl1.1", version: "1.1.1n-0+deb11u5"),
                location: "/var/lib/dpkg/status.d/libssl1"),
            Package(
                type: .deb, name: "netbase", version: "6.3", upstreamVersion: "6.3", licenses: ["GPL-2"],
                purl: PackageURL(type: "deb", namespace: "debian", name: "netbase", version: "6.3"),
                location: "/var/lib/dpkg/status.d/netbase"),
        ])

    static let emptyRootfs = Inventory(target: ScanTarget(kind: .rootfs, name: "/tmp/empty"))

    /// Every license conversion path and awkward names, for the validators.
    static let edgeCases: Inventory = {
        let licenseSets: [[String]] = [
            ["MPL-1.1+"], ["GPL-2.0-or-later WITH Classpath-exception-2.0"], ["(MIT OR Apache-2.0) AND BSD-3-Clause"],
            ["LicenseRef-Custom"], ["GPLv2+ with exceptions"], ["MIT) OR ("], ["Lizenz ÄÖÜ"],
            [String(repeating: "Very Long License Name ", count: 20)], ["public domain"], ["Public Domain"],
            ["ISC", ""],
            ["GPL-2+", "GPLv2+", "GPL-2.0-or-later"], ["Artistic OR GPL-1+"], ["BSD"],
            ["LGPLv2+ and LGPLv2+ with exceptions"],
        ]
        let names = ["g++-12", "libstdc++6", "naïve-pkg", "pkg with spaces", "x", "x"]
        var packages: [Package] = []
        for (index, licenses) in licenseSets.enumerated() {
            let name = names[index % names.count]
            packages.append(
                Package(
                    type: [PackageType.deb, .apk, .rpm][index % 3], name: name, version: "1.\(index)",
                    upstreamVersion: "1",
                    licenses: licenses,
                    maintainer: index % 2 == 0 ? "Jane (JD) Doe <jane@example.org>" : "no email here",
                    purl: PackageURL(type: "generic", name: name, version: "1.\(index)"),
                    location: "/db/\(index)"))
        }
        return Inventory(target: ScanTarget(kind: .rootfs, name: "edge cases: ünïcode & spaces"), packages: packages)
    }()
}
