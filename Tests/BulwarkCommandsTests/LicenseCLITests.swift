import BulwarkTestSupport
import Foundation
import Testing

/// `bulwark image --scanners license` on the shipped example image (Alpine packages with SPDX-ish license fields).
@Suite struct LicenseCLITests {
    let cli = CLITests()

    @Test func normalizesCategorizesAndGates() async throws {
        let json = try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--format", "json", "--offline"])
        #expect(json.status == 0, "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let packages = ((report["licenses"] as? [String: Any])?["packages"] as? [[String: Any]]) ?? []
        let byName = Dictionary(packages.map { (($0["name"] as? String) ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byName["busybox"]?["expression"] as? String == "GPL-2.0-only")
        #expect(byName["busybox"]?["category"] as? String == "restricted")
        #expect(byName["zlib"]?["category"] as? String == "notice")
        #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--fail-on-license", "restricted", "-q", "--offline"]).status == 1)
        #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--fail-on-license", "forbidden", "-q", "--offline"]).status == 0)
        try await TemporaryDirectory.with { dir in
            let policy = try TemporaryDirectory.write(Array("allowed: [GPL-2.0-only]\n".utf8), named: "policy.yaml", in: dir)
            #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--license-policy", policy, "--fail-on-license", "restricted", "-q", "--offline"]).status == 0)
            let bad = try TemporaryDirectory.write(Array("categories: [1, 2]\n".utf8), named: "bad.yaml", in: dir)
            let failed = try cli.run(["image", "examples/alpine-3.19-oci", "--scanners", "license", "--license-policy", bad, "--offline"])
            #expect(failed.status == 2 && failed.stderr.contains("bad.yaml"))
        }
        #expect(try cli.run(["image", "examples/alpine-3.19-oci", "--fail-on-license", "restricted"]).status == 64)
    }

    @Test func freeFormDebianCopyrightIsIdentifiedByItsText() async throws {
        let mit = """
            This is libfoo, packaged for Debian by a maintainer.

            Copyright (c) 2010 The Foo Authors

            Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the "Software"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions:

            The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software.

            THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
            """
        let image = TestImage(layers: [TestLayer(files: [
            ("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
            ("var/lib/dpkg/status", "Package: libfoo1\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.0-1\n\nPackage: libbar1\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.0-1\n\n"),
            ("usr/share/doc/libfoo1/copyright", mit),
            ("usr/share/doc/libbar1/copyright", "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n\nFiles: *\nLicense: GPL-2+\n"),
        ])])
        try await TemporaryDirectory.with { dir in
            try ImageWriter.writeDirectory(ImageWriter.ociLayoutFiles([("deb", image)]), to: dir + "/layout")
            let json = try cli.run(["image", dir + "/layout", "--scanners", "license", "--format", "json", "--offline"])
            #expect(json.status == 0, "\(json.stderr)")
            let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let packages = ((report["licenses"] as? [String: Any])?["packages"] as? [[String: Any]]) ?? []
            let foo = try #require(packages.first { $0["name"] as? String == "libfoo1" })
            #expect(foo["expression"] as? String == "MIT")
            #expect((foo["identifiedFromText"] as? Double ?? 0) > 0.75)
            let bar = try #require(packages.first { $0["name"] as? String == "libbar1" })
            #expect(bar["expression"] as? String == "GPL-2.0-or-later" && bar["identifiedFromText"] == nil)
        }
    }
}
