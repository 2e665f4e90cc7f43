import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

/// Merge semantics per attribute kind. `docker compose` is not available here (and PyPI has no
/// maintained Compose v2 tool), so every expectation is derived from the Compose specification's
/// "Merge and override" page (compose-spec 13-merge.md) and the reference loader's documented rules.
@Suite struct ComposeMergeSemanticsTests {
    /// Merges `base` and `override` (as `base.yaml`, `override.yaml`) and returns service `web`.
    func mergedWeb(_ base: String, _ override: String) throws -> ComposeValue {
        let model = try ComposeProject.merge(files: [("base.yaml", base), ("override.yaml", override)])
        return try #require(model.root.value(at: ["services", "web"]))
    }

    @Test func mappingsMergeKeyByKeyAndScalarsAreReplaced() throws {
        // Spec "Mapping": key1 kept, key2 replaced, key3 added.
        let web = try mergedWeb("services:\n  web:\n    image: a:1\n    user: \"1000\"\n", "services:\n  web:\n    user: \"2000\"\n    read_only: true\n")
        #expect(web.entries.map(\.key) == ["image", "user", "read_only"])
        #expect(web["image"]?.string == "a:1")
        #expect(web["user"]?.string == "2000")
        #expect(web.entry("user")?.origin == ComposeOrigin(fileIndex: 1, line: 3), "the replaced value points at the override")
        #expect(web["read_only"]?.origin.fileIndex == 1)
    }

    @Test func plainSequencesAppend() throws {
        // Spec "Sequence": security_opt has no uniqueness rule, so both files' items remain, in order.
        let web = try mergedWeb("services:\n  web:\n    security_opt: [\"label:type:a\"]\n", "services:\n  web:\n    security_opt: [\"no-new-privileges:true\"]\n")
        #expect(web["security_opt"]?.strings == ["label:type:a", "no-new-privileges:true"])
    }

    @Test(arguments: ["command", "entrypoint"])
    func shellCommandsAreReplaced(attribute: String) throws {
        // Spec "Shell commands": the latest file wins, nothing is appended.
        let web = try mergedWeb("services:\n  web:\n    \(attribute): [\"echo\", \"foo\"]\n", "services:\n  web:\n    \(attribute): [\"echo\", \"bar\"]\n")
        #expect(web[attribute]?.strings == ["echo", "bar"])
    }

    @Test func healthcheckTestIsReplacedButHealthcheckMerges() throws {
        let web = try mergedWeb(
            "services:\n  web:\n    healthcheck:\n      test: [\"CMD\", \"a\"]\n      interval: 10s\n",
            "services:\n  web:\n    healthcheck:\n      test: [\"CMD\", \"b\"]\n")
        #expect(web.value(at: ["healthcheck", "test"])?.strings == ["CMD", "b"])
        #expect(web.value(at: ["healthcheck", "interval"])?.string == "10s")
    }

    @Test func portsAreUniqueByAddressPublishedTargetAndProtocol() throws {
        let web = try mergedWeb(
            "services:\n  web:\n    ports: [\"8080:80\", \"53:53/udp\"]\n",
            "services:\n  web:\n    ports:\n      - target: 80\n        published: \"8080\"\n      - \"53:53\"\n      - \"127.0.0.1:8080:80\"\n")
        let ports = try #require(web["ports"]).elements
        #expect(ports.count == 4, "8080:80 is replaced in place by the long form; 53/tcp and the 127.0.0.1 binding are new")
        #expect(ports[0].isMapping && ports[0].origin.fileIndex == 1)
        #expect(ports[1].string == "53:53/udp")
        #expect(ports[2].string == "53:53")
        #expect(ports[3].string == "127.0.0.1:8080:80")
    }

    @Test func volumesAreUniqueByTarget() throws {
        // Spec example: `foo:/work` then `bar:/work` gives only `bar:/work`.
        let web = try mergedWeb(
            "services:\n  web:\n    volumes: [\"foo:/work\", \"logs:/var/log\"]\n",
            "services:\n  web:\n    volumes:\n      - bar:/work\n      - type: bind\n        source: /srv\n        target: /srv\n")
        let volumes = try #require(web["volumes"]).elements
        #expect(volumes.count == 3)
        #expect(volumes[0].string == "bar:/work")
        #expect(volumes[1].string == "logs:/var/log")
        #expect(volumes[2]["target"]?.string == "/srv")
    }

