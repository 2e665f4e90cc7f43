import Foundation

/// The default-file convention of `docker compose` without `-f`: in a folder, the first present of
/// ``baseFileNames`` is the project, and the first present of ``overrideFileNames`` is merged onto it.
public enum ComposeProjectDiscovery {
    /// Base file names, in Compose's order of preference.
    public static let baseFileNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
    /// Override file names, in Compose's order of preference.
    public static let overrideFileNames = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"]

    /// Groups `paths` (files found under scanned folders) into scan units, keeping their order: in each
    /// folder holding both a base and an override file, the preferred base and the preferred override
    /// form one unit `[base, override]` placed where the base was; every other path is a unit of its own.
    public static func group(_ paths: [String]) -> [[String]] {
        var byFolder: [String: [String: String]] = [:]
        for path in paths {
            let name = (path as NSString).lastPathComponent
            guard baseFileNames.contains(name) || overrideFileNames.contains(name) else { continue }
            byFolder[(path as NSString).deletingLastPathComponent, default: [:]][name] = path
        }
        var overrideOf: [String: String] = [:]
        var absorbed = Set<String>()
        for names in byFolder.values {
            guard let base = baseFileNames.lazy.compactMap({ names[$0] }).first,
                let override = overrideFileNames.lazy.compactMap({ names[$0] }).first
            else { continue }
            overrideOf[base] = override
            absorbed.insert(override)
        }
        return paths.compactMap { path in
            if absorbed.contains(path) { return nil }
            if let override = overrideOf[path] { return [path, override] }
            return [path]
        }
    }
}
