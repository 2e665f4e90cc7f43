import BulwarkCore

/// The Compose rule definitions (ids `BW-DC-nnn`).
public enum ComposeRules {
    static let cisPrivileged = "CIS Docker Benchmark 5.4 (do not use privileged containers)"
    static let cisMounts = "CIS Docker Benchmark 5.5 (do not mount sensitive host system directories)"
    static let cisCapabilities = "CIS Docker Benchmark 5.3 (restrict Linux kernel capabilities)"
    static let cisNetwork = "CIS Docker Benchmark 5.9 (do not share the host's network namespace)"
    static let cisMemory = "CIS Docker Benchmark 5.10 (limit memory usage)"
    static let cisReadOnly = "CIS Docker Benchmark 5.12 (mount the root filesystem read-only)"
    static let cisBind = "CIS Docker Benchmark 5.13 (bind incoming traffic to a specific host interface)"
    static let cisPid = "CIS Docker Benchmark 5.15 (do not share the host's process namespace)"
    static let cisIpc = "CIS Docker Benchmark 5.16 (do not share the host's IPC namespace)"
    static let cisSeccomp = "CIS Docker Benchmark 5.21 (do not disable the default seccomp profile)"
    static let cisNewPrivileges = "CIS Docker Benchmark 5.25 (restrict containers from acquiring additional privileges)"
    static let cisPids = "CIS Docker Benchmark 5.28 (use the PIDs cgroup limit)"
    static let cisSocket = "CIS Docker Benchmark 5.31 (do not mount the Docker socket inside containers)"
    static let cisAppArmor = "CIS Docker Benchmark 5.1 (enable an AppArmor profile)"
    static let cisUser = "CIS Docker Benchmark 4.1 (run as a non-root user)"
    static let nist = "NIST SP 800-190 §4.4 (container countermeasures)"
    static let nistSecrets = "NIST SP 800-190 §4.1.4 (embedded clear-text secrets)"

