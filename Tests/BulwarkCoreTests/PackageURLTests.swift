import BulwarkCore
import Testing

@Suite struct PackageURLTests {
    @Test func canonicalFormEncodesAndSortsQualifiers() {
        let purl = PackageURL(type: "DEB", namespace: "debian", name: "libssl3", version: "3.0.11-1~deb12u2+b1", qualifiers: ["distro": "debian-12", "arch": "amd64", "empty": ""])
        #expect(purl.description == "pkg:deb/debian/libssl3@3.0.11-1~deb12u2%2Bb1?arch=amd64&distro=debian-12")
        let epoch = PackageURL(type: "deb", namespace: "debian", name: "zlib1g", version: "1:1.2.13.dfsg-1")
        #expect(epoch.description == "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1")
        let scoped = PackageURL(type: "npm", namespace: "@babel", name: "core", version: "7.0.0")
        #expect(scoped.description == "pkg:npm/%40babel/core@7.0.0")
    }

    @Test(arguments: [
        "pkg:deb/debian/libssl3@3.0.11-1~deb12u2%2Bb1?arch=amd64&distro=debian-12",
        "pkg:rpm/redhat/openssl@1.1.1k-6.el8?arch=x86_64&epoch=1",
        "pkg:npm/%40babel/core@7.0.0",
        "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1",
        "pkg:golang/github.com/gorilla/mux@v1.8.0#sub/dir",
    ])
    func roundTrips(_ text: String) throws {
        let parsed = try #require(PackageURL(parsing: text))
        #expect(parsed.description == text)
    }

    @Test func rejectsNonPurls() {
        #expect(PackageURL(parsing: "deb/debian/x") == nil)
        #expect(PackageURL(parsing: "pkg:") == nil)
        #expect(PackageURL(parsing: "pkg:deb") == nil)
    }
}

@Suite struct DigestTests {
    @Test func parsesAndRejects() throws {
        let hex = String(repeating: "ab", count: 32)
        #expect(try Digest(parsing: "sha256:" + hex).encoded == hex)
        #expect(throws: BulwarkError.self) { try Digest(parsing: "sha256:" + hex.uppercased()) }
        #expect(throws: BulwarkError.self) { try Digest(parsing: "sha256:abc") }
        #expect(throws: BulwarkError.self) { try Digest(parsing: "md5:" + hex) }
        #expect(throws: BulwarkError.self) { try Digest(parsing: "no-colon") }
    }
}

@Suite struct FileTreeTests {
    @Test func resolvesRelativeAbsoluteAndDirectorySymlinksAndStopsLoops() {
        var tree = MemoryFileTree()
        tree.addFile("/usr/lib/os-release", "ID=debian\n")
        tree.set("/etc/os-release", FileNode(kind: .symlink, linkTarget: "../usr/lib/os-release"))
        tree.set("/lib", FileNode(kind: .symlink, linkTarget: "usr/lib"))
        tree.set("/a", FileNode(kind: .symlink, linkTarget: "/b"))
        tree.set("/b", FileNode(kind: .symlink, linkTarget: "/a"))
        #expect(tree.contents(of: "/etc/os-release") == Array("ID=debian\n".utf8))
        #expect(tree.contents(of: "/lib/os-release") == Array("ID=debian\n".utf8))
        #expect(tree.resolve("/a") == nil)
        #expect(tree.contents(of: "/a") == nil)
    }

    @Test func archivePathsAreNormalizedOrRejected() {
        #expect(PathNormalizer.archivePath("./etc//x/") == "/etc/x")
        #expect(PathNormalizer.archivePath("a/b/../c") == "/a/c")
        #expect(PathNormalizer.archivePath("../x") == nil)
        #expect(PathNormalizer.archivePath("/etc/passwd") == nil)
    }
}

@Suite struct EcosystemKeyTests {
    @Test(arguments: [
        ("Debian:12", "debian:12"), ("Debian:11.4", "debian:11"), ("Alpine:v3.19", "alpine:3.19"), ("Ubuntu:22.04:LTS", "ubuntu:22.04"),
        ("PyPI", "pypi"), ("crates.io", "cargo"), ("Packagist", "composer"), ("Rocky Linux:9", "rocky:9"), ("AlmaLinux:8", "almalinux:8"),
    ])
    func osvEcosystems(_ pair: (String, String)) {
        #expect(EcosystemKey.fromOSV(pair.0) == pair.1)
    }

    @Test func unknownEcosystemsAndOS() {
        #expect(EcosystemKey.fromOSV("Hackage") == nil)
        #expect(EcosystemKey.fromOSV("Ubuntu:Pro:18.04:LTS") == nil)
        #expect(EcosystemKey.forOperatingSystem(OperatingSystem(family: "debian", version: "12.5", versionID: "12")) == "debian:12")
        #expect(EcosystemKey.forOperatingSystem(OperatingSystem(family: "alpine", version: "3.19.1", versionID: "3.19.1")) == "alpine:3.19")
        #expect(EcosystemKey.normalizeName("Django_REST.framework", ecosystem: "pypi") == "django-rest-framework")
    }

    @Test func severityWordsAndScores() {
        #expect(Severity(word: "Important") == .high)
        #expect(Severity(word: "unimportant") == .negligible)
        #expect(Severity(word: "not yet assigned") == .unknown)
        #expect(Severity(cvssScore: 9.8) == .critical)
        #expect(Severity(cvssScore: 0) == .unknown)
        #expect(Severity.critical > .high)
    }
}

@Suite struct PathNormalizerFastPathTests {
    @Test(arguments: [
        ("./etc/os-release", "/etc/os-release"), ("etc/x/", "/etc/x"), ("./", "/"), (".", "/"), ("a/.../b", "/a/.../b"),
        ("a/./b", "/a/b"), ("a//b", "/a/b"), ("a/b/..", "/a"), ("./a/.hidden", "/a/.hidden"), ("..a/b", "/..a/b"),
    ])
    func agreesWithTheGeneralNormalizer(_ pair: (String, String)) {
        #expect(PathNormalizer.archivePath(pair.0) == pair.1)
    }

    @Test(arguments: ["../x", "/abs", "a/../../x", "./../x", ".."])
    func stillRejectsEscapes(_ name: String) {
        #expect(PathNormalizer.archivePath(name) == nil)
    }
}
