import BulwarkCore
import BulwarkReport
import Foundation
import Testing

@Suite("Table writer")
struct TableWriterTests {
    private static let escape: Character = "\u{1B}"

    @Test("no ANSI escapes when colors are off", arguments: Samples.all)
    func plain(sample: Sample) throws {
        let text = try TestHelpers.table(sample.inventory)
        #expect(!text.contains(Self.escape))
    }

    @Test("bold headers and dim secondary text when colors are on")
    func colored() throws {
        let text = try TestHelpers.table(Samples.debian, colors: true)
        #expect(text.contains("\u{1B}[1mNAME"))
        #expect(text.contains("\u{1B}[2m"))
        #expect(text.contains("\u{1B}[1mdeb packages (6)\u{1B}[0m"))
    }

    @Test("every line fits in 100 columns, with or without colors", arguments: Samples.all)
    func width(sample: Sample) throws {
        for colors in [false, true] {
            let text = try TestHelpers.table(sample.inventory, colors: colors)
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let visible = line.replacing(/\x{1B}\[[0-9;]*m/, with: "")
                #expect(visible.count <= 100, "\(visible.count) columns: \(visible)")
            }
        }
    }

    @Test("header, grouped sections with aligned columns, and a summary")
    func layout() throws {
        let text = try TestHelpers.table(Samples.debian)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Target:   debian-12.tar (docker-archive)")
        #expect(lines[1] == "Image:    debian:12 (+1 more)")
        #expect(lines[2] == "Digest:   \(Samples.digest("c"))")
        #expect(lines[3] == "Image ID: \(Samples.digest("d"))")
        #expect(lines[4] == "Platform: linux/amd64")
        #expect(lines[5] == "OS:       Debian GNU/Linux 12 (bookworm) [debian 12.5]")
        #expect(lines.contains("deb packages (6)"))
        let header = try #require(lines.first { $0.hasPrefix("NAME") })
        let login = try #require(lines.first { $0.hasPrefix("login ") })
        // Columns line up: each header word starts where its column starts in the rows.
        for column in ["VERSION", "SOURCE", "LAYER"] {
            let offset = try #require(header.range(of: column)).lowerBound.utf16Offset(in: header)
            let cellStart = login.index(login.startIndex, offsetBy: offset)
            #expect(login[login.index(before: cellStart)] == " ")
            #expect(login[cellStart] != " ")
        }
        #expect(login.contains("1:4.13+dfsg1-1+b1"))
        #expect(login.contains("shadow 1:4.13+dfsg1-1"))
        #expect(login.hasSuffix("0 \(Samples.digest("a").short)"))
        let tzdata = try #require(lines.first { $0.hasPrefix("tzdata ") })
        #expect(tzdata.hasSuffix(" -"))
        #expect(text.contains("6 packages (6 deb)"))
        #expect(text.contains("1 warning:\n  /var/lib/dpkg/status: paragraph 41"))
        #expect(text.hasSuffix("\n"))
    }

    @Test("long cells are cut with an ellipsis")
    func truncation() throws {
        let text = try TestHelpers.table(Samples.debian)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("golang-github") })
        #expect(line.contains("…"))
        #expect(line.count <= 100)
    }

    @Test("sections are ordered by package type and counted per type")
    func grouping() throws {
        let mixed = Inventory(
            target: ScanTarget(kind: .rootfs, name: "/mixed"),
            packages: Array(Samples.rhel.packages.prefix(2)) + Array(Samples.alpine.packages.prefix(3))
                + Array(Samples.debian.packages.prefix(1)))
        let text = try TestHelpers.table(mixed)
        let apk = try #require(text.range(of: "apk packages (3)"))
        let deb = try #require(text.range(of: "deb package (1)"))
        let rpm = try #require(text.range(of: "rpm packages (2)"))
        #expect(apk.lowerBound < deb.lowerBound && deb.lowerBound < rpm.lowerBound)
        #expect(text.contains("6 packages (3 apk, 1 deb, 2 rpm)"))
    }

    @Test("an empty inventory with unknown OS prints sensibly")
    func empty() throws {
        let text = try TestHelpers.table(Samples.emptyRootfs)
        #expect(text == "Target: /tmp/empty (rootfs)\nOS:     unknown\n\nNo packages found.\n\n0 packages\n")
    }

    @Test("an image without OS says OS: unknown and Platform from the config")
    func unknownOS() throws {
        var inventory = Samples.alpine
        inventory.operatingSystem = nil
        let text = try TestHelpers.table(inventory)
        #expect(text.contains("OS:       unknown\n"))
        #expect(text.contains("Platform: linux/arm64/v8\n"))
    }

    @Test("hostile text cannot inject terminal escapes or break lines")
    func hostile() throws {
        var package = Samples.debian.packages[0]
        package.name = "evil\u{1B}]0;pwned\u{07}\u{1B}[2Jname"
        package.version = "1.0\nFAKE LINE"
        package.sourceName = "src\u{202E}txt"
        let inventory = Inventory(
            target: ScanTarget(kind: .rootfs, name: "/tmp/\u{1B}[31mred"), packages: [package],
            warnings: ["bad\u{1B}[1mwarning\r\nsecond"])
        for colors in [false, true] {
            let text = try TestHelpers.table(inventory, colors: colors)
            let withoutOurStyles = text.replacing(/\x{1B}\[[012]m/, with: "")
            #expect(!withoutOurStyles.contains(Self.escape))
            #expect(!text.contains("\u{07}"))
            #expect(!text.contains("\u{202E}"))
            #expect(!text.contains("\nFAKE LINE"))
        }
    }

    @Test("many warnings are listed up to ten, then counted")
    func manyWarnings() throws {
        let inventory = Inventory(
            target: ScanTarget(kind: .rootfs, name: "/w"), warnings: (1...14).map { "warning number \($0)" })
        let text = try TestHelpers.table(inventory)
        #expect(text.contains("14 warnings:"))
        #expect(text.contains("  warning number 10\n"))
        #expect(!text.contains("warning number 11"))
        #expect(text.contains("… and 4 more"))
    }
}
