import BulwarkCore
import Foundation
import Yams

/// Runs the Compose rules over a Compose file's services, after resolving `extends` (within the file
/// and from other files) and YAML merge keys.
struct ComposeChecker {
    typealias Rules = ComposeRules
    /// The file's root mapping.
    let root: YAMLMap
    /// The file's directory, for `extends.file`.
    let directory: String
    /// Loads another Compose file's root mapping (for `extends.file`); nil when unreadable.
    let loadFile: (String) -> YAMLMap?

    static let dangerousCapabilities: Set<String> = [
        "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "DAC_READ_SEARCH", "SYS_BOOT",
        "SYS_TIME", "MAC_ADMIN", "MAC_OVERRIDE", "BPF", "PERFMON", "NET_RAW",
    ]
    static let sensitivePaths = [
        "/", "/etc", "/proc", "/sys", "/root", "/boot", "/dev", "/var/run", "/run", "/var/lib/docker",
        "/var/lib/kubelet", "/lib/modules", "/usr", "/bin", "/sbin", "/lib", "/home", "/var/log",
    ]
    static let engineSockets = ["docker.sock", "containerd.sock", "podman.sock", "crio.sock", "dockershim.sock"]
    static let databasePorts: Set<Int> = [
        1433, 1521, 2379, 3306, 5432, 5984, 6379, 7000, 7001, 8086, 9042, 9200, 9300, 11211, 27017, 27018, 28015,
    ]

    func check(into collector: inout FindingCollector) {
        guard let services = root.map("services") else { return }
        for entry in services.entries {
            guard var service = YAMLMap(entry.value) else { continue }
            resolveExtends(&service, depth: 0)
            checkService(service, name: entry.key, line: entry.line, into: &collector)
        }
    }

    /// Applies `extends` (up to 8 levels): inherited settings report the `extends` line.
    private func resolveExtends(_ service: inout YAMLMap, depth: Int) {
        guard depth < 8, let extends = service["extends"] else { return }
        let line = service.line(of: "extends")
        var baseName: String?
        var file: String?
        if let name = extends.scalar?.string {
            baseName = name
        } else if let map = YAMLMap(extends) {
            baseName = map.string("service")
            file = map.string("file")
        }
        guard let baseName else { return }
        let baseRoot: YAMLMap?
        if let file {
            baseRoot = loadFile(file.hasPrefix("/") ? file : directory + "/" + file)
        } else {
            baseRoot = root
        }
        guard var base = baseRoot?.map("services")?.map(baseName) else { return }
        if file == nil, base.string("extends") != baseName { resolveExtends(&base, depth: depth + 1) }
        service.inherit(from: base, reportedAt: line)
    }

    private func checkService(_ service: YAMLMap, name: String, line: Int, into collector: inout FindingCollector) {
        // A service with neither image nor build is a fragment (override file): only what it sets is judged.
        let complete = service["image"] != nil || service["build"] != nil
        if service.bool("privileged") == true {
            collector.add(Rules.privileged, line: service.line(of: "privileged"), "service '\(name)' runs privileged")
        }
        let added = service.list("cap_add").compactMap { $0.scalar?.string }.map(normalizedCapability)
        for capability in added where Self.dangerousCapabilities.contains(capability) {
            collector.add(Rules.dangerousCapabilities, line: service.line(of: "cap_add"), "service '\(name)' adds capability \(capability)")
        }
        let dropped = service.list("cap_drop").compactMap { $0.scalar?.string }.map(normalizedCapability)
        if complete, !dropped.contains("ALL") {
            collector.add(Rules.capabilitiesNotDropped, line: service["cap_drop"] == nil ? line : service.line(of: "cap_drop"), "service '\(name)' does not drop all capabilities")
        }
        if complete || service["read_only"] != nil, service.bool("read_only") != true {
            collector.add(Rules.writableRoot, line: service["read_only"] == nil ? line : service.line(of: "read_only"), "service '\(name)' has a writable root filesystem")
        }
        let securityOptions = service.list("security_opt").compactMap { $0.scalar?.string.lowercased().replacingOccurrences(of: "=", with: ":") }
        if complete || service["security_opt"] != nil,
            !securityOptions.contains(where: { $0 == "no-new-privileges" || $0 == "no-new-privileges:true" })
        {
            collector.add(Rules.newPrivileges, line: service["security_opt"] == nil ? line : service.line(of: "security_opt"), "service '\(name)' does not set no-new-privileges:true")
        }
        for option in securityOptions where option == "seccomp:unconfined" || option == "apparmor:unconfined" || option == "label:disable" {
            collector.add(Rules.unconfined, line: service.line(of: "security_opt"), "service '\(name)' sets \(option)")
        }
        if let user = service.string("user") {
            let account = user.split(separator: ":").first.map(String.init) ?? user
            if account == "root" || account == "0" {
                collector.add(Rules.rootUser, line: service.line(of: "user"), "service '\(name)' runs as \(user)")
            }
        } else if complete {
            collector.add(Rules.rootUser, line: line, "service '\(name)' sets no user, so it runs as the image's user (often root)")
        }
        if service.string("network_mode") == "host" {
            collector.add(Rules.hostNetwork, line: service.line(of: "network_mode"), "service '\(name)' uses the host network")
        }
        if service.string("pid") == "host" {
            collector.add(Rules.hostPid, line: service.line(of: "pid"), "service '\(name)' shares the host PID namespace")
        }
        if service.string("ipc") == "host" {
            collector.add(Rules.hostIpc, line: service.line(of: "ipc"), "service '\(name)' shares the host IPC namespace")
        }
        for volume in service.list("volumes") { checkVolume(volume, service: name, fallbackLine: service.line(of: "volumes"), into: &collector) }
        for port in service.list("ports") { checkPort(port, service: name, fallbackLine: service.line(of: "ports"), into: &collector) }
        checkEnvironment(service, name: name, into: &collector)
        if let image = service.string("image"), !ImageName.isDynamic(image), ImageName(image).usesLatest {
            collector.add(Rules.latestImage, line: service.line(of: "image"), "service '\(name)' image '\(image)' is not pinned to a version")
        }
        let limits = service.map("deploy")?.map("resources")?.map("limits")
        if complete, service["mem_limit"] == nil, limits?["memory"] == nil {
            collector.add(Rules.memoryLimit, line: line, "service '\(name)' has no memory limit")
        }
        if complete, service["pids_limit"] == nil, limits?["pids"] == nil {
            collector.add(Rules.pidsLimit, line: line, "service '\(name)' has no PIDs limit")
        }
        var tmpfsEntries = service.list("tmpfs")
        if let single = service["tmpfs"], single.scalar != nil { tmpfsEntries = [single] }
        for entry in tmpfsEntries {
            guard let text = entry.scalar?.string else { continue }
            let options = text.split(separator: ":", maxSplits: 1).dropFirst().first.map { $0.split(separator: ",").map(String.init) } ?? []
            if !options.contains("noexec") || !options.contains("nosuid") {
                collector.add(Rules.tmpfsOptions, line: entry.mark?.line ?? service.line(of: "tmpfs"), "service '\(name)' mounts tmpfs \(text) without noexec and nosuid")
            }
        }
    }

