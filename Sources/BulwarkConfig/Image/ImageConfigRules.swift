import BulwarkCore

/// The built-image rule definitions (ids `BW-IMG-nnn`): checks of an image's config and final filesystem.
public enum ImageConfigRules {
    static let cisUser = DockerfileRules.cisUser
    static let cisHealth = DockerfileRules.cisHealth
    static let cisSetuid = DockerfileRules.cisSetuid
    static let cisCopy = DockerfileRules.cisCopy
    static let cisSecrets = DockerfileRules.cisSecrets
    static let cisVerified = DockerfileRules.cisVerified
    static let cisMinimal = DockerfileRules.cisMinimal
    static let nist = DockerfileRules.nist
    static let nistSecrets = DockerfileRules.nistSecrets

    public static let runsAsRoot = ConfigRule(
        id: "BW-IMG-001", kind: .image, title: "Image runs as root",
        severity: .high,
        description: "The image config sets no User, or sets root (`root`, `0`, `0:0`). Containers started from it run as root unless every runtime overrides the user.",
        remediation: "Add an unprivileged user and `USER <name>` (or a numeric UID other than 0) at the end of the Dockerfile, then rebuild.",
        references: [cisUser, nist])
    public static let noHealthcheck = ConfigRule(
        id: "BW-IMG-002", kind: .image, title: "Image has no HEALTHCHECK",
        severity: .low,
        description: "The image config has no Healthcheck (or `NONE`): the engine cannot tell a hung service from a healthy one. Ignore for images that are not long-running services.",
        remediation: "Add `HEALTHCHECK CMD <probe>` to the Dockerfile (or define a health check in the orchestrator).",
        references: [cisHealth])
    public static let secretInEnv = ConfigRule(
        id: "BW-IMG-003", kind: .image, title: "Credential in the image's environment",
        severity: .high,
        description: "An Env entry of the image config looks like a credential (its name says password/token/secret/key and it has a literal value, or the value has the shape of a known token). Anyone who can pull the image can read it with `docker inspect`.",
        remediation: "Remove the value from the image; pass it at run time from a secret store (Docker/Kubernetes secrets, a mounted file).",
        references: [cisSecrets, nistSecrets])
    public static let secretInLabel = ConfigRule(
        id: "BW-IMG-004", kind: .image, title: "Credential in an image label",
        severity: .high,
        description: "A label of the image config looks like a credential. Labels are public metadata: registries and `docker inspect` show them to anyone.",
        remediation: "Remove the label and rotate the credential.",
        references: [cisSecrets, nistSecrets])
    public static let secretInHistory = ConfigRule(
        id: "BW-IMG-005", kind: .image, title: "Credential in the build history",
        severity: .high,
        description: "A build step recorded in the image history (`created_by`) carries a credential: build arguments (`RUN |1 TOKEN=…`), ENV/ARG/LABEL values overwritten later, or a token on a command line. `docker history --no-trunc` shows it to anyone who pulls the image.",
        remediation: "Use BuildKit secret mounts (`RUN --mount=type=secret,id=…`) instead of build arguments or ENV for credentials, rebuild, and rotate the credential.",
        references: [cisSecrets, nistSecrets])
    public static let setuidFile = ConfigRule(
        id: "BW-IMG-006", kind: .image, title: "setuid or setgid file",
        severity: .low,
        description: "A regular file has the setuid or setgid bit. If an attacker gets a shell in the container, such binaries are the usual path to privilege escalation; few containers need them.",
        remediation: "Remove the bits in the Dockerfile (`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`) or remove the binaries.",
        references: [cisSetuid, nist])
    public static let worldWritable = ConfigRule(
        id: "BW-IMG-007", kind: .image, title: "World-writable file or directory",
        severity: .medium,
        description: "A file, or a directory without the sticky bit, is writable by every user: any process in the container can replace what others execute or read.",
        remediation: "Tighten the mode in the Dockerfile (`chmod o-w …`), or set the sticky bit on shared directories (`chmod +t`).",
        references: [nist])
    public static let privateKey = ConfigRule(
        id: "BW-IMG-008", kind: .image, title: "Private key left in the image",
        severity: .high,
        description: "A file whose name marks a private key (SSH identities and host keys, `*.key`, PKCS#12 and Java key stores) is in the final filesystem. Every container of the image shares it, and anyone who pulls the image has it.",
        remediation: "Do not bake keys into images: mount them at run time, generate host keys at container start, and rotate the exposed key.",
        references: [cisSecrets, nistSecrets])
    public static let gitDirectory = ConfigRule(
        id: "BW-IMG-009", kind: .image, title: ".git directory left in the image",
        severity: .medium,
        description: "A `.git` directory was copied into the image: the repository history (and often credentials in its config or in past commits) ships with it.",
        remediation: "Add `.git` to .dockerignore, or copy only the build output into the final stage.",
        references: [cisSecrets, nist])
    public static let packageCache = ConfigRule(
        id: "BW-IMG-010", kind: .image, title: "Package-manager cache left in the image",
        severity: .low,
        description: "Downloaded package indexes or archives (apt lists, .deb archives, apk, yum/dnf, pip, npm, yarn, Go build caches) remain in the final filesystem: they enlarge every pull and describe packages that are not installed.",
        remediation: "Clean the cache in the same RUN that fills it (`rm -rf /var/lib/apt/lists/*`, `apk add --no-cache`, `pip install --no-cache-dir`, `npm cache clean --force`), or use a cache mount.",
        references: [cisMinimal])
    public static let addURL = ConfigRule(
        id: "BW-IMG-011", kind: .image, title: "Image built with ADD of a remote URL",
        severity: .medium,
        description: "The build history shows ADD fetching a URL: the downloaded content was not verified by the build (unless a checksum was given) and may change between builds.",
        remediation: "Download with curl/wget in a RUN and verify a checksum or signature, or use `ADD --checksum=sha256:…`.",
        references: [cisCopy, cisVerified])

    /// Every image rule, in id order.
    public static let all: [ConfigRule] = [
        runsAsRoot, noHealthcheck, secretInEnv, secretInLabel, secretInHistory, setuidFile, worldWritable, privateKey,
        gitDirectory, packageCache, addURL,
    ]
}
