import BulwarkConfig
import Testing

@Suite struct HeuristicsTests {
    @Test(arguments: [
        ("nginx", "docker.io", "library/nginx", nil as String?, true),
        ("nginx:latest", "docker.io", "library/nginx", "latest", true),
        ("ghcr.io/acme/app:1.2@sha256:abc", "ghcr.io", "acme/app", "1.2", false),
        ("localhost:5000/app:3", "localhost:5000", "app", "3", false),
        ("registry.example.com:5000/team/app", "registry.example.com:5000", "team/app", nil, true),
        ("index.docker.io/library/redis:7", "docker.io", "library/redis", "7", false),
    ])
    func parsesImageNames(reference: String, registry: String, repository: String, tag: String?, latest: Bool) {
        let name = ImageName(reference)
        #expect(name.registry == registry)
        #expect(name.repository == repository)
        #expect(name.tag == tag)
        #expect(name.usesLatest == latest)
    }

    @Test func trustedRegistryPrefixes() {
        #expect(ImageName("nginx:1").isTrusted(by: ["docker.io"]))
        #expect(ImageName("ghcr.io/acme/app:1").isTrusted(by: ["ghcr.io/acme"]))
        #expect(!ImageName("ghcr.io/acmeevil/app:1").isTrusted(by: ["ghcr.io/acme"]))
        #expect(!ImageName("quay.io/x/y:1").isTrusted(by: ["docker.io", "ghcr.io"]))
    }

    @Test(arguments: [
        ("DB_PASSWORD", "hunter2", true), ("API_KEY", "abc123", true), ("GITHUB_TOKEN", "", false),
        ("PASSWORD_FILE", "/run/secrets/pw", false), ("TOKEN_URL", "https://x", false), ("SECRET", "${SECRET}", false),
        ("AUTH_ENABLED", "true", false), ("PATH", "/usr/bin", false), ("NOTE", "AKIAIOSFODNN7EXAMPLE", true),
        ("KEYBOARD", "us", false),
    ])
    func recognisesSecrets(name: String, value: String, secret: Bool) {
        #expect(SecretHeuristics.looksLikeSecret(name: name, value: value) == secret)
    }

    @Test func splitsShellCommands() {
        let commands = ShellWords.commands(in: "curl -fsSL 'https://x/a b' | sudo -E bash - && echo \"done; really\" # trailing ; comment")
        #expect(commands.map(\.words) == [["curl", "-fsSL", "https://x/a b"], ["sudo", "-E", "bash", "-"], ["echo", "done; really"]])
        #expect(commands.map(\.pipesToNext) == [true, false, false])
        #expect(ShellWords.unwrapped(["sudo", "-E", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install"]) == ["apt-get", "install"])
    }

    @Test func suppressionsParse() {
        let lines: [Substring] = ["# bulwark:ignore=BW-DF-001,bw-df-002 reason", "FROM x", "RUN y # bulwark:ignore=ALL", "RUN z"]
        let suppressions = InlineSuppressions(lines: lines)
        let rule = DockerfileRules.latestTag
        #expect(suppressions.suppresses(ConfigFinding(rule: rule, file: "f", line: 1, message: "")))
        #expect(suppressions.suppresses(ConfigFinding(rule: rule, file: "f", line: 2, message: "")))
        #expect(!suppressions.suppresses(ConfigFinding(rule: DockerfileRules.sudo, file: "f", line: 2, message: "")))
        #expect(!suppressions.suppresses(ConfigFinding(rule: rule, file: "f", line: 4, message: "")))
        #expect(suppressions.suppresses(ConfigFinding(rule: DockerfileRules.sudo, file: "f", line: 3, message: "")))
    }
}
