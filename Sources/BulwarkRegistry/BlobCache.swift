import BulwarkCore
import Foundation

/// Content-addressed blobs pulled from registries, under `<cache dir>/blobs/sha256/<hex>`, shared by
/// every image and every `bulwark` process.
///
/// A blob enters only complete and verified: it is downloaded to a uniquely named partial file in
/// the same directory and renamed over its final name once its SHA-256 matches. A killed download
/// leaves at most a partial file, which is never read as a blob and is removed when stale.
public struct BlobCache: Sendable {
    /// The `blobs` directory.
    public let root: String

    /// A cache rooted at `root` (created on first write).
    public init(root: String) {
        self.root = root
    }

    /// Where the blob with `digest` lives (whether or not it is there).
    public func path(for digest: Digest) -> String {
        root + "/" + digest.algorithm + "/" + digest.encoded
    }

    /// Whether a complete blob of `size` bytes is stored.
    public func contains(_ digest: Digest, size: Int64) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path(for: digest)),
            let stored = attributes[.size] as? NSNumber
        else { return false }
        return stored.int64Value == size
    }

    /// A new partial file for `digest`, in the blob's directory (so the final rename is atomic).
    func partialPath(for digest: Digest) throws(BulwarkError) -> String {
        let directory = root + "/" + digest.algorithm
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw BulwarkError(.io, "\(directory): cannot create the blob cache (\(error.localizedDescription))", hint: "choose another --cache-dir")
        }
        return directory + "/.partial-" + digest.encoded.prefix(16) + "-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Moves a verified partial file into place.
    func commit(partial: String, digest: Digest) throws(BulwarkError) {
        guard rename(partial, path(for: digest)) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(partial)
            throw BulwarkError(.io, "\(path(for: digest)): cannot store the blob (\(reason))")
        }
    }

    /// Removes partial files older than `age` seconds (left by killed processes).
    public func removeStalePartials(olderThan age: Double = 3600) {
        let now = Date()
        for algorithm in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
            let directory = root + "/" + algorithm
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasPrefix(".partial-") {
                let path = directory + "/" + name
                if let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date,
                    now.timeIntervalSince(modified) > age
                {
                    unlink(path)
                }
            }
        }
    }
}
