import BulwarkCore

/// The Dockerfile rule definitions (ids `BW-DF-nnn`).
public enum DockerfileRules {
    static let cisUser = "CIS Docker Benchmark 4.1 (create a user for the container)"
    static let cisTrusted = "CIS Docker Benchmark 4.2 (use trusted base images)"
    static let cisMinimal = "CIS Docker Benchmark 4.3 (do not install unnecessary packages)"
    static let cisHealth = "CIS Docker Benchmark 4.6 (add HEALTHCHECK instructions)"
    static let cisUpdate = "CIS Docker Benchmark 4.7 (do not use update instructions alone)"
    static let cisSetuid = "CIS Docker Benchmark 4.8 (remove setuid and setgid permissions)"
    static let cisCopy = "CIS Docker Benchmark 4.9 (use COPY instead of ADD)"
    static let cisSecrets = "CIS Docker Benchmark 4.10 (do not store secrets in Dockerfiles)"
    static let cisVerified = "CIS Docker Benchmark 4.11 (install verified packages only)"
    static let nist = "NIST SP 800-190 §4.1 (image countermeasures)"
    static let nistSecrets = "NIST SP 800-190 §4.1.4 (embedded clear-text secrets)"
    static let nistTrust = "NIST SP 800-190 §4.1.5 (use of untrusted images)"

