import BulwarkCore
import Foundation
import Yams

/// Runs the Kubernetes rules over the workloads of a manifest stream: Pod, Deployment, StatefulSet,
/// DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, `List` items, and Istio PeerAuthentication.
struct KubernetesChecker {
    typealias Rules = KubernetesRules
    let documents: [Node]

    static let baselineCapabilities: Set<String> = [
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP",
        "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    ]
    static let safeSysctls: Set<String> = [
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
        "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
        "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    ]
    static let allowedSELinuxTypes: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"]

    func check(into collector: inout FindingCollector) {
        var budget = 100_000
        for document in documents { checkObject(YAMLMap(document), into: &collector, budget: &budget) }
    }

    private func checkObject(_ object: YAMLMap?, into collector: inout FindingCollector, budget: inout Int) {
        guard let object, budget > 0 else { return }
        budget -= 1
        let kind = object.string("kind") ?? ""
        let name = object.map("metadata")?.string("name") ?? "unnamed"
        let label = "\(kind) '\(name)'"
        switch kind {
        case "List", "PodList", "DeploymentList":
            for item in object.list("items") { checkObject(YAMLMap(item), into: &collector, budget: &budget) }
        case "Pod":
            checkPod(object.map("spec"), metadata: object.map("metadata"), label: label, into: &collector)
        case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
            let template = object.map("spec")?.map("template")
            checkPod(template?.map("spec"), metadata: template?.map("metadata"), label: label, into: &collector)
        case "CronJob":
            let template = object.map("spec")?.map("jobTemplate")?.map("spec")?.map("template")
            checkPod(template?.map("spec"), metadata: template?.map("metadata"), label: label, into: &collector)
        case "PeerAuthentication" where (object.string("apiVersion") ?? "").hasPrefix("security.istio.io"):
            checkPeerAuthentication(object, label: label, into: &collector)
        default: break
        }
    }

    private func checkPeerAuthentication(_ object: YAMLMap, label: String, into collector: inout FindingCollector) {
        let spec = object.map("spec")
        if let mtls = spec?.map("mtls"), let mode = mtls.string("mode")?.uppercased(), mode == "PERMISSIVE" || mode == "DISABLE" {
            collector.add(Rules.peerAuthentication, line: mtls.line(of: "mode"), "\(label) sets mTLS mode \(mode)")
        } else if spec?.map("mtls")?.string("mode") == nil, spec?["portLevelMtls"] == nil {
            // UNSET inherits from the parent; mesh-wide default is PERMISSIVE.
            collector.add(Rules.peerAuthentication, line: object.line, "\(label) does not set mTLS mode STRICT (inherits, PERMISSIVE by default)")
        }
        for port in spec?.map("portLevelMtls")?.entries ?? [] {
            if let mode = YAMLMap(port.value)?.string("mode")?.uppercased(), mode == "PERMISSIVE" || mode == "DISABLE" {
                collector.add(Rules.peerAuthentication, line: port.line, "\(label) sets mTLS mode \(mode) on port \(port.key)")
            }
        }
    }

    private func checkPod(_ spec: YAMLMap?, metadata: YAMLMap?, label: String, into collector: inout FindingCollector) {
        guard let spec else { return }
        let options = collector.options
        for key in ["hostNetwork", "hostPID", "hostIPC"] where spec.bool(key) == true {
            collector.add(Rules.hostNamespaces, line: spec.line(of: key), "\(label) sets \(key): true")
        }
        for volume in spec.list("volumes") {
            if let map = YAMLMap(volume), let hostPath = map.map("hostPath") {
                collector.add(Rules.hostPath, line: map.line(of: "hostPath"), "\(label) mounts hostPath \(hostPath.string("path") ?? "")")
            }
        }
        let podContext = spec.map("securityContext")
        if let sysctls = podContext?.list("sysctls") {
            for sysctl in sysctls {
                if let name = YAMLMap(sysctl)?.string("name"), !Self.safeSysctls.contains(name) {
                    collector.add(Rules.unsafeSysctls, line: sysctl.mark?.line ?? spec.line, "\(label) sets unsafe sysctl \(name)")
                }
            }
        }
        if spec.bool("automountServiceAccountToken") != false {
            collector.add(Rules.serviceAccountToken, line: spec["automountServiceAccountToken"] == nil ? spec.line : spec.line(of: "automountServiceAccountToken"), "\(label) mounts the service account token automatically")
        }
        if !options.requiredRuntimeClasses.isEmpty {
            let runtime = spec.string("runtimeClassName")
            if runtime.map({ !options.requiredRuntimeClasses.contains($0) }) ?? true {
                collector.add(Rules.runtimeClass, line: spec["runtimeClassName"] == nil ? spec.line : spec.line(of: "runtimeClassName"), "\(label) runtimeClassName is \(runtime ?? "unset"), not one of \(options.requiredRuntimeClasses.joined(separator: ", "))")
            }
        }
        checkMandatoryAccessControl(podContext, label: label, into: &collector)
        for (key, value) in metadata?.map("annotations")?.entries.map({ ($0.key, $0) }) ?? []
        where key.hasPrefix("container.apparmor.security.beta.kubernetes.io/") && value.value.scalar?.string == "unconfined" {
            collector.add(Rules.mandatoryAccessControl, line: value.line, "\(label) annotation \(key) is unconfined")
        }
        let podSeccomp = podContext?.map("seccompProfile")?.string("type")
        let podNonRoot = podContext?.bool("runAsNonRoot")
        let podUser = podContext?.string("runAsUser")
        let containers = spec.list("initContainers") + spec.list("containers") + spec.list("ephemeralContainers")
        for node in containers {
            guard let container = YAMLMap(node) else { continue }
            checkContainer(container, label: "\(label) container '\(container.string("name") ?? "?")'", podSeccomp: podSeccomp, podNonRoot: podNonRoot, podUser: podUser, into: &collector)
        }
    }

    private func checkMandatoryAccessControl(_ context: YAMLMap?, label: String, into collector: inout FindingCollector) {
        guard let context else { return }
        if let profile = context.map("appArmorProfile"), profile.string("type") == "Unconfined" {
            collector.add(Rules.mandatoryAccessControl, line: context.line(of: "appArmorProfile"), "\(label) sets appArmorProfile Unconfined")
        }
        if let selinux = context.map("seLinuxOptions") {
            let type = selinux.string("type") ?? ""
            if !Self.allowedSELinuxTypes.contains(type) || selinux["user"] != nil || selinux["role"] != nil {
                collector.add(Rules.mandatoryAccessControl, line: context.line(of: "seLinuxOptions"), "\(label) overrides SELinux options")
            }
        }
    }

    private func checkContainer(
        _ container: YAMLMap, label: String, podSeccomp: String?, podNonRoot: Bool?, podUser: String?, into collector: inout FindingCollector
    ) {
        let context = container.map("securityContext")
        let line = container.line
        let contextLine = { (key: String) -> Int in context.map { $0[key] == nil ? line : $0.line(of: key) } ?? line }
        if context?.bool("privileged") == true {
            collector.add(Rules.privileged, line: contextLine("privileged"), "\(label) is privileged")
        }
        let capabilities = context?.map("capabilities")
        for added in capabilities?.list("add").compactMap({ $0.scalar?.string.uppercased() }) ?? [] {
            let name = added.hasPrefix("CAP_") ? String(added.dropFirst(4)) : added
            if !Self.baselineCapabilities.contains(name) {
                collector.add(Rules.addedCapabilities, line: capabilities?.line(of: "add") ?? line, "\(label) adds capability \(name)")
            }
        }
        let dropped = capabilities?.list("drop").compactMap { $0.scalar?.string.uppercased() } ?? []
        if !dropped.contains("ALL") {
            collector.add(Rules.capabilitiesNotDropped, line: contextLine("capabilities"), "\(label) does not drop all capabilities")
        }
        if context?.bool("allowPrivilegeEscalation") != false {
            collector.add(Rules.privilegeEscalation, line: contextLine("allowPrivilegeEscalation"), "\(label) allows privilege escalation")
        }
        let user = context?.string("runAsUser") ?? podUser
        let nonRoot = context?.bool("runAsNonRoot") ?? podNonRoot
        if user == "0" {
            collector.add(Rules.runAsRoot, line: contextLine("runAsUser"), "\(label) runs as UID 0")
        } else if nonRoot != true, user == nil {
            collector.add(Rules.runAsRoot, line: contextLine("runAsNonRoot"), "\(label) does not set runAsNonRoot: true")
        }
        let seccomp = context?.map("seccompProfile")?.string("type") ?? podSeccomp
        if seccomp != "RuntimeDefault", seccomp != "Localhost" {
            collector.add(Rules.seccomp, line: contextLine("seccompProfile"), "\(label) seccomp profile is \(seccomp ?? "not set")")
        }
        if context?.bool("readOnlyRootFilesystem") != true {
            collector.add(Rules.writableRoot, line: contextLine("readOnlyRootFilesystem"), "\(label) has a writable root filesystem")
        }
        if let procMount = context?.string("procMount"), procMount != "Default" {
            collector.add(Rules.procMount, line: contextLine("procMount"), "\(label) sets procMount \(procMount)")
        }
        checkMandatoryAccessControl(context, label: label, into: &collector)
        for port in container.list("ports") {
            if let map = YAMLMap(port), let hostPort = map.string("hostPort"), hostPort != "0" {
                collector.add(Rules.hostPort, line: map.line(of: "hostPort"), "\(label) binds hostPort \(hostPort)")
            }
        }
        let limits = container.map("resources")?.map("limits")
        if limits?["memory"] == nil || limits?["cpu"] == nil {
            collector.add(Rules.resourceLimits, line: container["resources"] == nil ? line : container.line(of: "resources"), "\(label) has no \(limits?["memory"] == nil ? "memory" : "CPU") limit")
        }
        if let image = container.string("image"), !ImageName.isDynamic(image) {
            let name = ImageName(image)
            let imageLine = container.line(of: "image")
            if name.usesLatest {
                collector.add(Rules.latestImage, line: imageLine, "\(label) image '\(image)' is not pinned to a version")
            }
            if collector.options.requireDigest, name.digest == nil {
                collector.add(Rules.digestPin, line: imageLine, "\(label) image '\(image)' is not pinned by digest")
            }
            if !collector.options.trustedRegistries.isEmpty, !name.isTrusted(by: collector.options.trustedRegistries) {
                collector.add(Rules.untrustedRegistry, line: imageLine, "\(label) image '\(image)' comes from \(name.registry), which is not a trusted registry")
            }
        }
    }
}
