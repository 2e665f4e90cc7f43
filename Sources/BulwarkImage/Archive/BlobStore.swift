import BulwarkCore
import Foundation

/// Content-addressed blobs of an OCI layout, stored in a directory or inside a tar.
protocol BlobStore: Sendable {
    /// A name for messages.
    var label: String { get }
    /// Reads a small file at the layout root (index.json, oci-layout, manifest.json).
    func readRootFile(_ name: String, limit: Int) throws(BulwarkError) -> [UInt8]
    /// Whether a root file exists.
    func hasRootFile(_ name: String) -> Bool
    /// The stored bytes of a file under the root (a path, for docker-save `Layers` entries).
    func opener(path: String) throws(BulwarkError) -> (opener: any BlobOpener, size: Int64)
}

extension BlobStore {
    /// The path of a blob in an OCI layout.
    static func blobPath(_ digest: Digest) -> String { "blobs/\(digest.algorithm)/\(digest.encoded)" }

    /// Opens a blob by digest.
    func opener(for digest: Digest) throws(BulwarkError) -> (opener: any BlobOpener, size: Int64) {
        do {
            return try opener(path: Self.blobPath(digest))
        } catch let error where error.code == .notFound {
            throw BulwarkError(.notFound, "\(label): missing blob \(digest)")
        }
    }

    /// Reads a small blob (manifest, index, config) and verifies its digest and declared size.
    func readVerified(_ descriptor: Descriptor, limit: Int = JSONInput.maxDocumentSize) throws(BulwarkError) -> [UInt8] {
        guard descriptor.size >= 0, descriptor.size <= Int64(limit) else {
            throw BulwarkError(.limitExceeded, "\(label): blob \(descriptor.digest) declares \(descriptor.size) bytes, over the \(limit) byte limit")
        }
        let (opener, size) = try opener(for: descriptor.digest)
        guard size <= Int64(limit) else {
            throw BulwarkError(.limitExceeded, "\(label): blob \(descriptor.digest) is \(size) bytes, over the \(limit) byte limit")
        }
        let source = DigestingSource(try opener.open(), expected: [descriptor.digest], expectedSize: descriptor.size, label: "\(label): blob \(descriptor.digest)")
        return try source.readAll(limit: limit, label: "\(label): blob \(descriptor.digest)")
    }
}

/// Blobs in a directory (an unpacked OCI layout).
struct DirectoryBlobStore: BlobStore {
    let root: String
    var label: String { root }

    func readRootFile(_ name: String, limit: Int) throws(BulwarkError) -> [UInt8] {
        let path = root + "/" + name
        let file = try OpenFile(path: path)
        guard file.size <= Int64(limit) else {
            throw BulwarkError(.limitExceeded, "\(path): \(file.size) bytes, over the \(limit) byte limit")
        }
        return try file.read(at: 0, count: Int(file.size))
    }

    func hasRootFile(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: root + "/" + name)
    }

    func opener(path: String) throws(BulwarkError) -> (opener: any BlobOpener, size: Int64) {
        guard let relative = PathNormalizer.archivePath(path) else {
            throw BulwarkError.invalid(root, "blob path '\(path.prefix(100))' escapes the layout")
        }
        // Refuse symlinks that lead outside the layout directory.
        let full = URL(fileURLWithPath: root + relative).resolvingSymlinksInPath().path
        let base = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        guard full.hasPrefix(base + "/") else {
            throw BulwarkError.invalid(root, "blob path '\(path.prefix(100))' escapes the layout")
        }
        let file: OpenFile
        do { file = try OpenFile(path: full) } catch let error where error.code == .notFound {
            throw BulwarkError(.notFound, "\(root): missing '\(path)'")
        }
        return (FileBlobOpener(file: file, offset: 0, length: file.size), file.size)
    }
}

/// Blobs inside an uncompressed tar (a docker-save tarball or an OCI layout tar), read in place.
struct TarBlobStore: BlobStore {
    let index: TarIndex
    var label: String { index.file.path }

    func readRootFile(_ name: String, limit: Int) throws(BulwarkError) -> [UInt8] {
        try index.read(name, limit: limit)
    }

    func hasRootFile(_ name: String) -> Bool { index.contains(name) }

    func opener(path: String) throws(BulwarkError) -> (opener: any BlobOpener, size: Int64) {
        guard let member = index.regularMember(path) else {
            throw BulwarkError(.notFound, "\(label): missing '\(path)'")
        }
        return (FileBlobOpener(file: index.file, offset: member.offset, length: member.size), member.size)
    }
}
