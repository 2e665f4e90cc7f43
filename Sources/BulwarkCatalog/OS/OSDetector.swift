import BulwarkCore
import Foundation

/// Identifies the operating system from os-release and the distributions' own release files.
public struct OSDetector: Sendable {
    /// Files read for OS detection.
    public static let releaseFiles: Set<String> = [
        "/etc/os-release", "/usr/lib/os-release", "/etc/alpine-release", "/etc/debian_version", "/etc/lsb-release",
        "/etc/redhat-release", "/etc/centos-release", "/etc/rocky-release", "/etc/almalinux-release",
        "/etc/fedora-release", "/etc/oracle-release", "/etc/system-release", "/etc/SuSE-release", "/etc/photon-release",
        "/etc/mariner-release", "/etc/azurelinux-release", "/etc/wolfi-release",
    ]

    /// Creates a detector.
    public init() {}

    /// Whether `path` is a release file.
    public func isInterested(in path: String) -> Bool { Self.releaseFiles.contains(path) }

    /// Detects the OS in `tree`; nil when nothing identifies it (scratch, distroless static).
    public func detect(_ tree: any FileTree) -> OperatingSystem? {
        let osRelease = text(tree, "/etc/os-release") ?? text(tree, "/usr/lib/os-release")
        var os: OperatingSystem?
        if let osRelease {
            let fields = Self.parseKeyValues(osRelease)
            if let id = fields["ID"]?.lowercased(), !id.isEmpty {
                let versionID = fields["VERSION_ID"]
                os = OperatingSystem(
                    family: id, version: versionID ?? "", versionID: versionID,
                    codename: fields["VERSION_CODENAME"] ?? Self.codename(in: fields["VERSION"]),
                    prettyName: fields["PRETTY_NAME"],
                    idLike: (fields["ID_LIKE"] ?? "").split(separator: " ").map { String($0).lowercased() })
            }
        }
        // Refine or fall back with the distribution's own release files.
        if let alpine = firstLine(tree, "/etc/alpine-release") {
            if os == nil { os = OperatingSystem(family: "alpine", version: alpine, versionID: alpine) }
            if os?.family == "alpine" { os?.version = alpine }
        }
        if let debian = firstLine(tree, "/etc/debian_version") {
            if os == nil {
                os = OperatingSystem(family: "debian", version: debian, versionID: debian.split(separator: ".").first.map(String.init))
            } else if os?.family == "debian", debian.first?.isNumber == true {
                os?.version = debian
            }
        }
        if os == nil, let lsb = text(tree, "/etc/lsb-release") {
            let fields = Self.parseKeyValues(lsb)
            if let id = fields["DISTRIB_ID"]?.lowercased(), let release = fields["DISTRIB_RELEASE"] {
                os = OperatingSystem(family: id, version: release, versionID: release, codename: fields["DISTRIB_CODENAME"], prettyName: fields["DISTRIB_DESCRIPTION"])
            }
        }
        if os == nil {
            let redHatStyle: [(String, String)] = [
                ("/etc/centos-release", "centos"), ("/etc/rocky-release", "rocky"), ("/etc/almalinux-release", "almalinux"),
                ("/etc/fedora-release", "fedora"), ("/etc/oracle-release", "ol"), ("/etc/photon-release", "photon"),
                ("/etc/mariner-release", "mariner"), ("/etc/redhat-release", "rhel"), ("/etc/system-release", "amzn"),
            ]
            for (path, family) in redHatStyle {
                guard let line = firstLine(tree, path), let version = Self.firstVersion(in: line) else { continue }
                var detected = family
                if path == "/etc/redhat-release" || path == "/etc/system-release" {
                    let lower = line.lowercased()
                    if lower.contains("centos") { detected = "centos" } else if lower.contains("rocky") { detected = "rocky" } else if lower.contains("alma") {
                        detected = "almalinux"
                    } else if lower.contains("fedora") { detected = "fedora" } else if lower.contains("amazon") { detected = "amzn" } else if lower.contains("oracle") {
                        detected = "ol"
                    } else if lower.contains("red hat") { detected = "rhel" }
                }
                os = OperatingSystem(family: detected, version: version, versionID: version, prettyName: line)
                break
            }
        }
        if os == nil, let suse = text(tree, "/etc/SuSE-release") {
            let fields = Self.parseKeyValues(suse.replacingOccurrences(of: " = ", with: "="))
            if let version = fields["VERSION"] {
                os = OperatingSystem(family: suse.lowercased().contains("opensuse") ? "opensuse" : "sles", version: version, versionID: version)
            }
        }
        return os
    }

    private func text(_ tree: any FileTree, _ path: String) -> String? {
        guard let bytes = tree.contents(of: path), bytes.count < 64 * 1024 else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func firstLine(_ tree: any FileTree, _ path: String) -> String? {
        guard let body = text(tree, path) else { return nil }
        let line = body.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        return line.isEmpty ? nil : line
    }

    /// Parses `KEY=value` / `KEY="value"` lines (os-release, lsb-release).
    public static func parseKeyValues(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.hasPrefix("#"), let equals = line.firstIndex(of: "=") else { continue }
            let key = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
            var value = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            value = value.replacingOccurrences(of: "\\\"", with: "\"")
            fields[key] = value
        }
        return fields
    }

    static func codename(in version: String?) -> String? {
        guard let version, let open = version.firstIndex(of: "("), let close = version.lastIndex(of: ")"), open < close else { return nil }
        let inner = version[version.index(after: open)..<close].lowercased()
        return inner.split(separator: " ").first.map(String.init)
    }

    static func firstVersion(in line: String) -> String? {
        var current = ""
        for character in line {
            if character.isNumber || (character == "." && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                break
            }
        }
        while current.hasSuffix(".") { current.removeLast() }
        return current.isEmpty ? nil : current
    }
}

