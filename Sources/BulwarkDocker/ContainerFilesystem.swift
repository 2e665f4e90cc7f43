import BulwarkCore
import BulwarkImage

/// A container's exported filesystem (`GET /containers/{id}/export`, one plain tar) presented as a
/// one-layer image, so the same layer reader and catalogers that scan images scan it too.
public enum ContainerFilesystem {
    /// The exported tar at `path` as a resolved one-layer image named `container <label>`.
    ///
    /// The tar is read in place (never unpacked). It has no digest to check: its integrity rests on
    /// the local socket it came from.
    public static func resolvedImage(exportAt path: String, label: String) throws(BulwarkError) -> ResolvedImage {
        let file = try OpenFile(path: path)
        guard file.size >= 1024 else {
            throw BulwarkError.invalid("container \(label)", "the exported filesystem at \(path) is too short to be a tar (\(file.size) bytes)")
        }
        let reference = LayerReference(index: 0, createdBy: "container filesystem export")
        let layer = LayerBlob(reference: reference, size: file.size, opener: FileBlobOpener(file: file, offset: 0, length: file.size))
        return ResolvedImage(target: ScanTarget(kind: .rootfs, name: "container \(label)"), metadata: ImageMetadata(layers: [reference]), layers: [layer])
    }
}
