import BulwarkCore
import Foundation
import Testing

@testable import BulwarkReport

@Suite("Shared helpers")
struct SupportTests {
    @Test(
        "SHA-1 matches FIPS 180 test vectors",
        arguments: [
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
            ),
        ])
    func sha1(input: String, hex: String) {
        #expect(SHA1.hexDigest(Array(input.utf8)) == hex)
    }

    @Test("SHA-1 of a million a's")
    func sha1Long() {
        #expect(
            SHA1.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test("version 5 UUIDs match RFC 4122 / Python's uuid5")
    func uuid5() {
        let dns = DeterministicUUID(bytes: [
            0x6B, 0xA7, 0xB8, 0x10, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
        ])
        #expect(
            DeterministicUUID(namespace: dns, name: Array("python.org".utf8)).description
                == "886313e1-3b8a-5372-9b90-0c9aee199e5d")
        #expect(DeterministicUUID.urlNamespace.description == "6ba7b811-9dad-11d1-80b4-00c04fd430c8")
    }

    @Test(
        "RFC 3339 timestamps in UTC, whole seconds",
        arguments: [
            (0.0, "1970-01-01T00:00:00Z"),
            (1_714_566_600.999, "2024-05-01T12:30:00Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (-1, "1969-12-31T23:59:59Z"),
            (253_402_300_799, "9999-12-31T23:59:59Z"),
            (1e300, "9999-12-31T23:59:59Z"),
            (-1e300, "0000-01-01T00:00:00Z"),
        ])
    func timestamps(seconds: Double, text: String) {
        #expect(RFC3339Timestamp.string(from: Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test(
        "SPDX idstrings",
        arguments: [
            ("libc6", "libc6"), ("g++-12", "g-12"), ("debian:12", "debian-12"), ("/tmp/rootfs", "tmp-rootfs"),
            ("---", "unknown"), ("a..b", "a..b"),
        ])
    func idString(text: String, id: String) {
        #expect(IDString.sanitize(text) == id)
    }

    @Test(
        "image references and Docker's default repository",
        arguments: [
            ("debian:12", "debian", "12", "docker.io/library/debian"),
            ("bitnami/redis:7.2", "bitnami/redis", "7.2", "docker.io/bitnami/redis"),
            ("localhost:5000/app:v1", "localhost:5000/app", "v1", "localhost:5000/app"),
            ("ghcr.io/org/app", "ghcr.io/org/app", nil, "ghcr.io/org/app"),
        ])
    func imageReference(reference: String, repository: String, tag: String?, canonical: String) {
        let parsed = ImageReference(parsing: reference)
        #expect(parsed.repository == repository)
        #expect(parsed.tag == tag)
        #expect(ImageReference.canonicalRepository(parsed.repository) == canonical)
    }

    @Test("an image with only a config digest has no oci purl; a manifest digest gives one")
    func ociPurl() {
        #expect(ImageIdentity(Samples.rhel).packageURL == nil)
        #expect(
            ImageIdentity(Samples.alpine).packageURL?.description
                == "pkg:oci/alpine@\(Samples.digest("4"))?arch=arm64&repository_url=registry.example.com%2Fbase%2Falpine&tag=3.18"
        )
        #expect(ImageIdentity(Samples.bareRootfs).packageURL == nil)
    }

    @Test("terminal widths and truncation")
    func terminalText() {
        #expect(TerminalText.width("abc") == 3)
        #expect(TerminalText.width("日本") == 4)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.truncate("abcdef", to: 4) == "abc…")
        #expect(TerminalText.truncate("abc", to: 3) == "abc")
        #expect(TerminalText.width(TerminalText.truncate("日本語のテキスト", to: 7)) <= 7)
        #expect(TerminalText.sanitize("a\u{1B}[31mb\tc") == "a?[31mb c")
    }
}
