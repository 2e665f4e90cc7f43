import BulwarkCore
import Foundation

/// An OCI image layout (`oci-layout`, `index.json`, `blobs/sha256/…`), as a directory or a tar.
public struct OCILayoutSource: ImageSource {
    let store: any BlobStore
    let target: ScanTarget

    /// The deepest chain of nested indexes followed.
    static let maxIndexDepth = 4

    init(store: any BlobStore, name: String) {
        self.store = store
        self.target = ScanTarget(kind: .ociLayout, name: name)
    }

    /// A manifest reachable from index.json, with the names and platform that describe it.
    struct Candidate {
        var descriptor: Descriptor
        var refNames: [String]
        var platform: Platform?
    }

    public func resolve(_ selection: ImageSelection) throws(BulwarkError) -> ResolvedImage {
        let label = store.label
        if store.hasRootFile("oci-layout") {
            let layoutBytes = try store.readRootFile("oci-layout", limit: 64 * 1024)
            if let text = String(bytes: layoutBytes, encoding: .utf8), !text.contains("1.0.0") {
                throw BulwarkError(.unsupported, "\(label): unsupported oci-layout version (\(text.prefix(60)))")
            }
        }
        let indexBytes = try store.readRootFile("index.json", limit: JSONInput.maxDocumentSize)
        let index = try JSONInput.decode(ImageIndex.self, from: indexBytes, label: "\(label): index.json")
        var candidates: [Candidate] = []
        try collect(index.manifests, inherited: [], depth: 0, into: &candidates)
        guard !candidates.isEmpty else {
            throw BulwarkError.invalid(label, "index.json lists no image manifests")
        }
        let chosen = try choose(candidates, selection: selection)
        let manifestBytes = try store.readVerified(chosen.descriptor)
        let manifestLabel = "\(label): manifest \(chosen.descriptor.digest)"
        try Self.rejectSchema1(manifestBytes, label: manifestLabel)
        let manifest = try JSONInput.decode(ImageManifest.self, from: manifestBytes, label: manifestLabel)
        let configBytes = try store.readVerified(manifest.config)
        let config = try JSONInput.decode(ImageConfiguration.self, from: configBytes, label: "\(label): config \(manifest.config.digest)")
        if let wanted = selection.platform, let os = config.os, let arch = config.architecture,
            !wanted.matches(Platform(os: os, architecture: arch, variant: config.variant)), chosen.platform == nil
        {
            throw BulwarkError(.notFound, "\(label): image is \(os)/\(arch), not \(wanted)")
        }
        var layers: [ImageAssembler.LayerInput] = []
        for descriptor in manifest.layers {
            try ImageAssembler.checkLayerMediaType(descriptor.mediaType, label: label)
            let (opener, size) = try store.opener(for: descriptor.digest)
            if size != descriptor.size {
                throw BulwarkError(.integrity, "\(label): blob \(descriptor.digest) is \(size) bytes but its descriptor says \(descriptor.size)")
            }
            layers.append(.init(digest: descriptor.digest, mediaType: descriptor.mediaType, size: descriptor.size, opener: opener))
        }
        return try ImageAssembler.assemble(
            target: target, label: label, config: config, configDigest: manifest.config.digest,
            manifestDigest: chosen.descriptor.digest, repoTags: chosen.refNames, layers: layers, annotations: manifest.annotations ?? [:])
    }

    private func collect(_ descriptors: [Descriptor], inherited: [String], depth: Int, into candidates: inout [Candidate]) throws(BulwarkError) {
        guard depth <= Self.maxIndexDepth else {
            throw BulwarkError(.limitExceeded, "\(store.label): image indexes nested more than \(Self.maxIndexDepth) deep")
        }
        for descriptor in descriptors {
            var names = inherited
            for key in ["org.opencontainers.image.ref.name", "io.containerd.image.name"] {
                if let value = descriptor.annotations?[key], !names.contains(value) { names.append(value) }
            }
            if MediaType.isIndex(descriptor.mediaType) {
                let bytes = try store.readVerified(descriptor)
                let nested = try JSONInput.decode(ImageIndex.self, from: bytes, label: "\(store.label): index \(descriptor.digest)")
                try collect(nested.manifests, inherited: names, depth: depth + 1, into: &candidates)
            } else if descriptor.mediaType == nil || MediaType.isManifest(descriptor.mediaType) {
                // Attestation manifests (buildx) have platform unknown/unknown: not images.
                if descriptor.platform?.os == "unknown" { continue }
                candidates.append(Candidate(descriptor: descriptor, refNames: names, platform: descriptor.platform))
            } else if descriptor.mediaType == MediaType.dockerManifestV1 || descriptor.mediaType == MediaType.dockerManifestV1Signed {
                throw BulwarkError(.unsupported, "\(store.label): Docker schema 1 manifests are not supported; re-push the image with a current client")
            }
        }
    }

    private func choose(_ all: [Candidate], selection: ImageSelection) throws(BulwarkError) -> Candidate {
        var pool = all
        if let tag = selection.tag {
            pool = all.filter { candidate in
                candidate.refNames.contains { name in name == tag || name.hasSuffix(":" + tag) || name.hasSuffix("/" + tag) }
            }
            if pool.isEmpty {
                let names = Set(all.flatMap(\.refNames)).sorted()
                throw BulwarkError(
                    .notFound, "\(store.label): no image tagged '\(tag)'; tags present: \(names.isEmpty ? "none" : names.joined(separator: ", "))")
            }
        }
        let withPlatform = pool.filter { $0.platform != nil }
        let single = Set(pool.map(\.descriptor.digest)).count == 1
        if !withPlatform.isEmpty && !(single && selection.platform == nil) {
            let wanted = selection.platform ?? Platform.host
            let matching = pool.filter { candidate in candidate.platform.map { wanted.matches($0) } ?? false }
            guard let first = matching.first else {
                let present = withPlatform.compactMap { $0.platform?.description }
                throw BulwarkError(
                    .notFound, "\(store.label): no image for platform \(wanted); platforms present: \(Array(Set(present)).sorted().joined(separator: ", ")) (choose one with --platform)")
            }
            return try unique(matching, first)
        }
        guard let first = pool.first else { throw BulwarkError.invalid(store.label, "no image manifests") }
        return try unique(pool, first)
    }

    private func unique(_ pool: [Candidate], _ first: Candidate) throws(BulwarkError) -> Candidate {
        let distinct = Set(pool.map(\.descriptor.digest))
        if distinct.count > 1 {
            let names = pool.map { $0.refNames.first ?? $0.descriptor.digest.description }
            throw BulwarkError(.invalidInput, "\(store.label): holds \(distinct.count) images (\(names.joined(separator: ", "))); choose one with --tag")
        }
        return first
    }

    /// Throws the "re-push the image" error for a Docker schema 1 manifest.
    public static func rejectSchema1(_ bytes: [UInt8], label: String) throws(BulwarkError) {
        let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
        if text.contains("\"schemaVersion\": 1") || text.contains("\"schemaVersion\":1") {
            throw BulwarkError(.unsupported, "\(label): Docker schema 1 manifests are not supported; re-push the image with a current client")
        }
    }
}
