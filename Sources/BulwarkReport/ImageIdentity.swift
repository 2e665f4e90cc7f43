import BulwarkCore

/// How the writers name and identify the scanned target: a display name, the image digest, and an
/// `oci` package URL when the image has a registry digest.
struct ImageIdentity: Sendable {
    /// The target as scanned.
    let target: ScanTarget
    /// The image metadata, if the target is an image.
    let image: ImageMetadata?

    /// Derives the identity of `inventory`'s target.
    init(_ inventory: Inventory) {
        self.target = inventory.target
        self.image = inventory.image
    }

    /// Whether the target is a container image (as opposed to a root filesystem directory).
    var isContainerImage: Bool {
        switch target.kind {
        case .dockerArchive, .ociLayout, .registry: return true
        case .rootfs, .filesystem: return image != nil
        }
    }

    /// The first usable `repo:tag`, or nil.
    var primaryTag: String? {
        image?.repoTags.first { !$0.isEmpty && !$0.contains("<none>") }
    }

    /// The name for people and for document titles: the first repo tag, else the target as given.
    var displayName: String {
        primaryTag ?? (target.name.isEmpty ? target.kind.rawValue : target.name)
    }

    /// The digest that identifies the image: the manifest digest, else the config digest (image id).
    var digest: Digest? {
        image?.manifestDigest ?? image?.configDigest
    }

    /// The `pkg:oci/…` URL of the image when a repository and a manifest digest are known (the purl `oci`
    /// type's version must be the artifact's digest, so a config digest alone is not enough).
    var packageURL: PackageURL? {
        guard let image else { return nil }
        let tagged = primaryTag.map(ImageReference.init(parsing:))
        let pinned = image.repoDigests.lazy.map(ImageReference.init(parsing:))
        let matchingPin =
            pinned.first { $0.digest != nil && $0.repository == tagged?.repository }
            ?? pinned.first { $0.digest != nil }
        guard let digest = matchingPin?.digest ?? image.manifestDigest?.description else { return nil }
        let repository = tagged?.repository ?? matchingPin?.repository
        var qualifiers: [String: String] = [:]
        if let architecture = image.architecture, !architecture.isEmpty { qualifiers["arch"] = architecture }
        if let repository, !repository.isEmpty {
            qualifiers["repository_url"] = ImageReference.canonicalRepository(repository)
        }
        if let tag = tagged?.tag, tagged?.repository == repository { qualifiers["tag"] = tag }
        // The purl `oci` name is the last segment of the repository; without a repository there is none.
        guard let name = repository?.split(separator: "/").last.map(String.init), !name.isEmpty else { return nil }
        return PackageURL(type: "oci", name: name.lowercased(), version: digest, qualifiers: qualifiers)
    }
}

/// A parsed Docker-style image reference: `[registry/]repository[:tag][@digest]`.
struct ImageReference: Hashable, Sendable {
    /// The repository, e.g. `library/debian` or `ghcr.io/org/app`.
    var repository: String
    /// The tag, when the reference has one.
    var tag: String?
    /// The digest (`sha256:…`), when the reference has one.
    var digest: String?

    /// Splits a reference; never fails (an odd reference is kept whole as the repository).
    init(parsing reference: String) {
        var rest = Substring(reference)
        if let at = rest.firstIndex(of: "@") {
            digest = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        }
        if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            tag = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        repository = String(rest)
    }

    /// The repository with Docker's defaults made explicit: `debian` → `docker.io/library/debian`,
    /// `org/app` → `docker.io/org/app`; references naming a registry are kept as they are.
    static func canonicalRepository(_ repository: String) -> String {
        let parts = repository.split(separator: "/", maxSplits: 1)
        if parts.count == 2, let first = parts.first, first.contains(".") || first.contains(":") || first == "localhost"
        {
            return repository
        }
        return parts.count == 1 ? "docker.io/library/" + repository : "docker.io/" + repository
    }
}
