import Foundation
import Testing

@testable import BulwarkLicense

@Suite("License text identification")
struct LicenseTextIdentifierTests {
    static let bundled = LicenseTextIdentifier.bundled()
    static let standard = LicenseTextIdentifier.standard()
    static let hasCommonLicenses = FileManager.default.fileExists(atPath: "/usr/share/common-licenses/GPL-3")

    static func text(_ id: String) -> String {
        BundledLicenseTexts.all.first { $0.id == id }?.text ?? ""
    }

    @Test("every bundled text identifies as itself", arguments: BundledLicenseTexts.all.map(\.id))
    func selfMatch(id: String) throws {
        let match = try #require(Self.bundled.identify(Self.text(id)))
        #expect(match.id == id)
        #expect(match.score > 0.99)
    }

    @Test(
        "every text of /usr/share/common-licenses identifies as its SPDX id",
        .enabled(if: hasCommonLicenses), arguments: LicenseTextIdentifier.debianFileIDs.sorted { $0.key < $1.key }.map { $0 })
    func commonLicenses(file: String, id: String) throws {
        let path = "/usr/share/common-licenses/" + file
        let data = try #require(FileManager.default.contents(atPath: path))
        let match = try #require(Self.standard.identify(bytes: Array(data)))
        // Debian's BSD text is the 3-clause license, also bundled; Apache-2.0 is both bundled and in the folder.
        #expect(match.id == id)
        #expect(match.score > 0.95)
    }

    @Test("copyright lines changed, text reflowed, comment markers added: still identified", arguments: BundledLicenseTexts.all.map(\.id))
    func variants(id: String) throws {
        let original = Self.text(id)
        let words = original.split(whereSeparator: \.isWhitespace)
        var reflowed = "Copyright (c) 2001-2024 Some Other Holder <someone@example.org>\nAll rights reserved.\n\n"
        for (index, word) in words.enumerated() {
            reflowed += word + (index % 9 == 8 ? "\n# " : " ")
        }
        let match = try #require(Self.bundled.identify("# " + reflowed))
        #expect(match.id == id)
        #expect(match.score > 0.9)
    }

    @Test("near neighbours are told apart: BSD-2 vs BSD-3, MIT vs ISC vs 0BSD, MIT vs X11")
    func neighbours() throws {
        #expect(Self.bundled.identify(Self.text("BSD-2-Clause"))?.id == "BSD-2-Clause")
        #expect(Self.bundled.identify(Self.text("BSD-3-Clause"))?.id == "BSD-3-Clause")
        #expect(Self.bundled.identify(Self.text("ISC"))?.id == "ISC")
        #expect(Self.bundled.identify(Self.text("0BSD"))?.id == "0BSD")
        #expect(Self.bundled.identify(Self.text("MIT"))?.id == "MIT")
        #expect(Self.bundled.identify(Self.text("MIT-0"))?.id == "MIT-0")
        #expect(Self.bundled.identify(Self.text("X11"))?.id == "X11")
        // A BSD-3 file with its "Neither the name" clause renamed for its holder.
        let bsd3 = Self.text("BSD-3-Clause").replacingOccurrences(
            of: "the copyright holder", with: "Example Corporation")
        #expect(Self.bundled.identify(bsd3)?.id == "BSD-3-Clause")
    }

    @Test("GPL-2.0 and GPL-3.0 are told apart, as are LGPL-2.1 and LGPL-3.0", .enabled(if: hasCommonLicenses))
    func gnu() throws {
        let pairs = [
            ("GPL-2", "GPL-2.0-only", "GPL-3.0-only"), ("GPL-3", "GPL-3.0-only", "GPL-2.0-only"),
            ("LGPL-2.1", "LGPL-2.1-only", "LGPL-3.0-only"), ("LGPL-3", "LGPL-3.0-only", "LGPL-2.1-only"),
        ]
        for (file, id, other) in pairs {
            let data = try #require(FileManager.default.contents(atPath: "/usr/share/common-licenses/" + file))
            let ranked = Self.standard.rank(bytes: Array(data))
            #expect(ranked.first?.id == id)
            let otherScore = ranked.first { $0.id == other }?.score ?? 0
            #expect((ranked.first?.score ?? 0) - otherScore > 0.5, "\(file) vs \(other)")
        }
        // LGPL-2.0 and LGPL-2.1 are nearly the same text; the right one still ranks first.
        let lgpl2 = try #require(FileManager.default.contents(atPath: "/usr/share/common-licenses/LGPL-2"))
        #expect(Self.standard.identify(bytes: Array(lgpl2))?.id == "LGPL-2.0-only")
    }

    @Test("Apache-2.0 followed by a NOTICE section is still Apache-2.0")
    func apacheWithNotice() throws {
        var notice = "\n\nNOTICE\n\nThis product includes software developed at The Example Foundation (https://example.org/).\n"
        for index in 0..<150 {
            notice += "Component \(index) bundled here carries its own attribution text, provided for the record number \(index * 7).\n"
        }
        let match = try #require(Self.bundled.identify(Self.text("Apache-2.0") + notice))
        #expect(match.id == "Apache-2.0")
        #expect(match.coverage > 0.95)
        #expect(match.score < 0.9)
    }

    @Test(
        "prose, source code, short notes and garbage are not identified",
        arguments: [
            "It was a bright cold day in April, and the clocks were striking thirteen. The hallway smelt of boiled cabbage and old rag mats. At one end of it a coloured poster, too large for indoor display, had been tacked to the wall.",
            "import Foundation\n\nstruct Point { var x: Double; var y: Double }\nfunc distance(_ a: Point, _ b: Point) -> Double {\n    let dx = a.x - b.x\n    let dy = a.y - b.y\n    return (dx * dx + dy * dy).squareRoot()\n}\nfor i in 0..<10 { print(distance(Point(x: 0, y: 0), Point(x: Double(i), y: 1))) }\n",
            "This project is licensed under the MIT license. See the LICENSE file for details.",
            "",
            "!!!! #### ---- ****",
        ])
    func negatives(text: String) {
        #expect(Self.standard.identify(text) == nil)
    }

    @Test("source files of this machine's Python packages are not mistaken for licenses")
    func realCodeNegatives() throws {
        let paths = ["/usr/lib/python3/dist-packages", "/usr/lib/python3.11"]
        var checked = 0
        for root in paths {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: root) else { continue }
            for name in names.sorted() where name.hasSuffix(".py") {
                guard let data = FileManager.default.contents(atPath: root + "/" + name), data.count > 2000 else { continue }
                // Drop the header comment where licenses are often quoted.
                let body = Array(data.dropFirst(min(data.count / 2, 1500)))
                #expect(Self.standard.identify(bytes: body) == nil, "\(name)")
                checked += 1
                if checked >= 40 { return }
            }
        }
    }

    @Test("huge and binary input is read only up to the cap, quickly")
    func hostile() {
        var random = SystemRandomNumberGenerator()
        let chunk = (0..<(64 * 1024)).map { _ in UInt8.random(in: 0...255, using: &random) }
        var garbage: [UInt8] = []
        garbage.reserveCapacity(10 * 1024 * 1024)
        for _ in 0..<160 { garbage += chunk }
        let start = Date()
        #expect(Self.standard.identify(bytes: garbage) == nil)
        let huge = Self.text("MIT") + String(repeating: "lorem ipsum dolor sit amet ", count: 400_000)
        _ = Self.standard.identify(huge)
        #expect(Date().timeIntervalSince(start) < 10)
    }
}