    public static let userRoot = ConfigRule(
        id: "BW-DF-001", kind: .dockerfile, title: "Final stage runs as root",
        severity: .high,
        description: "The final build stage has no USER instruction, or its last USER is root (0). The container then runs as root, so a compromise of the process is a compromise of everything the container can reach.",
        remediation: "Create an unprivileged user and add `USER <name>` (or a numeric UID other than 0) to the final stage.",
        references: [cisUser, nist])
    public static let latestTag = ConfigRule(
        id: "BW-DF-002", kind: .dockerfile, title: "Base image uses the latest tag or no tag",
        severity: .medium,
        description: "FROM names an image without a tag or with `latest`: builds are not reproducible and silently pick up new base images.",
        remediation: "Pin the base image to a specific version tag (and ideally a digest: `image:1.2@sha256:…`).",
        references: [cisTrusted, nist])
    public static let digestPin = ConfigRule(
        id: "BW-DF-003", kind: .dockerfile, title: "Base image not pinned by digest",
        severity: .low,
        description: "FROM names an image by tag only; tags can be moved to different content. Runs only with `--require-digest`.",
        remediation: "Append the digest: `FROM image:1.2@sha256:<digest>`.",
        references: [cisTrusted, nistTrust], optIn: true)
    public static let addInsteadOfCopy = ConfigRule(
        id: "BW-DF-004", kind: .dockerfile, title: "ADD used where COPY suffices",
        severity: .low,
        description: "ADD copies local files like COPY but also unpacks archives and fetches URLs implicitly, which can surprise.",
        remediation: "Use COPY for local files; unpack archives explicitly in a RUN.",
        references: [cisCopy])
    public static let addURL = ConfigRule(
        id: "BW-DF-005", kind: .dockerfile, title: "ADD fetches a remote URL",
        severity: .medium,
        description: "ADD downloads a URL at build time without verifying its integrity (unless --checksum is given).",
        remediation: "Download with curl/wget in a RUN and verify a checksum or signature, or use `ADD --checksum=sha256:…`.",
        references: [cisCopy, cisVerified, nist])
    public static let pipeToShell = ConfigRule(
        id: "BW-DF-006", kind: .dockerfile, title: "Remote script piped into a shell",
        severity: .high,
        description: "`curl … | sh` style pipes run whatever the server returns at build time, with no integrity check.",
        remediation: "Download the script to a file, verify its checksum or signature, then run it.",
        references: [cisVerified, nist])
    public static let sudo = ConfigRule(
        id: "BW-DF-007", kind: .dockerfile, title: "sudo used in RUN",
        severity: .medium,
        description: "sudo in an image has unpredictable TTY and signal behaviour, and its presence lets a compromised user escalate.",
        remediation: "Run privileged steps before switching USER (or use gosu/su-exec at runtime); do not install sudo.",
        references: [cisUser])
    public static let unpinnedPackages = ConfigRule(
        id: "BW-DF-008", kind: .dockerfile, title: "Packages installed without pinned versions",
        severity: .low,
        description: "apt-get/apk/yum/dnf/pip/npm/gem installs without versions make builds unreproducible and can pull in unreviewed releases.",
        remediation: "Pin versions (`apt-get install curl=7.88.1-10`, `apk add curl=8.5.0-r0`, `pip install x==1.2`, `npm install x@1.2`, `gem install x -v 1.2`), or install from a lock file.",
        references: [cisVerified, nist])
    public static let packageCache = ConfigRule(
        id: "BW-DF-009", kind: .dockerfile, title: "Package manager cache left in the image",
        severity: .low,
        description: "The RUN that installs packages does not remove the package manager's cache, so the image carries extra files and size.",
        remediation: "Clean up in the same RUN: `rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `yum clean all`/`dnf clean all`, `pip install --no-cache-dir`.",
        references: [cisMinimal])
    public static let installRecommends = ConfigRule(
        id: "BW-DF-010", kind: .dockerfile, title: "apt-get install without --no-install-recommends",
        severity: .low,
        description: "apt installs recommended packages by default, adding software (and attack surface) nobody asked for.",
        remediation: "Add `--no-install-recommends` to apt-get install.",
        references: [cisMinimal])
    public static let updateAlone = ConfigRule(
        id: "BW-DF-011", kind: .dockerfile, title: "Package index update alone in a RUN",
        severity: .medium,
        description: "`apt-get update` (or `apk update`, `yum makecache`) in its own RUN is cached as a layer, so later installs use a stale index and miss security updates.",
        remediation: "Combine update and install in one RUN: `RUN apt-get update && apt-get install -y …`.",
        references: [cisUpdate])
    public static let secretInEnv = ConfigRule(
        id: "BW-DF-012", kind: .dockerfile, title: "Secret in ENV or ARG",
        severity: .high,
        description: "An ENV or ARG name or value looks like a credential. ENV values and ARG values used in RUN are stored in the image config and history, readable by anyone who can pull the image.",
        remediation: "Pass secrets at build time with `RUN --mount=type=secret` and at runtime through the orchestrator's secret store.",
        references: [cisSecrets, nistSecrets])
    public static let exposeSSH = ConfigRule(
        id: "BW-DF-013", kind: .dockerfile, title: "SSH port 22 exposed",
        severity: .medium,
        description: "Running sshd inside a container adds a remote login service to patch and secure; use `docker exec`/`kubectl exec` instead.",
        remediation: "Remove `EXPOSE 22` and the SSH server.",
        references: ["CIS Docker Benchmark 5.6 (do not run ssh within containers)"])
    public static let healthcheck = ConfigRule(
        id: "BW-DF-014", kind: .dockerfile, title: "No HEALTHCHECK in the final stage",
        severity: .low,
        description: "Without HEALTHCHECK the engine cannot tell a hung container from a healthy one.",
        remediation: "Add `HEALTHCHECK CMD …` that probes the service (or `HEALTHCHECK NONE` to state it deliberately).",
        references: [cisHealth])
    public static let worldWritable = ConfigRule(
        id: "BW-DF-015", kind: .dockerfile, title: "chmod makes files world-writable",
        severity: .high,
        description: "`chmod 777` (or any mode writable by others) lets every user in the container change the files.",
        remediation: "Grant the minimum: owner-writable (e.g. 755/644) and `chown` to the user that needs write access.",
        references: [cisSetuid, nist])
    public static let multipleCommands = ConfigRule(
        id: "BW-DF-016", kind: .dockerfile, title: "Multiple CMD or ENTRYPOINT in a stage",
        severity: .medium,
        description: "Only the last CMD and the last ENTRYPOINT take effect; earlier ones are dead code that misleads readers.",
        remediation: "Keep one CMD and one ENTRYPOINT per stage.",
        references: [])
    public static let relativeWorkdir = ConfigRule(
        id: "BW-DF-017", kind: .dockerfile, title: "WORKDIR is relative",
        severity: .low,
        description: "A relative WORKDIR depends on the previous WORKDIR and the base image's, which is easy to get wrong.",
        remediation: "Use an absolute path: `WORKDIR /app`.",
        references: [])
    public static let copyContext = ConfigRule(
        id: "BW-DF-018", kind: .dockerfile, title: "Whole build context copied without .dockerignore",
        severity: .medium,
        description: "`COPY . …` with no .dockerignore beside the Dockerfile copies everything in the context — .git, .env files, keys — into the image.",
        remediation: "Add a .dockerignore excluding secrets and VCS data, or copy only the files needed.",
        references: [cisSecrets, nistSecrets])
    public static let permissiveCopy = ConfigRule(
        id: "BW-DF-019", kind: .dockerfile, title: "COPY/ADD --chmod grants world-writable permissions",
        severity: .medium,
        description: "`--chmod` with a mode writable by others (e.g. 777, 666) makes the copied files modifiable by every user.",
        remediation: "Use a restrictive mode (755 for executables, 644 for data) and `--chown` to the owner that needs write access.",
        references: [cisSetuid])
    public static let shellEntrypoint = ConfigRule(
        id: "BW-DF-020", kind: .dockerfile, title: "ENTRYPOINT/CMD in shell form",
        severity: .low,
        description: "The shell form runs the program under `/bin/sh -c`, so it is not PID 1 and does not receive SIGTERM: containers stop only when killed.",
        remediation: "Use the exec (JSON array) form: `ENTRYPOINT [\"/app/server\", \"--flag\"]`.",
        references: [])
    public static let untrustedRegistry = ConfigRule(
        id: "BW-DF-021", kind: .dockerfile, title: "Base image from an untrusted registry",
        severity: .high,
        description: "FROM pulls from a registry that is not in the `--trusted-registries` list. Runs only when the list is given.",
        remediation: "Use base images from the trusted registries (mirror the image there if needed).",
        references: [cisTrusted, nistTrust], optIn: true)

    /// All Dockerfile rules in id order.
    public static let all: [ConfigRule] = [
        userRoot, latestTag, digestPin, addInsteadOfCopy, addURL, pipeToShell, sudo, unpinnedPackages, packageCache,
        installRecommends, updateAlone, secretInEnv, exposeSSH, healthcheck, worldWritable, multipleCommands,
        relativeWorkdir, copyContext, permissiveCopy, shellEntrypoint, untrustedRegistry,
    ]
}
