import Foundation
import BulwarkCore

/// Checks a container's runtime configuration against the CIS Docker Benchmark's container-runtime
/// recommendations (section 5, numbered as in benchmark versions 1.1.0–1.5.0) and the image-user
/// recommendation 4.1.
///
/// Findings are ordered by severity (worst first), then id.
public enum RuntimeAuditor {
    /// Capabilities that amount to (near) root on the host.
    public static let dangerousCapabilities: Set<String> = [
        "ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH", "DAC_OVERRIDE", "NET_ADMIN", "BPF", "PERFMON", "SYS_BOOT",
        "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "SETFCAP",
    ]
    /// Host directories CIS 5.5 names as sensitive.
    public static let sensitiveHostPaths = ["/", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/var/lib/docker", "/var/lib/containers", "/root"]
    /// Engine sockets (CIS 5.31).
    public static let engineSocketNames = ["docker.sock", "podman.sock", "containerd.sock", "crio.sock", "dockershim.sock"]
    /// Runtimes that put a sandbox kernel or VM between the container and the host.
    public static let sandboxedRuntimes = ["runsc", "gvisor", "kata", "kata-runtime", "kata-qemu", "kata-fc", "kata-clh", "io.containerd.kata.v2", "io.containerd.runsc.v1"]

    /// All findings for `container`.
    public static func audit(_ container: ContainerInspection) -> [RuntimeFinding] {
        let name = container.displayName
        let host = container.host
        var findings: [RuntimeFinding] = []
        func add(_ section: String, _ title: String, _ severity: Severity, _ evidence: String, _ remediation: String) {
            findings.append(RuntimeFinding(
                id: "CIS-DOCKER-\(section)", cisSection: section, title: title, severity: severity, container: name, evidence: evidence,
                remediation: remediation))
        }
        let options = host.securityOpt.map(normalizedOption)

        if host.privileged {
            add("5.4", "Privileged container", .critical, "HostConfig.Privileged=true",
                "Run without --privileged; add only the capabilities and devices the workload needs.")
        }
        let added = host.capAdd.map(normalizedCapability)
        if !added.isEmpty {
            let dangerous = added.filter { dangerousCapabilities.contains($0) }
            add("5.3", "Linux kernel capabilities added", dangerous.isEmpty ? .medium : .high, "HostConfig.CapAdd=\(added.joined(separator: ","))",
                "Drop the added capabilities (--cap-add); start from --cap-drop=ALL and add back only what is required.")
        }
        for mount in container.mounts where isEngineSocket(mount.source) || isEngineSocket(mount.destination) {
            add("5.31", "Container engine socket mounted", .critical, "Mounts: \(mount.source) -> \(mount.destination)",
                "Do not mount the Docker/Podman socket into containers: it grants full control of the host.")
        }
        for mount in container.mounts where mount.type != "volume" && !isEngineSocket(mount.source) && isSensitive(mount.source) {
            add("5.5", "Sensitive host directory mounted", mount.readWrite ? .high : .medium,
                "Mounts: \(mount.source) -> \(mount.destination) (\(mount.readWrite ? "read-write" : "read-only"))",
                "Do not mount host system directories; if unavoidable, mount the narrowest path read-only.")
        }
        for mount in container.mounts where mount.propagation == "shared" || mount.propagation == "rshared" {
            add("5.19", "Mount propagation set to shared", .medium, "Mounts: \(mount.destination) propagation=\(mount.propagation)",
                "Use private (the default) or slave propagation.")
        }
        if host.networkMode == "host" {
            add("5.9", "Host network namespace shared", .high, "HostConfig.NetworkMode=host", "Use a bridge or user-defined network instead of --network=host.")
        }
        if host.pidMode == "host" {
            add("5.15", "Host process namespace shared", .high, "HostConfig.PidMode=host", "Remove --pid=host.")
        }
        if host.ipcMode == "host" {
            add("5.16", "Host IPC namespace shared", .high, "HostConfig.IpcMode=host", "Remove --ipc=host.")
        }
        if host.utsMode == "host" {
            add("5.20", "Host UTS namespace shared", .medium, "HostConfig.UTSMode=host", "Remove --uts=host.")
        }
        if host.usernsMode == "host" {
            add("5.30", "Host user namespace shared", .medium, "HostConfig.UsernsMode=host", "Remove --userns=host.")
        }
        if !host.devices.isEmpty {
            add("5.17", "Host devices exposed", .medium, "HostConfig.Devices=\(host.devices.joined(separator: ","))", "Expose no host devices, or only the needed ones with minimal permissions (r, w, m).")
        }
        if options.contains("seccomp=unconfined") {
            add("5.21", "Seccomp profile disabled", .high, "HostConfig.SecurityOpt contains seccomp=unconfined", "Remove seccomp=unconfined; keep the default or a custom seccomp profile.")
        }
        if container.appArmorProfile == "unconfined" || options.contains("apparmor=unconfined") {
            add("5.1", "AppArmor profile disabled", .medium, "AppArmorProfile=unconfined", "Run with the default AppArmor profile (docker-default) or a custom one.")
        } else if container.appArmorProfile.isEmpty && !options.contains(where: { $0.hasPrefix("apparmor=") }) && container.processLabel.isEmpty
            && !options.contains(where: { $0.hasPrefix("label=") })
        {
            add("5.1", "No AppArmor or SELinux profile", .low, "AppArmorProfile is empty and no SELinux label is set",
                "Enable AppArmor (or SELinux) on the host and run with a profile; ignore on hosts that support neither.")
        }
        if !options.contains(where: { $0 == "no-new-privileges" || $0 == "no-new-privileges=true" }) {
            add("5.25", "Container can acquire additional privileges", .medium, "HostConfig.SecurityOpt lacks no-new-privileges",
                "Run with --security-opt=no-new-privileges.")
        }
        if !host.readonlyRootfs {
            add("5.12", "Root filesystem is writable", .low, "HostConfig.ReadonlyRootfs=false", "Run with --read-only and mount writable volumes only where needed.")
        }
        if host.memory <= 0 {
            add("5.10", "Memory usage not limited", .low, "HostConfig.Memory=0", "Set a memory limit (--memory).")
        }
        if host.cpuShares <= 0 || host.cpuShares == 1024, host.nanoCpus <= 0, host.cpuQuota <= 0 {
            add("5.11", "CPU priority not set", .low, "HostConfig.CpuShares, NanoCpus and CpuQuota are unset", "Set --cpu-shares or --cpus.")
        }
        if (host.pidsLimit ?? 0) <= 0 {
            add("5.28", "PIDs limit not set", .low, "HostConfig.PidsLimit=\(host.pidsLimit.map(String.init) ?? "unset")", "Set --pids-limit to bound fork bombs.")
        }
        let privilegedPorts = host.publishedHostPorts.filter { $0 > 0 && $0 < 1024 }
        if !privilegedPorts.isEmpty {
            add("5.7", "Privileged host ports mapped", .low, "HostConfig.PortBindings host ports \(privilegedPorts.map(String.init).joined(separator: ","))",
                "Publish on host ports above 1024 unless a privileged port is required.")
        }
        if container.healthcheck.isEmpty || container.healthcheck.first == "NONE" {
            add("5.26", "No health check", .low, "Config.Healthcheck is not set", "Add a HEALTHCHECK to the image or --health-cmd at run time.")
        }
        if isRoot(container.user) {
            add("4.1", "Container runs as root", .medium, "Config.User=\(container.user.isEmpty ? "(image default: root)" : container.user)",
                "Run as an unprivileged user (USER in the image, or --user).")
        }
        let runtime = host.runtime.isEmpty ? "unknown" : host.runtime
        let sandboxed = isSandboxed(runtime)
        findings.append(RuntimeFinding(
            id: "BULWARK-DOCKER-RUNTIME", cisSection: nil, title: sandboxed ? "Sandboxed runtime" : "Runtime shares the host kernel",
            severity: .negligible, container: name, evidence: "HostConfig.Runtime=\(runtime)",
            remediation: sandboxed ? "None: a sandboxed runtime isolates the container from the host kernel." : "Consider a sandboxed runtime (gVisor runsc, Kata Containers) for untrusted workloads."))
        return sorted(findings)
    }

    /// Severity descending, then id (numerically by section), then evidence.
    static func sorted(_ findings: [RuntimeFinding]) -> [RuntimeFinding] {
        findings.sorted { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
            let left = sectionKey(lhs.cisSection), right = sectionKey(rhs.cisSection)
            if left != right { return left.lexicographicallyPrecedes(right) }
            return lhs.evidence < rhs.evidence
        }
    }

    static func sectionKey(_ section: String?) -> [Int] {
        guard let section else { return [Int.max] }
        return section.split(separator: ".").map { Int($0) ?? 0 }
    }

    /// `CAP_SYS_ADMIN` and `sys_admin` both mean `SYS_ADMIN`.
    static func normalizedCapability(_ text: String) -> String {
        let upper = text.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }

    /// Docker accepts `seccomp:unconfined` (old) and `seccomp=unconfined`; `no-new-privileges:true` too.
    static func normalizedOption(_ option: String) -> String {
        option.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: ":", with: "=")
    }

    static func isEngineSocket(_ path: String) -> Bool {
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        return engineSocketNames.contains(last)
    }

    static func isSensitive(_ path: String) -> Bool {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return sensitiveHostPaths.contains { trimmed == $0 || ($0 != "/" && trimmed.hasPrefix($0 + "/")) }
    }

    static func isRoot(_ user: String) -> Bool {
        let name = user.split(separator: ":", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return name.isEmpty || name == "root" || name == "0"
    }

    static func isSandboxed(_ runtime: String) -> Bool {
        let lower = runtime.lowercased()
        return sandboxedRuntimes.contains(lower) || lower.contains("runsc") || lower.contains("kata") || lower.contains("gvisor")
    }
}
