import BulwarkCore
import BulwarkTestSupport

/// Small, real-format package databases used to build test images.
enum Fixtures {
    static let debianOSRelease = """
        PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
        NAME="Debian GNU/Linux"
        VERSION_ID="12"
        VERSION="12 (bookworm)"
        VERSION_CODENAME=bookworm
        ID=debian

        """

    static func dpkgStatus(_ packages: [(name: String, version: String, source: String?)]) -> String {
        packages.map { package in
            var stanza = """
                Package: \(package.name)
                Status: install ok installed
                Priority: optional
                Section: libs
                Installed-Size: 100
                Maintainer: Debian Maintainers <debian@example.org>
                Architecture: amd64
                Version: \(package.version)

                """
            if let source = package.source { stanza += "Source: \(source)\n" }
            stanza += "Description: test package\n long description line\n .\n more\n"
            return stanza
        }.joined(separator: "\n")
    }

    static let alpineOSRelease = """
        NAME="Alpine Linux"
        ID=alpine
        VERSION_ID=3.19.1
        PRETTY_NAME="Alpine Linux v3.19"

        """

    static let apkInstalled = """
        C:Q1abc=
        P:musl
        V:1.2.4_git20230717-r4
        A:x86_64
        S:383152
        I:622592
        T:the musl c library (libc) implementation
        U:https://musl.libc.org/
        L:MIT
        o:musl
        m:Natanael Copa <ncopa@alpinelinux.org>
        F:lib
        R:ld-musl-x86_64.so.1
        R:libc.musl-x86_64.so.1

        P:libcrypto3
        V:3.1.4-r5
        A:x86_64
        L:Apache-2.0
        o:openssl
        F:usr/lib
        R:libcrypto.so.3

        """

    /// A two-layer Debian-like image: base packages, then an upgrade and an added package.
    static func debianImage(compression: LayerCompression = .gzip) -> TestImage {
        let base = TestLayer(files: [
            ("etc/os-release", debianOSRelease),
            ("etc/debian_version", "12.5\n"),
            ("var/lib/dpkg/status", dpkgStatus([("libc6", "2.36-9+deb12u4", "glibc"), ("zlib1g", "1:1.2.13.dfsg-1", "zlib")])),
            ("var/lib/dpkg/info/zlib1g:amd64.list", "/.\n/usr\n/usr/lib/x86_64-linux-gnu/libz.so.1\n"),
            ("etc/issue", "Debian\n"),
        ], compression: compression, createdBy: "ADD rootfs.tar /")
        let upper = TestLayer(files: [
            ("var/lib/dpkg/status", dpkgStatus([("libc6", "2.36-9+deb12u4", "glibc"), ("zlib1g", "1:1.2.13.dfsg-1", "zlib"), ("openssl", "3.0.11-1~deb12u2", nil)])),
        ], compression: compression, createdBy: "RUN apt-get install -y openssl")
        return TestImage(layers: [base, upper])
    }
}