    public static let privileged = ConfigRule(
        id: "BW-DC-001", kind: .compose, title: "Service runs privileged", severity: .critical,
        description: "`privileged: true` gives the container every capability and all host devices: a root process in it is root on the host.",
        remediation: "Remove `privileged: true`; add only the specific capabilities or devices needed.",
        references: [cisPrivileged, nist])
    public static let dangerousCapabilities = ConfigRule(
        id: "BW-DC-002", kind: .compose, title: "Dangerous capability added", severity: .high,
        description: "`cap_add` grants SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE, DAC_READ_SEARCH, ALL or a similar capability that allows breaking out of the container or attacking the host network.",
        remediation: "Remove the capability or replace it with a narrower one.",
        references: [cisCapabilities, nist])
    public static let capabilitiesNotDropped = ConfigRule(
        id: "BW-DC-003", kind: .compose, title: "Capabilities not dropped", severity: .medium,
        description: "The service does not set `cap_drop: [ALL]`, so it keeps Docker's default capabilities (CHOWN, NET_RAW, SETUID…).",
        remediation: "Add `cap_drop: [ALL]` and `cap_add` only what the service needs.",
        references: [cisCapabilities])
    public static let writableRoot = ConfigRule(
        id: "BW-DC-004", kind: .compose, title: "Root filesystem is writable", severity: .low,
        description: "Without `read_only: true` an attacker can modify the container's binaries and configuration.",
        remediation: "Set `read_only: true` and mount `tmpfs` or volumes where the service writes.",
        references: [cisReadOnly])
    public static let newPrivileges = ConfigRule(
        id: "BW-DC-005", kind: .compose, title: "no-new-privileges not set", severity: .medium,
        description: "Without `security_opt: [no-new-privileges:true]` setuid binaries in the container can raise privileges.",
        remediation: "Add `security_opt: [\"no-new-privileges:true\"]`.",
        references: [cisNewPrivileges])
    public static let unconfined = ConfigRule(
        id: "BW-DC-006", kind: .compose, title: "seccomp or AppArmor disabled", severity: .high,
        description: "`seccomp:unconfined` or `apparmor:unconfined` removes the kernel attack-surface filters Docker applies by default.",
        remediation: "Remove the option or use a custom profile that allows only what is needed.",
        references: [cisSeccomp, cisAppArmor])
    public static let rootUser = ConfigRule(
        id: "BW-DC-007", kind: .compose, title: "Service runs as root", severity: .medium,
        description: "`user` is absent (the image's user, often root) or root/0.",
        remediation: "Set `user: \"1000:1000\"` (or a named unprivileged user).",
        references: [cisUser])
    public static let hostNetwork = ConfigRule(
        id: "BW-DC-008", kind: .compose, title: "Host network namespace shared", severity: .high,
        description: "`network_mode: host` gives the container the host's network stack: it can bind host ports and reach local-only services.",
        remediation: "Use a bridge network and publish only the needed ports.",
        references: [cisNetwork])
    public static let hostPid = ConfigRule(
        id: "BW-DC-009", kind: .compose, title: "Host PID namespace shared", severity: .high,
        description: "`pid: host` lets the container see and signal every host process.",
        remediation: "Remove `pid: host`.",
        references: [cisPid])
    public static let hostIpc = ConfigRule(
        id: "BW-DC-010", kind: .compose, title: "Host IPC namespace shared", severity: .medium,
        description: "`ipc: host` shares the host's shared memory and semaphores with the container.",
        remediation: "Remove `ipc: host` (use `ipc: shareable` between specific containers if needed).",
        references: [cisIpc])
    public static let dockerSocket = ConfigRule(
        id: "BW-DC-011", kind: .compose, title: "Container engine socket mounted", severity: .critical,
        description: "Mounting docker.sock (or containerd/podman/cri-o sockets) gives full control of the engine, which is root on the host.",
        remediation: "Do not mount the socket; use a socket proxy that allows only the needed API calls if unavoidable.",
        references: [cisSocket, nist])
    public static let sensitiveMountReadOnly = ConfigRule(
        id: "BW-DC-012", kind: .compose, title: "Sensitive host path mounted read-only", severity: .medium,
        description: "A host system directory (/, /etc, /proc, /sys, /root, /boot, /var/lib/docker…) is mounted read-only: it leaks host configuration and secrets. Single files below it (e.g. /etc/localtime) are not reported.",
        remediation: "Mount only the specific files the service needs.",
        references: [cisMounts])
    public static let sensitiveMountWritable = ConfigRule(
        id: "BW-DC-013", kind: .compose, title: "Host system path mounted writable", severity: .high,
        description: "A host system directory is bind-mounted read-write: the container can alter the host.",
        remediation: "Remove the mount or add `:ro` (better: mount only the needed files).",
        references: [cisMounts, nist])
    public static let databasePort = ConfigRule(
        id: "BW-DC-014", kind: .compose, title: "Database port published on all interfaces", severity: .high,
        description: "A database or cache port (5432, 3306, 27017, 6379, 9200, 11211…) is published without a host IP, so it listens on every interface of the host.",
        remediation: "Bind to loopback (`127.0.0.1:5432:5432`) or do not publish it; services on the same network reach it directly.",
        references: [cisBind])
    public static let secretInEnvironment = ConfigRule(
        id: "BW-DC-015", kind: .compose, title: "Secret in environment", severity: .high,
        description: "An `environment` entry hard-codes what looks like a credential; it ends up in `docker inspect` output and version control.",
        remediation: "Use Compose `secrets:`, an `env_file` kept out of version control, or `${VAR}` interpolation.",
        references: [nistSecrets])
    public static let latestImage = ConfigRule(
        id: "BW-DC-016", kind: .compose, title: "Image uses the latest tag or no tag", severity: .medium,
        description: "The service image has no tag or `latest`, so deployments are not reproducible.",
        remediation: "Pin a version tag (and a digest).",
        references: ["CIS Docker Benchmark 4.2 (use trusted base images)"])
    public static let memoryLimit = ConfigRule(
        id: "BW-DC-017", kind: .compose, title: "No memory limit", severity: .low,
        description: "Without `mem_limit` or `deploy.resources.limits.memory` one container can exhaust the host's memory.",
        remediation: "Set `mem_limit` or `deploy.resources.limits.memory`.",
        references: [cisMemory])
    public static let pidsLimit = ConfigRule(
        id: "BW-DC-018", kind: .compose, title: "No PIDs limit", severity: .low,
        description: "Without `pids_limit` (or `deploy.resources.limits.pids`) a fork bomb in the container can exhaust the host's process table.",
        remediation: "Set `pids_limit: 100` (or a value that fits the service).",
        references: [cisPids])
    public static let tmpfsOptions = ConfigRule(
        id: "BW-DC-019", kind: .compose, title: "tmpfs without noexec/nosuid", severity: .low,
        description: "A tmpfs mount without `noexec` and `nosuid` lets an attacker drop and run binaries in it.",
        remediation: "Mount tmpfs with options: `tmpfs: [\"/tmp:rw,noexec,nosuid,size=64m\"]`.",
        references: [cisReadOnly])

    /// All Compose rules in id order.
    public static let all: [ConfigRule] = [
        privileged, dangerousCapabilities, capabilitiesNotDropped, writableRoot, newPrivileges, unconfined, rootUser,
        hostNetwork, hostPid, hostIpc, dockerSocket, sensitiveMountReadOnly, sensitiveMountWritable, databasePort,
        secretInEnvironment, latestImage, memoryLimit, pidsLimit, tmpfsOptions,
    ]
}