    @Test func secretsAndConfigsAreUniqueByTarget() throws {
        let web = try mergedWeb(
            "services:\n  web:\n    secrets: [db]\n    configs: [app]\n",
            "services:\n  web:\n    secrets:\n      - source: db2\n        target: /run/secrets/db\n      - api\n    configs:\n      - source: app\n        target: /etc/app.conf\n")
        #expect(web["secrets"]?.elements.count == 2, "the long form with target /run/secrets/db replaces `db`")
        #expect(web["secrets"]?.elements.first?["source"]?.string == "db2")
        #expect(web["configs"]?.elements.count == 2, "config `app` defaults to target /app, not /etc/app.conf")
    }

    @Test(arguments: ["cap_add", "cap_drop", "dns", "dns_search", "dns_opt", "expose", "tmpfs", "profiles"])
    func setLikeSequencesDropDuplicates(attribute: String) throws {
        let web = try mergedWeb("services:\n  web:\n    \(attribute): [A, B]\n", "services:\n  web:\n    \(attribute): [C, A]\n")
        #expect(web[attribute]?.strings == ["A", "B", "C"])
    }

    @Test func singleStringFormsBecomeSequences() throws {
        let web = try mergedWeb("services:\n  web:\n    dns: 1.1.1.1\n", "services:\n  web:\n    dns: [8.8.8.8, 1.1.1.1]\n")
        #expect(web["dns"]?.strings == ["1.1.1.1", "8.8.8.8"])
    }

    @Test(arguments: ["environment", "labels", "sysctls"])
    func keyValueAttributesMergeByKeyAcrossForms(attribute: String) throws {
        let web = try mergedWeb(
            "services:\n  web:\n    \(attribute):\n      - A=1\n      - B=2\n",
            "services:\n  web:\n    \(attribute):\n      B: 3\n      C: 4\n")
        let merged = try #require(web[attribute])
        #expect(merged.entries.map(\.key) == ["A", "B", "C"])
        #expect(merged["A"]?.string == "1")
        #expect(merged["B"]?.string == "3")
        #expect(merged.entry("B")?.origin == ComposeOrigin(fileIndex: 1, line: 4))
        #expect(merged["C"]?.string == "4")
    }

    @Test func extraHostsAppendWithoutDuplicates() throws {
        let web = try mergedWeb(
            "services:\n  web:\n    extra_hosts: [\"db:10.0.0.2\"]\n",
            "services:\n  web:\n    extra_hosts:\n      db: 10.0.0.2\n      cache: [10.0.0.3, \"::1\"]\n")
        #expect(web["extra_hosts"]?.strings == ["db=10.0.0.2", "cache=10.0.0.3", "cache=::1"])
    }

    @Test func ulimitsMergeByNameAndReplaceEachLimit() throws {
        let web = try mergedWeb(
            "services:\n  web:\n    ulimits:\n      nproc: 100\n      nofile: {soft: 10, hard: 20}\n",
            "services:\n  web:\n    ulimits:\n      nofile: {soft: 30}\n")
        #expect(web.value(at: ["ulimits", "nproc"])?.string == "100")
        #expect(web.value(at: ["ulimits", "nofile", "soft"])?.string == "30")
        #expect(web.value(at: ["ulimits", "nofile", "hard"]) == nil, "a limit is replaced as a whole")
    }

    @Test func buildStringAndDependsOnListAreNormalized() throws {
        let web = try mergedWeb(
            "services:\n  web:\n    build: ./app\n    depends_on: [db]\n",
            "services:\n  web:\n    build:\n      dockerfile: Dockerfile.prod\n    depends_on:\n      cache: {condition: service_healthy}\n")
        #expect(web.value(at: ["build", "context"])?.string == "./app")
        #expect(web.value(at: ["build", "dockerfile"])?.string == "Dockerfile.prod")
        #expect(web["depends_on"]?.entries.map(\.key) == ["db", "cache"])
    }

