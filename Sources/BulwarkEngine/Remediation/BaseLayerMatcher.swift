import BulwarkCore

/// How many of an image's layers are its base image's: the length of the common prefix of their diffIDs.
public enum BaseLayerMatcher {
    /// The annotation (manifest) or label (config) that names the base image, per the OCI image spec.
    public static let baseNameKey = "org.opencontainers.image.base.name"
    /// The annotation or label that pins the base image's manifest digest.
    public static let baseDigestKey = "org.opencontainers.image.base.digest"

    /// The number of leading layers `image` shares with `base` (0 when the first differs).
    public static func sharedLayers(image: [LayerReference], base: [LayerReference]) -> Int {
        var count = 0
        for (mine, theirs) in zip(image, base) {
            guard let a = mine.diffID, let b = theirs.diffID, a == b else { break }
            count += 1
        }
        return count
    }

    /// The base image the image's manifest annotations or config labels name, and which of them named it.
    public static func declaredBase(_ metadata: ImageMetadata) -> (reference: String, digest: String?, detectedBy: String)? {
        if let name = metadata.annotations[baseNameKey], !name.isEmpty {
            return (name, metadata.annotations[baseDigestKey], "annotation")
        }
        if let name = metadata.config.labels[baseNameKey], !name.isEmpty {
            return (name, metadata.config.labels[baseDigestKey], "label")
        }
        return nil
    }
}
