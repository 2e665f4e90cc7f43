import BulwarkArchive
import BulwarkCore
import Foundation

/// Finds the Maven artifacts in Java archives (`.jar`, `.war`, `.ear`, `.par`, `.jpi`, `.hpi`),
/// read in memory, nested archives included.
///
/// Per archive, the precedence is:
/// 1. every `META-INF/maven/**/pom.properties` (a shaded or fat jar lists each embedded artifact);
/// 2. else `META-INF/MANIFEST.MF`'s main section: version from `Implementation-Version`, then
///    `Bundle-Version`, then `Specification-Version`; artifact from the file name, then
///    `Implementation-Title` (when it is one word), then the last part of `Bundle-SymbolicName`;
///    group from `Implementation-Vendor-Id`, then `Bundle-SymbolicName` without its last part;
/// 3. else the file name (`name-1.2.3.jar` → `name` / `1.2.3`), with no group.
///
/// Trivy uses the same order (it also asks Maven Central by SHA-1, which Bulwark, offline, does
/// not); Syft merges all three and keeps nested pom.properties as separate packages, as here.
/// Archives inside archives (`WEB-INF/lib/`, `BOOT-INF/lib/`, an ear's `lib/`, jars in jars) are
/// read to ``maximumDepth``; a limit hit (entry count, sizes, compression ratio, depth, the total
/// inflated budget) is a warning naming the archive and entry, and only that archive is skipped.
/// Every package's `location` is the outer file's path, for layer attribution.
public struct JavaArchiveAnalyzer: FileAnalyzer {
    /// How deep archives nest before the inner ones are skipped (the outer archive is depth 1).
    public var maximumDepth: Int
    /// Limits for each archive opened.
    public var limits: ZipLimits
    /// Most bytes inflated in total while analyzing one outer archive (nested archives and metadata).
    public var maximumInflatedBytes: Int
    /// Outer files larger than this are skipped.
    public var maximumFileSize: Int64

    /// Creates the analyzer.
    public init(
        maximumDepth: Int = 4,
        limits: ZipLimits = ZipLimits(maximumEntries: 500_000, maximumEntrySize: 512 << 20, maximumTotalSize: 8 << 30),
        maximumInflatedBytes: Int = 2 << 30, maximumFileSize: Int64 = 1 << 30
    ) {
        self.maximumDepth = maximumDepth
        self.limits = limits
        self.maximumInflatedBytes = maximumInflatedBytes
        self.maximumFileSize = maximumFileSize
    }

    public var id: String { "java-archive" }

    /// Only archive extensions, compared without allocating.
    public func wants(path: String, mode: UInt32, size: Int64) -> Bool {
        size >= 22 && size <= maximumFileSize && JavaArchiveKind.hasArchiveExtension(path)
    }

    public func analyze(path: String, bytes: [UInt8]) -> CatalogResult {
        var walk = JavaArchiveWalk(location: path, analyzer: self)
        walk.visit(bytes: bytes, label: path, fileName: String(PathNormalizer.baseName(path)), depth: 1)
        return CatalogResult(packages: walk.packages, warnings: walk.warnings)
    }
}

/// The state of one outer archive's analysis: packages found, warnings, inflated-byte budget.
struct JavaArchiveWalk {
    let location: String
    let analyzer: JavaArchiveAnalyzer
    var packages: [Package] = []
    var warnings: [String] = []
    var inflated = 0
    private var seen = Set<String>()

    init(location: String, analyzer: JavaArchiveAnalyzer) {
        self.location = location
        self.analyzer = analyzer
    }

