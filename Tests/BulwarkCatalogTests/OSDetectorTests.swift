import BulwarkCatalog
import BulwarkCore
import Testing

@Suite struct OSDetectorTests {
    func detect(_ files: [(String, String)]) -> OperatingSystem? {
        var tree = MemoryFileTree()
        for (path, text) in files { tree.addFile(path, text) }
        return OSDetector().detect(tree)
    }

    @Test func debianUsesDebianVersionForThePointRelease() {
        let os = detect([("/etc/os-release", "ID=debian\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\n"), ("/etc/debian_version", "12.5\n")])
        #expect(os?.family == "debian")
        #expect(os?.version == "12.5")
        #expect(os?.versionID == "12")
        #expect(os?.codename == "bookworm")
        #expect(os?.purlDistro == "debian-12")
    }

    @Test func releaseFilesWithoutOSRelease() {
        #expect(detect([("/etc/alpine-release", "3.18.9\n")])?.family == "alpine")
        #expect(detect([("/etc/centos-release", "CentOS Linux release 7.9.2009 (Core)\n")])?.version == "7.9.2009")
        #expect(detect([("/etc/redhat-release", "Rocky Linux release 8.9 (Green Obsidian)\n")])?.family == "rocky")
        #expect(detect([("/etc/redhat-release", "Red Hat Enterprise Linux release 8.10 (Ootpa)\n")])?.family == "rhel")
        #expect(detect([("/etc/lsb-release", "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=22.04\nDISTRIB_CODENAME=jammy\n")])?.family == "ubuntu")
        #expect(detect([("/etc/debian_version", "bookworm/sid\n")])?.family == "debian")
    }

    @Test func unknownAndGarbage() {
        #expect(detect([]) == nil)
        #expect(detect([("/etc/os-release", "\u{0}\u{1}garbage without equals\n")]) == nil)
        #expect(detect([("/etc/os-release", "NAME=\"No id\"\n")]) == nil)
    }
}