    private func normalizedCapability(_ text: String) -> String {
        let upper = text.uppercased()
        return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
    }

    private func checkVolume(_ volume: Node, service: String, fallbackLine: Int, into collector: inout FindingCollector) {
        let line = volume.mark?.line ?? fallbackLine
        var source: String
        var readOnly: Bool
        if let text = volume.scalar?.string {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count >= 2 else { return }
            source = parts[0]
            readOnly = parts.count >= 3 && parts[2].split(separator: ",").contains("ro")
        } else if let map = YAMLMap(volume) {
            guard map.string("type") == nil || map.string("type") == "bind", let mapSource = map.string("source") else { return }
            source = mapSource
            readOnly = map.bool("read_only") == true
        } else {
            return
        }
        guard source.hasPrefix("/") else { return }
        while source.count > 1, source.hasSuffix("/") { source.removeLast() }
        if Self.engineSockets.contains(where: { source.hasSuffix("/" + $0) }) {
            collector.add(Rules.dockerSocket, line: line, "service '\(service)' mounts the engine socket \(source)")
            return
        }
        let sensitive = Self.sensitivePaths.contains { path in
            source == path || (path != "/" && source.hasPrefix(path + "/") && !source.hasPrefix("/home/") && !source.hasPrefix("/var/log/") && !source.hasPrefix("/run/") && !source.hasPrefix("/var/run/"))
        }
        guard sensitive else { return }
        // Single files below a system folder (e.g. /etc/localtime:ro) are fine read-only.
        let wholeFolder = Self.sensitivePaths.contains(source)
        if readOnly, !wholeFolder { return }
        if readOnly {
            collector.add(Rules.sensitiveMountReadOnly, line: line, "service '\(service)' mounts host path \(source) (read-only)")
        } else {
            collector.add(Rules.sensitiveMountWritable, line: line, "service '\(service)' mounts host path \(source) writable")
        }
    }

    private func checkPort(_ port: Node, service: String, fallbackLine: Int, into collector: inout FindingCollector) {
        let line = port.mark?.line ?? fallbackLine
        var hostIP: String?
        var target: Int?
        var published = true
        if let text = port.scalar?.string {
            let noProtocol = text.split(separator: "/").first.map(String.init) ?? text
            var parts = noProtocol.split(separator: ":").map(String.init)
            if noProtocol.hasPrefix("[") , let close = noProtocol.firstIndex(of: "]") {
                hostIP = String(noProtocol[noProtocol.index(after: noProtocol.startIndex)..<close])
                parts = noProtocol[noProtocol.index(after: close)...].split(separator: ":").map(String.init)
            } else if parts.count == 3 {
                hostIP = parts.removeFirst()
            }
            target = parts.last.flatMap { Int($0.split(separator: "-").first ?? "") }
        } else if let map = YAMLMap(port) {
            hostIP = map.string("host_ip")
            target = map.string("target").flatMap { Int($0) }
            published = true
        }
        guard published, let target, Self.databasePorts.contains(target) else { return }
        if hostIP == nil || hostIP == "0.0.0.0" || hostIP == "::" || hostIP == "" {
            collector.add(Rules.databasePort, line: line, "service '\(service)' publishes database port \(target) on all interfaces")
        }
    }

    private func checkEnvironment(_ service: YAMLMap, name: String, into collector: inout FindingCollector) {
        guard let environment = service["environment"] else { return }
        var pairs: [(String, String, Int)] = []
        if let map = YAMLMap(environment) {
            pairs = map.entries.map { ($0.key, $0.value.scalar?.string ?? "", $0.line) }
        } else {
            for item in service.list("environment") {
                guard let text = item.scalar?.string, let equals = text.firstIndex(of: "=") else { continue }
                pairs.append((String(text[..<equals]), String(text[text.index(after: equals)...]), item.mark?.line ?? 1))
            }
        }
        for (key, value, line) in pairs where SecretHeuristics.looksLikeSecret(name: key, value: value) {
            collector.add(Rules.secretInEnvironment, line: line, "service '\(name)' environment \(key) looks like a hard-coded secret")
        }
    }
}