    /// Reads the archive in `bytes` (named `label` in messages) and the archives inside it.
    mutating func visit(bytes: [UInt8], label: String, fileName: String, depth: Int) {
        let archive: ZipArchive
        do {
            archive = try ZipArchive(bytes: bytes, label: label, limits: analyzer.limits)
        } catch {
            warnings.append("\(error.message); archive skipped")
            return
        }
        var found = false
        var manifestEntry: ZipEntry?
        var nested: [ZipEntry] = []
        var pomFiles: [String: ZipEntry] = [:]
        var described: [(folder: String, index: Int)] = []
        for entry in archive.entries where !entry.isDirectory && entry.name.hasPrefix("META-INF/maven/") && entry.name.hasSuffix("/pom.xml") {
            pomFiles[String(entry.name.dropLast("pom.xml".count))] = entry
        }
        for entry in archive.entries where !entry.isDirectory {
            let name = entry.name
            if name.hasPrefix("META-INF/maven/"), name.hasSuffix("/pom.properties") {
                guard let text = read(entry, from: archive) else { continue }
                if let properties = JavaPomProperties(parsing: text) {
                    let before = packages.count
                    add(groupId: properties.groupId, artifactId: properties.artifactId, version: properties.version)
                    if packages.count > before { described.append((String(name.dropLast("pom.properties".count)), before)) }
                    found = true
                }
            } else if name == "META-INF/MANIFEST.MF" {
                manifestEntry = entry
            } else if JavaArchiveKind.hasArchiveExtension(name) {
                nested.append(entry)
            }
        }
        // The artifact's own pom.xml, next to its pom.properties, declares its licenses.
        for (folder, index) in described {
            guard let pom = pomFiles[folder], let text = read(pom, from: archive) else { continue }
            packages[index].licenses = Self.licenses(inPOM: Array(text.utf8))
        }
        if !found, let manifestEntry, let text = read(manifestEntry, from: archive) {
            found = addFromManifest(JavaManifest(parsing: text), fileName: fileName)
        }
        if !found, let (name, version) = JavaArtifactName.split(fileName) {
            add(groupId: "", artifactId: name, version: version)
        }
        for entry in nested {
            let innerLabel = label + "!/" + entry.name
            guard depth < analyzer.maximumDepth else {
                warnings.append("\(innerLabel): archives nested deeper than \(analyzer.maximumDepth) levels; archive skipped")
                continue
            }
            guard let inner = readBytes(entry, from: archive) else { continue }
            visit(bytes: inner, label: innerLabel, fileName: String(PathNormalizer.baseName("/" + entry.name)), depth: depth + 1)
        }
    }

    /// `<licenses><license><name>` of a pom (the URL when a license has no name); empty when it declares none
    /// or does not parse.
    static func licenses(inPOM bytes: [UInt8]) -> [String] {
        guard let project = try? MavenXMLParser.parse(bytes) else { return [] }
        return (project.child("licenses")?.children("license") ?? []).compactMap { license in
            let name = license.value("name")?.trimmingCharacters(in: .whitespacesAndNewlines)
            if let name, !name.isEmpty { return name }
            let url = license.value("url")?.trimmingCharacters(in: .whitespacesAndNewlines)
            return url?.isEmpty == false ? url : nil
        }
    }

    /// The bytes of `entry`, or nil with a warning (limits, corruption, budget).
    private mutating func readBytes(_ entry: ZipEntry, from archive: ZipArchive) -> [UInt8]? {
        guard entry.uncompressedSize <= analyzer.maximumInflatedBytes - inflated else {
            warnings.append("\(archive.path): \(entry.name): more than \(analyzer.maximumInflatedBytes) bytes inflated in total; entry skipped")
            return nil
        }
        do {
            let bytes = try archive.read(entry)
            inflated += bytes.count
            return bytes
        } catch {
            warnings.append("\(error.message); entry skipped")
            return nil
        }
    }

    private mutating func read(_ entry: ZipEntry, from archive: ZipArchive) -> String? {
        guard entry.uncompressedSize <= 1 << 20 else {
            warnings.append("\(archive.path): \(entry.name): \(entry.uncompressedSize) bytes is too large for metadata; entry skipped")
            return nil
        }
        return readBytes(entry, from: archive).map { String(decoding: $0, as: UTF8.self) }
    }

    private mutating func add(groupId: String, artifactId: String, version: String) {
        guard seen.insert(groupId + ":" + artifactId + "@" + version).inserted else { return }
        packages.append(MavenPackageFactory.package(groupId: groupId, artifactId: artifactId, version: version, location: location))
    }

    /// Adds the artifact a manifest describes; false when it lacks a version or a name.
    private mutating func addFromManifest(_ manifest: JavaManifest, fileName: String) -> Bool {
        guard let version = manifest["Implementation-Version"] ?? manifest["Bundle-Version"] ?? manifest["Specification-Version"] else {
            return false
        }
        let symbolicName = manifest["Bundle-SymbolicName"].map { name in
            // "org.example.lib;singleton:=true" → "org.example.lib"
            String(name.split(separator: ";", maxSplits: 1).first ?? Substring(name)).droppingEdges(in: " ")
        }
        var artifact = JavaArtifactName.split(fileName)?.name
        if artifact == nil, let title = manifest["Implementation-Title"], !title.contains(" ") { artifact = title }
        if artifact == nil, let symbolicName, let last = symbolicName.split(separator: ".").last { artifact = String(last) }
        guard let artifact, !artifact.isEmpty else { return false }
        var group = manifest["Implementation-Vendor-Id"] ?? ""
        if group.isEmpty, let symbolicName, let dot = symbolicName.lastIndex(of: ".") { group = String(symbolicName[..<dot]) }
        add(groupId: group, artifactId: artifact, version: version)
        return true
    }
}
