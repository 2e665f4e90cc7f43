import Foundation
import BulwarkConfig
import BulwarkCore

/// Positive/negative examples for every Compose rule.
enum ComposeRuleCases {
    /// A hardened service body (indented for a service) so only the rule under test fires.
    static let hardened = """
            image: nginx:1.27
            user: "101:101"
            read_only: true
            cap_drop: [ALL]
            security_opt: ["no-new-privileges:true"]
            mem_limit: 256m
            pids_limit: 100

        """

    static func service(_ extra: String, hardening: String = hardened) -> String {
        "services:\n  web:\n" + hardening + extra
    }

    static let all: [RuleCase] = [
        RuleCase(ruleID: "BW-DC-001", kind: .compose, positive: service("    privileged: true\n"), negative: service("    privileged: false\n"), line: 10),
        RuleCase(ruleID: "BW-DC-002", kind: .compose, positive: service("    cap_add: [NET_BIND_SERVICE, CAP_SYS_ADMIN]\n"), negative: service("    cap_add: [NET_BIND_SERVICE]\n"), line: 10),
        RuleCase(ruleID: "BW-DC-003", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "cap_drop: [ALL]", with: "cap_drop: [NET_RAW]")), negative: service(""), line: 6),
        RuleCase(ruleID: "BW-DC-004", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "read_only: true", with: "read_only: false")), negative: service(""), line: 5),
        RuleCase(ruleID: "BW-DC-005", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "\"no-new-privileges:true\"", with: "\"label:type:svirt_t\"")), negative: service("", hardening: hardened.replacingOccurrences(of: "\"no-new-privileges:true\"", with: "\"no-new-privileges=true\"")), line: 7),
        RuleCase(ruleID: "BW-DC-006", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "[\"no-new-privileges:true\"]", with: "[\"no-new-privileges:true\", \"seccomp:unconfined\"]")), negative: service("", hardening: hardened.replacingOccurrences(of: "[\"no-new-privileges:true\"]", with: "[\"no-new-privileges:true\", \"seccomp:./profile.json\"]")), line: 7),
        RuleCase(ruleID: "BW-DC-007", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "\"101:101\"", with: "root")), negative: service(""), line: 4),
        RuleCase(ruleID: "BW-DC-008", kind: .compose, positive: service("    network_mode: host\n"), negative: service("    network_mode: bridge\n"), line: 10),
        RuleCase(ruleID: "BW-DC-009", kind: .compose, positive: service("    pid: host\n"), negative: service("    pid: \"service:db\"\n"), line: 10),
        RuleCase(ruleID: "BW-DC-010", kind: .compose, positive: service("    ipc: host\n"), negative: service("    ipc: shareable\n"), line: 10),
        RuleCase(ruleID: "BW-DC-011", kind: .compose, positive: service("    volumes:\n      - type: bind\n        source: /run/podman/podman.sock\n        target: /var/run/docker.sock\n"), negative: service("    volumes:\n      - ./data:/data\n      - cache:/cache\n"), line: 11),
        RuleCase(ruleID: "BW-DC-012", kind: .compose, positive: service("    volumes:\n      - /etc:/host/etc:ro\n"), negative: service("    volumes:\n      - /etc/ssl/certs/ca.pem:/ca.pem:ro\n      - /srv/app:/app:ro\n      - /home/me/src:/src:ro\n"), line: 11),
        RuleCase(ruleID: "BW-DC-013", kind: .compose, positive: service("    volumes:\n      - /proc:/host/proc\n"), negative: service("    volumes:\n      - /proc:/host/proc:ro\n"), line: 11),
        RuleCase(ruleID: "BW-DC-014", kind: .compose, positive: service("    ports:\n      - \"80:80\"\n      - target: 6379\n        published: \"6379\"\n"), negative: service("    ports:\n      - \"127.0.0.1:5432:5432\"\n      - \"8080:80\"\n"), line: 12),
        RuleCase(ruleID: "BW-DC-015", kind: .compose, positive: service("    environment:\n      - MODE=prod\n      - MYSQL_ROOT_PASSWORD=s3cret!\n"), negative: service("    environment:\n      MYSQL_ROOT_PASSWORD: ${MYSQL_ROOT_PASSWORD}\n      MYSQL_PASSWORD_FILE: /run/secrets/db\n"), line: 12),
        RuleCase(ruleID: "BW-DC-016", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "nginx:1.27", with: "nginx:latest")), negative: service("", hardening: hardened.replacingOccurrences(of: "nginx:1.27", with: "${IMAGE}")), line: 3),
        RuleCase(ruleID: "BW-DC-017", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "    mem_limit: 256m\n", with: "")), negative: service("    deploy:\n      resources:\n        limits: {memory: 128M, pids: 50}\n", hardening: hardened.replacingOccurrences(of: "    mem_limit: 256m\n", with: "").replacingOccurrences(of: "    pids_limit: 100\n", with: "")), line: 2),
        RuleCase(ruleID: "BW-DC-018", kind: .compose, positive: service("", hardening: hardened.replacingOccurrences(of: "    pids_limit: 100\n", with: "")), negative: service(""), line: 2),
        RuleCase(ruleID: "BW-DC-019", kind: .compose, positive: service("    tmpfs:\n      - /tmp:rw,size=64m\n"), negative: service("    tmpfs: [\"/tmp:rw,noexec,nosuid,size=64m\"]\n"), line: 11),
    ]
}