    @Test func loggingMergesOnlyForTheSameDriver() throws {
        let same = try mergedWeb(
            "services:\n  web:\n    logging: {driver: json-file, options: {max-size: 1m}}\n",
            "services:\n  web:\n    logging: {options: {max-file: \"3\"}}\n")
        #expect(same.value(at: ["logging", "options"])?.entries.map(\.key) == ["max-size", "max-file"])
        let other = try mergedWeb(
            "services:\n  web:\n    logging: {driver: json-file, options: {max-size: 1m}}\n",
            "services:\n  web:\n    logging: {driver: syslog}\n")
        #expect(other["logging"]?.entries.map(\.key) == ["driver"])
    }

    @Test func resetRemovesAndOverrideReplaces() throws {
        // Spec "Reset value" and "Replace value" examples.
        let web = try mergedWeb(
            "services:\n  web:\n    image: myapp\n    ports: [\"8080:80\"]\n    expose: [\"80\"]\n    environment:\n      FOO: BAR\n      KEEP: \"1\"\n",
            "services:\n  web:\n    ports: !reset []\n    expose: !override [\"443\"]\n    environment:\n      FOO: !reset null\n")
        #expect(web["ports"] == nil)
        #expect(web["expose"]?.strings == ["443"])
        #expect(web["environment"]?.entries.map(\.key) == ["KEEP"])
    }

    @Test func resetCanRemoveAWholeService() throws {
        let model = try ComposeProject.merge(files: [
            ("a.yaml", "services:\n  web: {image: a}\n  debug: {image: b}\n"), ("b.yaml", "services:\n  debug: !reset {}\n"),
        ])
        #expect(model.root["services"]?.entries.map(\.key) == ["web"])
    }

    @Test func nullInAnOverrideKeepsTheBaseValue() throws {
        let web = try mergedWeb("services:\n  web:\n    image: a:1\n", "services:\n  web:\n    image:\n")
        #expect(web["image"]?.string == "a:1")
    }

    @Test func mergeKeysAndAnchorsApplyBeforeMerging() throws {
        let web = try mergedWeb(
            "x-common: &common\n  read_only: true\n  user: \"1000\"\nservices:\n  web:\n    <<: *common\n    image: a\n",
            "services:\n  web:\n    user: \"2000\"\n")
        #expect(web["read_only"]?.string == "true")
        #expect(web["user"]?.string == "2000")
        #expect(web["<<"] == nil)
    }

    @Test func threeFilesMergeInOrder() throws {
        let model = try ComposeProject.merge(files: [
            ("1.yaml", "services:\n  web:\n    image: a:1\n"), ("2.yaml", "services:\n  web:\n    image: a:2\n"),
            ("3.yaml", "services:\n  web:\n    cap_add: [X]\n"),
        ])
        let web = try #require(model.root.value(at: ["services", "web"]))
        #expect(web["image"]?.string == "a:2")
        #expect(model.path(of: web.entry("image")!.origin) == "2.yaml")
        #expect(model.path(of: web["cap_add"]!.elements[0].origin) == "3.yaml")
    }

    @Test func incompatibleTypesNameTheOverrideFileAndLine() {
        #expect {
            try ComposeProject.merge(files: [("a.yaml", "services:\n  web:\n    volumes: [\"x:/x\"]\n    deploy: {replicas: 1}\n"), ("b.yaml", "services:\n  web:\n    deploy: 2\n")])
        } throws: { error in
            guard let error = error as? BulwarkError else { return false }
            return error.message.hasPrefix("b.yaml:3: cannot merge services.web.deploy")
        }
    }

    @Test func malformedSecondFileNamesThatFileAndLine() {
        #expect {
            try ComposeProject.merge(files: [("a.yaml", "services:\n  web:\n    image: a\n"), ("b.yaml", "services:\n  web:\n    image: b\n   bad: [\n")])
        } throws: { error in
            guard let error = error as? BulwarkError else { return false }
            return error.message.hasPrefix("b.yaml:") && error.message.contains("invalid YAML")
        }
        #expect(throws: BulwarkError.self) { try ComposeProject.merge(files: [("a.yaml", "- just\n- a list\n")]) }
        #expect(throws: BulwarkError.self) { try ComposeProject.merge(files: []) }
    }
}
