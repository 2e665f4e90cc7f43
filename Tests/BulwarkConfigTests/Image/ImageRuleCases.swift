import BulwarkConfig
import BulwarkCore
import Testing

/// A built image for the image rules: config, history and a filesystem.
struct ImageFixture: Sendable {
    var config = ImageRuntimeConfig(user: "app", healthcheck: ["CMD-SHELL", "true"])
    var history: [ImageHistoryEntry] = [ImageHistoryEntry(createdBy: "/bin/sh -c #(nop) ADD file:0123 in / ")]
    var files: [(path: String, node: FileNode)] = []

    var metadata: ImageMetadata { ImageMetadata(config: config, history: history) }

    var tree: MemoryFileTree {
        var tree = MemoryFileTree()
        tree.set("/etc", FileNode(kind: .directory, mode: 0o755))
        tree.set("/tmp", FileNode(kind: .directory, mode: 0o1777))
        tree.set("/usr/bin/env", FileNode(kind: .regular, size: 100, mode: 0o755))
        for (path, node) in files { tree.set(path, node) }
        return tree
    }

    static func file(_ mode: UInt32, size: Int64 = 10) -> FileNode { FileNode(kind: .regular, size: size, mode: mode, layerIndex: 1) }
}

/// One image rule's positive and negative example.
struct ImageRuleCase: Sendable, CustomTestStringConvertible {
    var ruleID: String
    var positive: ImageFixture
    var negative: ImageFixture
    var testDescription: String { ruleID }
}

enum ImageRuleCases {
    static func with(_ change: (inout ImageFixture) -> Void) -> ImageFixture {
        var fixture = ImageFixture()
        change(&fixture)
        return fixture
    }

    static let all: [ImageRuleCase] = [
        ImageRuleCase(
            ruleID: "BW-IMG-001", positive: with { $0.config.user = nil }, negative: with { $0.config.user = "1000:1000" }),
        ImageRuleCase(
            ruleID: "BW-IMG-002", positive: with { $0.config.healthcheck = ["NONE"] }, negative: ImageFixture()),
        ImageRuleCase(
            ruleID: "BW-IMG-003", positive: with { $0.config.env = ["PATH=/usr/bin", "DB_PASSWORD=s3cr3tValue!"] },
            negative: with { $0.config.env = ["PATH=/usr/bin", "DB_PASSWORD_FILE=/run/secrets/db", "API_TOKEN="] }),
        ImageRuleCase(
            ruleID: "BW-IMG-004", positive: with { $0.config.labels = ["deploy.token": "glpat-abcdefghij0123456789"] },
            negative: with { $0.config.labels = ["org.opencontainers.image.source": "https://example.com/repo"] }),
        ImageRuleCase(
            ruleID: "BW-IMG-005",
            positive: with { $0.history.append(ImageHistoryEntry(createdBy: "RUN |1 NPM_TOKEN=npm_abcdefghijklmnop0123 /bin/sh -c npm ci # buildkit")) },
            negative: with { $0.history.append(ImageHistoryEntry(createdBy: "RUN |1 NODE_ENV=production /bin/sh -c npm ci # buildkit")) }),
        ImageRuleCase(
            ruleID: "BW-IMG-006", positive: with { $0.files = [("/usr/bin/su", ImageFixture.file(0o4755))] },
            negative: with { $0.files = [("/usr/bin/ls", ImageFixture.file(0o755))] }),
        ImageRuleCase(
            ruleID: "BW-IMG-007", positive: with { $0.files = [("/app/run.sh", ImageFixture.file(0o777))] },
            negative: with { $0.files = [("/var/tmp", FileNode(kind: .directory, mode: 0o1777)), ("/app/link", FileNode(kind: .symlink, mode: 0o777, linkTarget: "run.sh"))] }),
        ImageRuleCase(
            ruleID: "BW-IMG-008", positive: with { $0.files = [("/root/.ssh/id_ed25519", ImageFixture.file(0o600))] },
            negative: with { $0.files = [("/root/.ssh/id_ed25519.pub", ImageFixture.file(0o644)), ("/usr/lib/python3/dist-packages/x/tests/server.key", ImageFixture.file(0o644))] }),
        ImageRuleCase(
            ruleID: "BW-IMG-009", positive: with { $0.files = [("/app/.git", FileNode(kind: .directory, mode: 0o755)), ("/app/.git/config", ImageFixture.file(0o644))] },
            negative: with { $0.files = [("/app/.gitignore", ImageFixture.file(0o644))] }),
        ImageRuleCase(
            ruleID: "BW-IMG-010", positive: with { $0.files = [("/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages.lz4", ImageFixture.file(0o644, size: 9_000_000))] },
            negative: with { $0.files = [("/var/lib/apt/lists/lock", ImageFixture.file(0o640)), ("/var/lib/apt/lists/partial", FileNode(kind: .directory, mode: 0o700))] }),
        ImageRuleCase(
            ruleID: "BW-IMG-011", positive: with { $0.history.append(ImageHistoryEntry(createdBy: "ADD https://example.com/tool.tar.gz /opt/ # buildkit")) },
            negative: with { $0.history.append(ImageHistoryEntry(createdBy: "ADD app.tar.gz /opt/ # buildkit")) }),
    ]
}
