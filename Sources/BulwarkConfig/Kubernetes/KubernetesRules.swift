import BulwarkCore

/// The Kubernetes rule definitions (ids `BW-K8S-nnn`), following the Pod Security Standards.
public enum KubernetesRules {
    static let baseline = "Kubernetes Pod Security Standards: Baseline"
    static let restricted = "Kubernetes Pod Security Standards: Restricted"
    static let nist = "NIST SP 800-190 §4.4 (container countermeasures)"
    static let nistOrchestrator = "NIST SP 800-190 §4.3 (orchestrator countermeasures)"

    public static let privileged = ConfigRule(
        id: "BW-K8S-001", kind: .kubernetes, title: "Privileged container", severity: .critical,
        description: "`securityContext.privileged: true` disables nearly all isolation: the container is root on the node.",
        remediation: "Remove `privileged: true`.", references: [baseline + " (Privileged Containers)", nist])
    public static let hostNamespaces = ConfigRule(
        id: "BW-K8S-002", kind: .kubernetes, title: "Host namespaces shared", severity: .high,
        description: "`hostNetwork`, `hostPID` or `hostIPC` shares the node's namespaces with the pod.",
        remediation: "Remove hostNetwork/hostPID/hostIPC (or set them to false).", references: [baseline + " (Host Namespaces)"])
    public static let hostPath = ConfigRule(
        id: "BW-K8S-003", kind: .kubernetes, title: "hostPath volume", severity: .high,
        description: "A hostPath volume exposes the node's filesystem to the pod.",
        remediation: "Use a PersistentVolumeClaim, emptyDir, configMap or secret instead.", references: [baseline + " (HostPath Volumes)", nist])
    public static let addedCapabilities = ConfigRule(
        id: "BW-K8S-004", kind: .kubernetes, title: "Capabilities added beyond the baseline set", severity: .high,
        description: "`capabilities.add` includes a capability outside the Baseline allow-list (AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT).",
        remediation: "Remove the capability; Restricted allows only NET_BIND_SERVICE.", references: [baseline + " (Capabilities)"])
    public static let capabilitiesNotDropped = ConfigRule(
        id: "BW-K8S-005", kind: .kubernetes, title: "Capabilities not dropped", severity: .medium,
        description: "The container does not set `capabilities.drop: [ALL]`.",
        remediation: "Add `securityContext.capabilities.drop: [\"ALL\"]`.", references: [restricted + " (Capabilities)"])
    public static let privilegeEscalation = ConfigRule(
        id: "BW-K8S-006", kind: .kubernetes, title: "Privilege escalation allowed", severity: .medium,
        description: "`allowPrivilegeEscalation` is not false, so setuid binaries can gain privileges.",
        remediation: "Set `securityContext.allowPrivilegeEscalation: false`.", references: [restricted + " (Privilege Escalation)"])
    public static let runAsRoot = ConfigRule(
        id: "BW-K8S-007", kind: .kubernetes, title: "Container may run as root", severity: .medium,
        description: "Neither the container nor the pod sets `runAsNonRoot: true`, or `runAsUser` is 0.",
        remediation: "Set `runAsNonRoot: true` and a non-zero `runAsUser`.", references: [restricted + " (Running as Non-root)", nist])
    public static let seccomp = ConfigRule(
        id: "BW-K8S-008", kind: .kubernetes, title: "Seccomp profile missing or unconfined", severity: .medium,
        description: "`seccompProfile.type` is not RuntimeDefault or Localhost (Unconfined also violates Baseline).",
        remediation: "Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod.", references: [restricted + " (Seccomp)", baseline + " (Seccomp)"])
    public static let writableRoot = ConfigRule(
        id: "BW-K8S-009", kind: .kubernetes, title: "Root filesystem is writable", severity: .low,
        description: "`readOnlyRootFilesystem` is not true.",
        remediation: "Set `securityContext.readOnlyRootFilesystem: true` and mount emptyDir where the app writes.", references: [nist])
    public static let procMount = ConfigRule(
        id: "BW-K8S-010", kind: .kubernetes, title: "Unmasked /proc mount", severity: .high,
        description: "`procMount` other than Default exposes kernel information masked by default.",
        remediation: "Remove `procMount` or set it to Default.", references: [baseline + " (/proc Mount Type)"])
    public static let unsafeSysctls = ConfigRule(
        id: "BW-K8S-011", kind: .kubernetes, title: "Unsafe sysctl", severity: .high,
        description: "The pod sets a sysctl outside the Baseline safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, net.ipv4.ip_local_reserved_ports, net.ipv4.tcp_keepalive_*, net.ipv4.tcp_fin_timeout).",
        remediation: "Remove the sysctl.", references: [baseline + " (Sysctls)"])
    public static let mandatoryAccessControl = ConfigRule(
        id: "BW-K8S-012", kind: .kubernetes, title: "AppArmor or SELinux weakened", severity: .high,
        description: "An AppArmor profile is `unconfined`, or SELinux options set a custom user/role or a type outside container_t/container_init_t/container_kvm_t/container_engine_t.",
        remediation: "Use the runtime default AppArmor profile and do not override SELinux user, role or type.", references: [baseline + " (AppArmor)", baseline + " (SELinux)"])
    public static let hostPort = ConfigRule(
        id: "BW-K8S-013", kind: .kubernetes, title: "hostPort used", severity: .medium,
        description: "A container port sets `hostPort`, binding the node's port and bypassing network policy.",
        remediation: "Remove hostPort; expose the pod through a Service.", references: [baseline + " (Host Ports)"])
    public static let resourceLimits = ConfigRule(
        id: "BW-K8S-014", kind: .kubernetes, title: "No CPU or memory limit", severity: .low,
        description: "The container has no `resources.limits.memory` or `resources.limits.cpu`, so it can starve its node.",
        remediation: "Set `resources.limits.cpu` and `resources.limits.memory` (and requests).", references: [nistOrchestrator])
    public static let latestImage = ConfigRule(
        id: "BW-K8S-015", kind: .kubernetes, title: "Image uses the latest tag or no tag", severity: .medium,
        description: "The container image has no tag or `latest`.",
        remediation: "Pin a version tag (and a digest).", references: ["NIST SP 800-190 §4.1.5 (use of untrusted images)"])
    public static let digestPin = ConfigRule(
        id: "BW-K8S-016", kind: .kubernetes, title: "Image not pinned by digest", severity: .low,
        description: "The container image is referenced by tag only. Runs only with `--require-digest`.",
        remediation: "Reference images as `name:tag@sha256:…`.", references: ["NIST SP 800-190 §4.1.5 (use of untrusted images)"], optIn: true)
    public static let serviceAccountToken = ConfigRule(
        id: "BW-K8S-017", kind: .kubernetes, title: "Service account token mounted automatically", severity: .low,
        description: "`automountServiceAccountToken` is not false, so a compromised container holds an API credential.",
        remediation: "Set `automountServiceAccountToken: false` unless the pod calls the Kubernetes API.", references: [nistOrchestrator])
    public static let runtimeClass = ConfigRule(
        id: "BW-K8S-018", kind: .kubernetes, title: "Sandboxed runtime class not used", severity: .medium,
        description: "The pod does not set a `runtimeClassName` from the required sandboxed runtimes (gVisor, Kata…). Runs only with `--runtime-classes`.",
        remediation: "Set `runtimeClassName` to one of the required runtime classes.", references: ["NIST SP 800-190 §4.6 (host OS countermeasures)"], optIn: true)
    public static let peerAuthentication = ConfigRule(
        id: "BW-K8S-019", kind: .kubernetes, title: "Istio PeerAuthentication not STRICT", severity: .high,
        description: "An Istio PeerAuthentication sets mTLS mode PERMISSIVE or DISABLE (or a port-level override), allowing plaintext traffic.",
        remediation: "Set `spec.mtls.mode: STRICT`.", references: ["NIST SP 800-190 §4.3.3 (mixing of workload sensitivity levels)", "NIST SP 800-204A"])
    public static let untrustedRegistry = ConfigRule(
        id: "BW-K8S-020", kind: .kubernetes, title: "Image from an untrusted registry", severity: .high,
        description: "A container image comes from a registry not in `--trusted-registries`. Runs only when the list is given.",
        remediation: "Use images from the trusted registries.", references: ["NIST SP 800-190 §4.1.5 (use of untrusted images)"], optIn: true)

    /// All Kubernetes rules in id order.
    public static let all: [ConfigRule] = [
        privileged, hostNamespaces, hostPath, addedCapabilities, capabilitiesNotDropped, privilegeEscalation, runAsRoot,
        seccomp, writableRoot, procMount, unsafeSysctls, mandatoryAccessControl, hostPort, resourceLimits, latestImage,
        digestPin, serviceAccountToken, runtimeClass, peerAuthentication, untrustedRegistry,
    ]
}
