import BulwarkCore
import BulwarkSecrets
import Foundation
import Testing

@Suite struct SecretConfigurationTests {
    @Test func userRulesDisableAndAllowApply() throws {
        let yaml = """
            max-file-size: 4096
            rules:
              - id: acme-token
                category: Acme
                title: Acme API token
                severity: medium
                regex: 'acme_(?<secret>[a-z0-9]{32})'
                keywords: [ACME_]
                entropy: 3.0
            disable: [generic-password]
            allow:
              - id: fixtures
                description: test fixtures
                regex: '^ghp_0{36}$'
              - id: vendored
                paths: ['^/vendor/']
              - id: acme-in-tests
                paths: ['/tests/']
                rules: [acme-token]
            """
        let configuration = try SecretConfigurationFile.parse(yaml: yaml, source: "secret.yaml")
        #expect(configuration.maxFileSize == 4096)
        #expect(configuration.rules.first?.id == "acme-token")
        #expect(!configuration.rules.contains { $0.id == "generic-password" })
        let scanner = SecretScanner(configuration: configuration)
        var t = TokenFactory(seed: 3)
        let acme = "acme_" + t.string(TokenFactory.lower + TokenFactory.digits, 32)
        let text = "key: \(acme)\nPASSWORD=\(t.password())\nfixture: ghp_\(String(repeating: "0", count: 36))\n"
        let findings = scanner.scan(path: "/app/settings", bytes: Array(text.utf8)).findings
        #expect(findings.map(\.ruleID) == ["acme-token"])
        #expect(findings.first?.severity == .medium)
        #expect(findings.first?.match.hasPrefix("acme") == false)
        #expect(scanner.scan(path: "/app/tests/settings", bytes: Array(text.utf8)).findings.isEmpty)
        #expect(!scanner.wants(path: "/vendor/lib/config", size: 10))
        #expect(scanner.scan(path: "/vendor/x", bytes: Array(text.utf8)).skippedAllowedPath)
        #expect(scanner.scan(path: "/app/big", bytes: [UInt8](repeating: 0x41, count: 5000)).skippedTooLarge)
    }

    @Test(arguments: [
        ("rules: [{id: x, regex: 'a(', keywords: [ab]}]", "rules[0].regex"),
        ("rules: [{id: x, regex: 'abc'}]", "rules[0].keywords"),
        ("rules: [{id: x, regex: 'abc', keywords: [a]}]", "rules[0].keywords[0]"),
        ("rules: [{regex: 'abc', keywords: [ab]}]", "rules[0].id"),
        ("rules: [{id: x, regex: 'abc', keywords: [ab], severity: dire}]", "rules[0].severity"),
        ("rules: [{id: x, regex: 'abc', keywords: [ab], entropy: lots}]", "rules[0].entropy"),
        ("rules: [{id: x, regex: 'abc', keywords: [ab], colour: red}]", "rules[0].colour"),
        ("disable: [no-such-rule]", "disable[0]"),
        ("allow: [{id: a, paths: ['(']}]", "allow[0].paths[0]"),
        ("allow: [{id: a}]", "allow[0]"),
        ("max-file-size: -3", "max-file-size"),
        ("rulez: []", "rulez"),
        ("- just a list", "top level"),
        ("rules: {id: x}", "rules"),
    ])
    func badConfigurationNamesFileAndField(yaml: String, field: String) {
        do {
            _ = try SecretConfigurationFile.parse(yaml: yaml, source: "/etc/bulwark/secret.yaml")
            Issue.record("accepted: \(yaml)")
        } catch let error as BulwarkError {
            #expect(error.code == .invalidInput)
            #expect(error.message.hasPrefix("/etc/bulwark/secret.yaml: "), "\(error.message)")
            #expect(error.message.contains(field), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func distributionFoldersAreSkippedUnlessTheAllowRuleIsDisabled() throws {
        let scanner = SecretScanner()
        #expect(!scanner.wants(path: "/usr/share/nginx/keys.txt", size: 100))
        #expect(!scanner.wants(path: "/usr/lib/python3/dist-packages/x/settings.py", size: 100))
        #expect(scanner.wants(path: "/usr/local/lib/app/settings.py", size: 100))
        #expect(scanner.wants(path: "/etc/app/settings.py", size: 100))
        let all = SecretScanner(configuration: try SecretConfigurationFile.parse(yaml: "disable: [distribution-folders]\n", source: "s.yaml"))
        #expect(all.wants(path: "/usr/share/nginx/keys.txt", size: 100))
        #expect(!all.wants(path: "/usr/share/doc/x/README", size: 100), "the documentation rule still applies")
    }

    @Test func invalidYAMLAndMissingFileFail() throws {
        #expect(throws: BulwarkError.self) { try SecretConfigurationFile.parse(yaml: "rules: [", source: "s.yaml") }
        #expect(throws: BulwarkError.self) { try SecretConfigurationFile.load(path: "/nonexistent/secret.yaml") }
        let empty = try SecretConfigurationFile.parse(yaml: "", source: "s.yaml")
        #expect(empty.rules.count == SecretConfiguration.builtIn.rules.count)
        let none = try SecretConfigurationFile.parse(yaml: "builtin-rules: false\nrules: [{id: x, regex: 'xy(?<secret>z+)', keywords: [xy]}]", source: "s.yaml")
        #expect(none.rules.map(\.id) == ["x"])
    }

    @Test func loadsFromFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("secret-config-\(UUID().uuidString).yaml").path
        try Data("disable: [jwt]\n".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try SecretConfigurationFile.load(path: path)
        #expect(configuration.rules.count == SecretConfiguration.builtIn.rules.count - 1)
    }
}
