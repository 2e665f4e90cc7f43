import BulwarkCore
import BulwarkDocker
import Foundation
import Testing

@Suite("Container runtime audit (CIS Docker Benchmark section 5)")
struct RuntimeAuditorTests {
    static func inspection(_ json: String) throws -> ContainerInspection {
        try JSONDecoder().decode(ContainerInspection.self, from: Data(json.utf8))
    }

    @Test("a dangerous Docker container trips every matching check")
    func dangerous() throws {
        let container = try Self.inspection(RecordedResponses.dockerDangerousInspect)
        #expect(container.displayName == "ops-agent")
        #expect(container.imageName == "example/ops-agent:2.1")
        #expect(container.host.devices == ["/dev/fuse"])
        #expect(container.host.publishedHostPorts == [80, 8443])
        let findings = RuntimeAuditor.audit(container)
        let ids = Set(findings.map(\.id))
        for expected in ["5.1", "5.3", "5.4", "5.5", "5.7", "5.9", "5.10", "5.11", "5.12", "5.15", "5.16", "5.17", "5.19", "5.20", "5.21", "5.25", "5.26", "5.28", "5.30", "5.31", "4.1"] {
            #expect(ids.contains("CIS-DOCKER-\(expected)"), "missing CIS \(expected)")
        }
        #expect(findings.first?.severity == .critical)
        #expect(findings.first { $0.id == "CIS-DOCKER-5.3" }?.severity == .high)
        #expect(findings.first { $0.id == "CIS-DOCKER-5.3" }?.evidence.contains("SYS_ADMIN") == true)
        // Two sensitive mounts: /etc read-only (medium) and / read-write (high); the docker.sock bind is 5.31 only.
        let sensitive = findings.filter { $0.id == "CIS-DOCKER-5.5" }
        #expect(sensitive.count == 2)
        #expect(sensitive.map(\.severity).sorted() == [.medium, .high])
        #expect(!sensitive.contains { $0.evidence.contains("docker.sock") })
        // A named volume under /var/lib/docker is not a host-directory bind.
        #expect(!findings.contains { $0.evidence.contains("/data") && $0.id == "CIS-DOCKER-5.5" })
        #expect(findings.first { $0.id == "BULWARK-DOCKER-RUNTIME" }?.title == "Runtime shares the host kernel")
        // Worst first.
        #expect(findings.map(\.severity) == findings.map(\.severity).sorted(by: >))
    }

    @Test("a hardened container leaves only informational findings")
    func hardened() throws {
        let container = try Self.inspection(RecordedResponses.dockerHardenedInspect)
        let findings = RuntimeAuditor.audit(container)
        #expect(findings.map(\.id) == ["BULWARK-DOCKER-RUNTIME"])
        #expect(findings.first?.title == "Sandboxed runtime")
        #expect(findings.first?.severity == .negligible)
    }

    @Test("the recorded Podman inspect decodes and is audited")
    func podmanRecorded() throws {
        let container = try Self.inspection(RecordedResponses.podmanContainerInspect)
        #expect(container.displayName == "c1")
        #expect(container.running)
        #expect(container.host.readonlyRootfs)
        #expect(container.host.pidsLimit == 2048)
        let ids = RuntimeAuditor.audit(container).map(\.id)
        #expect(ids.contains("CIS-DOCKER-5.3"))
        #expect(ids.contains("CIS-DOCKER-5.25"))
        #expect(ids.contains("CIS-DOCKER-4.1"))
        #expect(!ids.contains("CIS-DOCKER-5.12"))
        #expect(!ids.contains("CIS-DOCKER-5.28"))
        #expect(!ids.contains("CIS-DOCKER-5.4"))
    }

    @Test("garbage and missing fields decode as unset, never crash", arguments: [
        #"{"Id":"x"}"#, #"{"Id":"x","HostConfig":null,"Mounts":null,"Config":null,"State":null}"#,
        #"{"Id":"x","HostConfig":{"Privileged":"yes","CapAdd":42,"PortBindings":{"80/tcp":null}},"Mounts":[{"RW":"no"}]}"#,
    ])
    func tolerant(json: String) throws {
        let container = try Self.inspection(json)
        #expect(!container.host.privileged)
        #expect(RuntimeAuditor.audit(container).contains { $0.id == "CIS-DOCKER-4.1" })
    }

    @Test("user forms: root, 0, 0:0 and empty are root; others are not", arguments: [
        ("", true), ("root", true), ("0", true), ("0:0", true), ("root:wheel", true), ("app", false), ("1000:1000", false),
    ])
    func users(user: String, isRoot: Bool) {
        let container = ContainerInspection(id: "abc", user: user)
        #expect(RuntimeAuditor.audit(container).contains { $0.id == "CIS-DOCKER-4.1" } == isRoot)
    }
}
