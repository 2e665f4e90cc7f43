import BulwarkSecrets
import Foundation
import Testing

/// Measures scanning speed on keyword-free, config- and code-like text (the common case in images).
/// The bound asserted is loose (debug builds are slow); the number to report is the release one:
/// `swift test -c release --filter ThroughputTests`. BULWARK_SECRET_THROUGHPUT_MB sets the size.
@Suite struct ThroughputTests {
    static func typicalText(size: Int) -> [UInt8] {
        let lines = [
            "import Foundation\n", "func handle(request: Request) async throws -> Response {\n",
            "    let body = try await request.body.collect(upTo: 1 << 20)\n", "    guard let user = session.user else { return .unauthorized }\n",
            "server:\n", "  port: 8080\n", "  host: 0.0.0.0\n", "logging:\n", "  level: info\n", "  format: json\n",
            "spring.application.name=orders\n", "# Configure the cache directory below.\n", "cache_dir = /var/cache/app\n",
            "<dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId></dependency>\n",
            "    for (index, item) in items.enumerated() where item.isValid { total += item.value * index }\n",
            "The quick brown fox jumps over the lazy dog while the daemon rotates its logs every night.\n",
            "#include <stdio.h>\n", "static int counter = 0;\n", "export default function render(props) { return view(props.items); }\n",
            "  - name: install dependencies\n", "    run: make build && make install\n",
        ]
        var output = [UInt8]()
        output.reserveCapacity(size + 200)
        var index = 0
        while output.count < size {
            output += lines[index % lines.count].utf8
            index += 7
        }
        return output
    }

    @Test func keywordFreeTextThroughput() {
        let megabytes = Int(ProcessInfo.processInfo.environment["BULWARK_SECRET_THROUGHPUT_MB"] ?? "") ?? 50
        let chunk = Self.typicalText(size: 1 << 20)
        let scanner = SecretScanner()
        #expect(scanner.scan(path: "/src/chunk", bytes: chunk).findings.isEmpty)
        let clock = ContinuousClock()
        var findings = 0
        let elapsed = clock.measure {
            for index in 0..<megabytes {
                findings += scanner.scan(path: "/src/file\(index).txt", bytes: chunk).findings.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(megabytes) / seconds
        print("secret scan throughput: \(megabytes) MiB of keyword-free text in \(String(format: "%.3f", seconds)) s = \(String(format: "%.0f", rate)) MiB/s on one core")
        #expect(findings == 0)
        #expect(rate > 5)
    }
}
