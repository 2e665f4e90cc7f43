import BulwarkCore
import BulwarkSecrets
import Foundation
import Testing

@Suite struct SecretScannerTests {
    let scanner = SecretScanner()

    @Test func reportsLineColumnAndMaskedMatch() throws {
        var t = TokenFactory(seed: 7)
        let key = "AKIA" + t.string(TokenFactory.base32, 16)
        let text = "# credentials\n[default]\n  aws_access_key_id = \(key)\n"
        let result = scanner.scan(path: "/root/.aws/credentials", bytes: Array(text.utf8))
        let finding = try #require(result.findings.first)
        #expect(result.findings.count == 1)
        #expect(finding.ruleID == "aws-access-key-id")
        #expect(finding.category == "AWS")
        #expect(finding.severity == .critical)
        #expect(finding.path == "/root/.aws/credentials")
        #expect(finding.line == 3)
        #expect(finding.column == 23)
        #expect(finding.match == "AKIA" + String(repeating: "*", count: 16))
        #expect(finding.snippet == "aws_access_key_id = AKIA****************")
        #expect(!finding.snippet.contains(key))
    }

    @Test func findingEncodesWithStableKeys() throws {
        var t = TokenFactory(seed: 8)
        let result = scanner.scan(path: "a.env", bytes: Array("GITHUB_TOKEN=ghp_\(t.string(TokenFactory.alnum, 36))".utf8))
        let finding = try #require(result.findings.first)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(finding)) as? [String: Any])
        #expect(Set(object.keys) == ["ruleID", "category", "title", "severity", "path", "line", "column", "match", "snippet"])
        #expect(object["severity"] as? String == "critical")
        let decoded = try JSONDecoder().decode(SecretFinding.self, from: JSONEncoder().encode(finding))
        #expect(decoded == finding)
    }

    @Test func maskNeverShowsShortSecretsAndCapsLength() {
        #expect(SecretMask.mask(Array("abc".utf8)) == "****")
        #expect(SecretMask.mask(Array("abcdefgh".utf8)) == "ab******")
        #expect(SecretMask.mask(Array(String(repeating: "x", count: 100).utf8)) == "xxxx" + String(repeating: "*", count: 24))
    }

    @Test func everySecretOnASnippetLineIsMasked() throws {
        var t = TokenFactory(seed: 9)
        let first = "ghp_" + t.string(TokenFactory.alnum, 36)
        let second = "glpat-" + t.string(TokenFactory.alnum, 20)
        let result = scanner.scan(path: "x", bytes: Array("tokens: \(first) \(second)".utf8))
        #expect(result.findings.map(\.ruleID) == ["github-pat", "gitlab-pat"])
        for finding in result.findings {
            #expect(!finding.snippet.contains(first))
            #expect(!finding.snippet.contains(second))
        }
    }

    @Test func specificRuleWinsOverGenericOnTheSameSecret() {
        var t = TokenFactory(seed: 10)
        let text = "GITHUB_TOKEN=ghp_\(t.string(TokenFactory.alnum, 36))\napi_token: \(t.string(TokenFactory.alnum, 30))"
        let ids = scanner.scan(path: "x", bytes: Array(text.utf8)).findings.map(\.ruleID)
        #expect(ids == ["github-pat", "generic-secret"])
    }

    @Test func skipsBinaryContent() {
        var t = TokenFactory(seed: 1)
        var bytes = Array("password=\(t.string(TokenFactory.alnum, 20))\n".utf8)
        bytes.insert(0, at: 3)
        let result = scanner.scan(path: "/bin/tool", bytes: bytes)
        #expect(result.skippedBinary)
        #expect(result.findings.isEmpty)
        let controls = [UInt8](repeating: 0x01, count: 100) + Array("ghp_aaaa".utf8)
        #expect(scanner.scan(path: "x", bytes: controls).skippedBinary)
    }

    @Test func wantsSkipsLargeBinaryAndAllowedPaths() {
        #expect(scanner.wants(path: "/app/.env", size: 100))
        #expect(scanner.wants(path: "/etc/app/config.yaml", size: 10 << 20))
        #expect(!scanner.wants(path: "/etc/app/config.yaml", size: (10 << 20) + 1))
        #expect(!scanner.wants(path: "/etc/app/empty", size: 0))
        #expect(!scanner.wants(path: "/usr/share/icons/logo.PNG", size: 100))
        #expect(!scanner.wants(path: "/usr/lib/libssl.so", size: 100))
        #expect(!scanner.wants(path: "/app/lib/app.jar", size: 100))
        #expect(!scanner.wants(path: "/usr/share/doc/openssl/README", size: 100))
        #expect(scanner.wants(path: "/app/archive.tar.bak", size: 100))
        #expect(scanner.wants(path: "/root/.ssh/id_rsa", size: 100))
        #expect(scanner.wants(path: "Makefile", size: 100))
    }

