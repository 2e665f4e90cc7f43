import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

/// Hardening checks on merged projects: findings follow the value that wins the merge.
@Suite struct ComposeProjectScanTests {
    /// A fully hardened service body (so only the setting under test fires).
    static let hardened = """
            image: nginx:1.27
            user: "101:101"
            read_only: true
            cap_drop: [ALL]
            security_opt: ["no-new-privileges:true"]
            mem_limit: 256m
            pids_limit: 100

        """

    func ids(_ report: ConfigReport) -> [String] {
        report.findings.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.rule.id)" }
    }

    @Test func overrideThatDisablesPrivilegedRemovesTheFinding() {
        let base = "services:\n  web:\n" + Self.hardened + "    privileged: true\n"
        let alone = ConfigScanner.scanComposeProject(files: [("compose.yaml", base)])
        #expect(ids(alone) == ["compose.yaml:10:BW-DC-001"])
        let merged = ConfigScanner.scanComposeProject(files: [("compose.yaml", base), ("compose.prod.yaml", "services:\n  web:\n    privileged: false\n")])
        #expect(merged.findings.isEmpty, "\(ids(merged))")
        #expect(merged.warnings.isEmpty)
        #expect(merged.files.map(\.path) == ["compose.yaml", "compose.prod.yaml"])
    }

    @Test func overrideThatAddsReadOnlyRemovesTheMissingSettingFinding() {
        let base = "services:\n  web:\n" + Self.hardened.replacingOccurrences(of: "    read_only: true\n", with: "")
        #expect(ids(ConfigScanner.scanComposeProject(files: [("compose.yaml", base)])) == ["compose.yaml:2:BW-DC-004"],
            "a missing setting points at the service's key in the first file")
        let merged = ConfigScanner.scanComposeProject(files: [("compose.yaml", base), ("compose.override.yaml", "services:\n  web:\n    read_only: true\n")])
        #expect(merged.findings.isEmpty, "\(ids(merged))")
    }

    @Test func problemIntroducedByTheOverrideIsReportedThere() {
        let base = "services:\n  web:\n" + Self.hardened
        let override = """
            services:
              web:
                cap_add: [NET_BIND_SERVICE, SYS_ADMIN]
                security_opt: ["seccomp:unconfined"]
                volumes:
                  - /var/run/docker.sock:/var/run/docker.sock
                environment:
                  - DB_PASSWORD=hunter2hunter2
                read_only: false
            """
        let report = ConfigScanner.scanComposeProject(files: [("compose.yaml", base), ("compose.dev.yaml", override)])
        #expect(Set(ids(report)) == ["compose.dev.yaml:3:BW-DC-002", "compose.dev.yaml:4:BW-DC-006", "compose.dev.yaml:6:BW-DC-011",
            "compose.dev.yaml:8:BW-DC-015", "compose.dev.yaml:9:BW-DC-004"], "\(ids(report))")
        let socket = report.findings.first { $0.rule.id == "BW-DC-011" }
        #expect(socket?.snippet == "- /var/run/docker.sock:/var/run/docker.sock", "the snippet comes from the override file")
    }

    @Test func serviceOnlyInTheOverrideIsJudgedAsAWholeService() {
        let report = ConfigScanner.scanComposeProject(files: [("a.yaml", "services:\n  web:\n" + Self.hardened), ("b.yaml", "services:\n  debug:\n    image: busybox:1.36\n")])
        #expect(ids(report).contains("b.yaml:2:BW-DC-004"))
        #expect(ids(report).allSatisfy { $0.hasPrefix("b.yaml:2:") }, "\(ids(report))")
    }

    @Test func resetInTheOverrideRemovesABaseProblem() {
        let base = "services:\n  web:\n" + Self.hardened + "    ports: [\"5432:5432\"]\n    cap_add: [SYS_ADMIN]\n"
        #expect(Set(ids(ConfigScanner.scanComposeProject(files: [("a.yaml", base)]))) == ["a.yaml:10:BW-DC-014", "a.yaml:11:BW-DC-002"])
        let report = ConfigScanner.scanComposeProject(files: [("a.yaml", base), ("b.yaml", "services:\n  web:\n    ports: !reset []\n    cap_add: !override [CHOWN]\n")])
        #expect(report.findings.isEmpty, "\(ids(report))")
    }

    @Test func inlineSuppressionsApplyInTheFileOfTheFinding() {
        let override = "services:\n  web:\n    # bulwark:ignore=BW-DC-001 lab machine only\n    privileged: true\n"
        let report = ConfigScanner.scanComposeProject(files: [("a.yaml", "services:\n  web:\n" + Self.hardened), ("b.yaml", override)])
        #expect(report.findings.isEmpty)
        #expect(report.suppressedCount == 1)
    }

    @Test func malformedSecondFileIsAWarningNamingItAndTheBaseIsStillChecked() {
        let base = "services:\n  web:\n" + Self.hardened + "    privileged: true\n"
        let report = ConfigScanner.scanComposeProject(files: [("a.yaml", base), ("b.yaml", "services:\n  web:\n    image: b\n   bad: [\n")])
        #expect(report.warnings.count == 1)
        #expect(report.warnings.first?.hasPrefix("b.yaml:") == true, "\(report.warnings)")
        #expect(report.warnings.first?.contains("invalid YAML") == true)
        #expect(ids(report) == ["a.yaml:10:BW-DC-001"])
    }

    @Test func pathsEntryPointReadsFilesAndRejectsMissingOnes() throws {
        let directory = try TemporaryDirectory()
        let base = try directory.write("compose.yaml", "services:\n  web:\n" + Self.hardened + "    privileged: true\n")
        let prod = try directory.write("compose.prod.yaml", "services:\n  web:\n    privileged: false\n    network_mode: host\n")
        let report = try ConfigScanner.scanComposeProject(paths: [base, prod])
        #expect(ids(report) == ["compose.prod.yaml:4:BW-DC-008"])
        #expect(throws: BulwarkError.self) { try ConfigScanner.scanComposeProject(paths: [base, directory.path + "/missing.yaml"]) }
    }

    @Test func folderScanMergesTheDefaultOverrideFile() throws {
        let directory = try TemporaryDirectory()
        try directory.write("app/compose.yaml", "services:\n  web:\n" + Self.hardened + "    privileged: true\n")
        try directory.write("app/compose.override.yaml", "services:\n  web:\n    privileged: false\n    pid: host\n")
        try directory.write("other/docker-compose.override.yml", "services:\n  lone:\n    ipc: host\n")
        let report = try ConfigScanner.scan(paths: [directory.path])
        #expect(ids(report) == ["compose.override.yaml:4:BW-DC-009", "docker-compose.override.yml:3:BW-DC-010"], "\(ids(report))")
        #expect(report.files.count == 3)
    }

    @Test func discoveryGroupsByFolderAndPreference() {
        let groups = ComposeProjectDiscovery.group([
            "/p/a/compose.yaml", "/p/a/compose.override.yaml", "/p/a/compose.override.yml", "/p/a/docker-compose.yml",
            "/p/b/docker-compose.yml", "/p/b/docker-compose.override.yml", "/p/c/compose.yaml", "/p/d/compose.override.yml",
        ])
        #expect(groups == [
            ["/p/a/compose.yaml", "/p/a/compose.override.yml"], ["/p/a/compose.override.yaml"], ["/p/a/docker-compose.yml"],
            ["/p/b/docker-compose.yml", "/p/b/docker-compose.override.yml"], ["/p/c/compose.yaml"], ["/p/d/compose.override.yml"],
        ])
    }

    @Test func extendsAcrossFilesStillReportsTheExtendsLine() throws {
        let directory = try TemporaryDirectory()
        try directory.write("common.yml", "services:\n  base:\n    image: app:1\n    privileged: true\n")
        let base = try directory.write("compose.yaml", "services:\n  web:\n" + Self.hardened + "    extends: {file: common.yml, service: base}\n")
        let override = try directory.write("compose.ci.yaml", "services:\n  web:\n    cap_add: [NET_ADMIN]\n")
        let report = try ConfigScanner.scanComposeProject(paths: [base, override])
        #expect(ids(report) == ["compose.ci.yaml:3:BW-DC-002", "compose.yaml:10:BW-DC-001"], "\(ids(report))")
    }
}
