import Foundation

/// Decides what kind of configuration file a path holds, by name first and by content for YAML.
public enum ConfigFileDetector {
    /// The kind suggested by the file name alone: Dockerfiles and Compose files by name, other YAML
    /// files as "maybe Kubernetes" (nil means not a config file).
    public static func kind(forName name: String) -> ConfigFileKind? {
        let lower = name.lowercased()
        if lower == "dockerfile" || lower == "containerfile" || lower.hasPrefix("dockerfile.") || lower.hasSuffix(".dockerfile")
            || lower.hasSuffix(".containerfile") || lower.hasPrefix("containerfile.")
        {
            return lower.hasSuffix(".dockerignore") ? nil : .dockerfile
        }
        guard lower.hasSuffix(".yml") || lower.hasSuffix(".yaml") else { return nil }
        if lower.hasPrefix("docker-compose") || lower.hasPrefix("compose.") || lower.hasPrefix("compose-") || lower.hasPrefix("podman-compose") {
            return .compose
        }
        return .kubernetes
    }

    /// For a YAML file not named like a Compose file: `.compose` when its first document has a
    /// top-level `services:` and no `apiVersion`, `.kubernetes` when it has `apiVersion` and `kind`, else nil.
    public static func kind(ofYAMLText text: String) -> ConfigFileKind? {
        var hasServices = false
        var hasAPIVersion = false
        var hasKind = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(5_000) {
            if line.hasPrefix("services:") { hasServices = true }
            if line.hasPrefix("apiVersion:") || line.hasPrefix("- apiVersion:") || line.hasPrefix("  apiVersion:") { hasAPIVersion = true }
            if line.hasPrefix("kind:") || line.hasPrefix("  kind:") || line.hasPrefix("- kind:") { hasKind = true }
        }
        if hasAPIVersion && hasKind { return .kubernetes }
        if hasServices { return .compose }
        return nil
    }
}