    @Test func scanTextReportsOriginForImageConfig() throws {
        var t = TokenFactory(seed: 11)
        let findings = scanner.scan(text: "NPM_TOKEN=npm_\(t.string(TokenFactory.alnum, 36))", origin: "config:Env[2]")
        let finding = try #require(findings.first)
        #expect(finding.ruleID == "npm-access-token")
        #expect(finding.path == "config:Env[2]")
        #expect(finding.line == 1)
        #expect(scanner.scan(text: "PATH=/usr/local/sbin:/usr/local/bin", origin: "config:Env[0]").isEmpty)
    }

    @Test func documentedExamplesAreAllowed() {
        let text = "aws_access_key_id=AKIAIOSFODNN7EXAMPLE\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"
        #expect(scanner.scan(path: "/root/.aws/credentials", bytes: Array(text.utf8)).findings.isEmpty)
    }

    @Test func invalidUTF8AroundASecretKeepsOffsets() throws {
        var t = TokenFactory(seed: 12)
        let token = "ghp_" + t.string(TokenFactory.alnum, 36)
        let bytes: [UInt8] = [0xC3, 0x28, 0xFF, 0x20] + Array("é token=\(token)\n".utf8) + [0xF0, 0x9F]
        let finding = try #require(scanner.scan(path: "x", bytes: bytes).findings.first)
        #expect(finding.ruleID == "github-pat")
        #expect(finding.column == 14)
        #expect(finding.match.hasPrefix("ghp_"))
    }

    @Test func fileNameRulesApplyOnlyToTheirFiles() {
        var t = TokenFactory(seed: 13)
        let line = "db.internal:5432:app:app_user:\(t.password())\n"
        #expect(scanner.scan(path: "/root/.pgpass", bytes: Array(line.utf8)).findings.map(\.ruleID) == ["pgpass-password"])
        #expect(scanner.scan(path: "/app/notes.txt", bytes: Array(line.utf8)).findings.isEmpty)
        #expect(scanner.scan(path: ".pgpass", bytes: Array(line.utf8)).findings.count == 1)
    }

    @Test func allowRuleValuesAndRuleScopes() throws {
        var t = TokenFactory(seed: 14)
        let pat = "ghp_" + t.string(TokenFactory.alnum, 36)
        let other = "ghp_" + t.string(TokenFactory.alnum, 36)
        var configuration = SecretConfiguration.builtIn
        configuration.allowRules.append(SecretAllowRule(id: "known", values: [pat]))
        configuration.allowRules.append(SecretAllowRule(
            id: "fixtures", paths: [try CompiledPattern("/fixtures/", context: "test")], ruleIDs: ["github-pat"]))
        let scanner = SecretScanner(configuration: configuration)
        let text = "a=\(pat)\nb=\(other)\n"
        #expect(scanner.scan(path: "/app/x", bytes: Array(text.utf8)).findings.map(\.line) == [2])
        #expect(scanner.scan(path: "/app/fixtures/x", bytes: Array(text.utf8)).findings.isEmpty)
        #expect(scanner.wants(path: "/app/fixtures/x", size: 10), "a rule-scoped allow rule must not skip the file")
    }

    /// The harness image's fake AWS credentials, which Trivy reports as 2 secrets.
    static let harnessSettings: String? = {
        let candidates = [
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/eval/images/app/settings.ini").path,
            "/work/shared/eval/images/app/settings.ini",
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }()

    @Test(.enabled(if: harnessSettings != nil)) func findsTheHarnessImageSecretsLikeTrivy() throws {
        let path = try #require(Self.harnessSettings)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let findings = scanner.scan(path: "/app/settings.ini", bytes: bytes).findings
        #expect(findings.map(\.ruleID) == ["aws-access-key-id", "aws-secret-access-key"])
        #expect(findings.map(\.line) == [5, 6])
    }

    @Test func concurrentScansAgree() async {
        let files = SecretCorpus.make()
        let shared = scanner
        let expected = files.map { shared.scan(path: $0.path, bytes: Array($0.content.utf8)) }
        let results = await withTaskGroup(of: (Int, SecretFileResult).self) { group in
            for round in 0..<4 {
                for (index, file) in files.enumerated() {
                    _ = round
                    group.addTask { (index, shared.scan(path: file.path, bytes: Array(file.content.utf8))) }
                }
            }
            var collected: [(Int, SecretFileResult)] = []
            for await item in group { collected.append(item) }
            return collected
        }
        #expect(results.count == files.count * 4)
        for (index, result) in results { #expect(result == expected[index]) }
    }
}
