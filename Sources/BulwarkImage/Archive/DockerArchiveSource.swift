import BulwarkCore

/// A `docker save` tarball: `manifest.json` naming a config and layer tars — the classic layout
/// (`<id>/layer.tar`) and the newer one that stores the same files as an OCI layout (`blobs/sha256/…`).
public struct DockerArchiveSource: ImageSource {
    let store: any BlobStore
    let target: ScanTarget

    init(store: any BlobStore, name: String) {
        self.store = store
        self.target = ScanTarget(kind: .dockerArchive, name: name)
    }

    public func resolve(_ selection: ImageSelection) throws(BulwarkError) -> ResolvedImage {
        let label = store.label
        let bytes = try store.readRootFile("manifest.json", limit: JSONInput.maxDocumentSize)
        let entries = try JSONInput.decode([DockerArchiveManifestEntry].self, from: bytes, label: "\(label): manifest.json")
        guard !entries.isEmpty else { throw BulwarkError.invalid(label, "manifest.json lists no images") }
        let entry: DockerArchiveManifestEntry
        if let tag = selection.tag {
            let matches = entries.filter { ($0.RepoTags ?? []).contains { $0 == tag || $0.hasSuffix(":" + tag) || $0.hasPrefix(tag + ":") } }
            guard let first = matches.first else {
                let tags = entries.flatMap { $0.RepoTags ?? [] }
                throw BulwarkError(.notFound, "\(label): no image tagged '\(tag)'; tags present: \(tags.isEmpty ? "none" : tags.joined(separator: ", "))")
            }
            entry = first
        } else if entries.count == 1, let only = entries.first {
            entry = only
        } else {
            let tags = entries.map { ($0.RepoTags ?? []).first ?? $0.Config }
            throw BulwarkError(.invalidInput, "\(label): holds \(entries.count) images (\(tags.joined(separator: ", "))); choose one with --tag")
        }

        let (configOpener, configSize) = try store.opener(path: entry.Config)
        guard configSize <= Int64(JSONInput.maxDocumentSize) else {
            throw BulwarkError(.limitExceeded, "\(label): config '\(entry.Config)' is too large (\(configSize) bytes)")
        }
        let configBytes = try configOpener.open().readAll(limit: JSONInput.maxDocumentSize, label: "\(label): \(entry.Config)")
        let configDigest = sha256Digest(of: configBytes)
        if let named = Self.digestInName(entry.Config), named != configDigest {
            throw BulwarkError(.integrity, "\(label): config '\(entry.Config)' has digest \(configDigest), not the \(named) its name claims")
        }
        let config = try JSONInput.decode(ImageConfiguration.self, from: configBytes, label: "\(label): config \(entry.Config)")
        if let wanted = selection.platform, let os = config.os, let arch = config.architecture,
            !wanted.matches(Platform(os: os, architecture: arch, variant: config.variant))
        {
            throw BulwarkError(.notFound, "\(label): no image for platform \(wanted); platforms present: \(Platform(os: os, architecture: arch, variant: config.variant))")
        }
        var layers: [ImageAssembler.LayerInput] = []
        for path in entry.Layers {
            let (opener, size) = try store.opener(path: path)
            layers.append(.init(digest: Self.digestInName(path), mediaType: nil, size: size, opener: opener))
        }
        var manifestDigest: Digest?
        if store.hasRootFile("index.json"),
            let indexBytes = try? store.readRootFile("index.json", limit: JSONInput.maxDocumentSize),
            let index = try? JSONInput.decode(ImageIndex.self, from: indexBytes, label: label), index.manifests.count == 1
        {
            manifestDigest = index.manifests.first?.digest
        }
        return try ImageAssembler.assemble(
            target: target, label: label, config: config, configDigest: configDigest, manifestDigest: manifestDigest,
            repoTags: entry.RepoTags ?? [], layers: layers)
    }

    /// `blobs/sha256/<hex>` and `<hex>.json` name their own digest.
    static func digestInName(_ path: String) -> Digest? {
        let parts = PathNormalizer.components(of: path)
        if parts.count == 3, parts[0] == "blobs", let digest = try? Digest(parsing: "\(parts[1]):\(parts[2])") { return digest }
        if parts.count == 1, parts[0].hasSuffix(".json"), let digest = try? Digest(parsing: "sha256:" + parts[0].dropLast(5)) { return digest }
        return nil
    }
}
