import BulwarkConfig
import BulwarkCore
import Foundation
import Testing

@Suite struct ScannerTests {
    @Test func inlineSuppressionsOnTheLineAndTheLineAbove() {
        let text = "FROM alpine # bulwark:ignore=BW-DF-002 pinned by the build system\n# bulwark:ignore=BW-DF-013,BW-DF-017 legacy image\nEXPOSE 22\nWORKDIR app\nUSER 1\nHEALTHCHECK NONE\n"
        let report = ConfigScanner.scan(text: text, kind: .dockerfile, path: "Dockerfile", hasDockerignore: true)
        #expect(report.findings.map(\.rule.id) == ["BW-DF-017"])
        #expect(report.suppressedCount == 2)
        var options = ConfigScanOptions()
        options.inlineSuppressions = false
        let unsuppressed = ConfigScanner.scan(text: text, kind: .dockerfile, path: "Dockerfile", options: options, hasDockerignore: true)
        #expect(Set(unsuppressed.findings.map(\.rule.id)) == ["BW-DF-002", "BW-DF-013", "BW-DF-017"])
    }

    @Test func severityFilterAndSkippedRules() {
        let text = "FROM alpine\nEXPOSE 22\nWORKDIR app\n"
        let high = ConfigScanner.scan(text: text, kind: .dockerfile, path: "D", options: ConfigScanOptions(severities: [.high]), hasDockerignore: true)
        #expect(high.findings.map(\.rule.id) == ["BW-DF-001"])
        let skipped = ConfigScanner.scan(text: text, kind: .dockerfile, path: "D", options: ConfigScanOptions(skipRules: ["BW-DF-001", "BW-DF-014"]), hasDockerignore: true)
        #expect(Set(skipped.findings.map(\.rule.id)) == ["BW-DF-002", "BW-DF-013", "BW-DF-017"])
    }

    @Test func walksFoldersAndDetectsKinds() throws {
        let directory = try TemporaryDirectory()
        try directory.write("app/Dockerfile", "FROM alpine:3.20\nCOPY . /app\nUSER 1\nHEALTHCHECK NONE\n")
        try directory.write("app/.dockerignore", ".git\n")
        try directory.write("app/worker.Dockerfile", "FROM alpine:3.20\nCOPY . /app\nUSER 1\nHEALTHCHECK NONE\n")
        try directory.write("k8s/all.yaml", """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: batch/v1
              kind: CronJob
              metadata: {name: nightly}
              spec:
                jobTemplate:
                  spec:
                    template:
                      spec:
                        hostIPC: true
                        containers: [{name: c, image: "busybox:1.36"}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent}
            spec:
              template:
                spec:
                  containers:
                  - name: a
                    image: agent:2
                    securityContext: {privileged: true}
            """)
        try directory.write("deploy/stack.yml", "services:\n  api:\n    image: api:1\n    network_mode: host\n")
        try directory.write("notes/values.yaml", "replicas: 3\n")
        try directory.write(".git/Dockerfile", "FROM x\n")
        let report = try ConfigScanner.scan(paths: [directory.path])
        let kinds = Dictionary(uniqueKeysWithValues: report.files.map { (($0.path as NSString).lastPathComponent, $0.kind) })
        #expect(kinds == ["Dockerfile": .dockerfile, "worker.Dockerfile": .dockerfile, "all.yaml": .kubernetes, "stack.yml": .compose])
        let ids = Set(report.findings.map { "\(($0.file as NSString).lastPathComponent):\($0.line):\($0.rule.id)" })
        #expect(ids.contains("all.yaml:12:BW-K8S-002"))
        #expect(ids.contains("all.yaml:24:BW-K8S-001"))
        #expect(ids.contains("stack.yml:4:BW-DC-008"))
        #expect(ids.contains("worker.Dockerfile:2:BW-DF-018") == false, "a .dockerignore beside it covers it")
        #expect(report.warnings.isEmpty, "\(report.warnings)")
    }

    @Test func composeExtendsAndMergeKeys() throws {
        let directory = try TemporaryDirectory()
        try directory.write("common.yml", "services:\n  base:\n    image: app:1\n    privileged: true\n")
        let compose = try directory.write("docker-compose.yml", """
            x-hardening: &hardening
              read_only: true
              cap_drop: [ALL]
              security_opt: ["no-new-privileges:true"]
              user: "1000"
              mem_limit: 64m
              pids_limit: 50
            services:
              web:
                <<: *hardening
                image: web:2
              worker:
                <<: *hardening
                extends:
                  file: common.yml
                  service: base
              local:
                extends: web
                cap_add: [SYS_ADMIN]
            """)
        let report = try ConfigScanner.scan(paths: [compose])
        let ids = report.findings.map { "\($0.line):\($0.rule.id)" }
        #expect(ids == ["14:BW-DC-001", "19:BW-DC-002"], "\(ids)")
    }

    @Test func compoundReportJSONRoundTrips() throws {
        let report = ConfigScanner.scan(text: "FROM alpine\n", kind: .dockerfile, path: "Dockerfile", hasDockerignore: true)
        let bytes = try ConfigReportRenderer.render(report, as: .json, toolVersion: "0.1.0")
        let decoded = try JSONDecoder().decode(ConfigReport.self, from: Data(bytes))
        #expect(decoded == report)
        let table = String(decoding: try ConfigReportRenderer.render(report, as: .table, toolVersion: "0.1.0"), as: UTF8.self)
        #expect(table.contains("BW-DF-002"))
        #expect(!table.contains("\u{1B}["))
    }
}
