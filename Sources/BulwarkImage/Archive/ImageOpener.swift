import BulwarkCore
import Foundation

/// Detects what a path holds — a docker-save tarball, an OCI layout directory or tar, possibly
/// gzip/zstd-compressed — and returns the matching `ImageSource`.
public enum ImageOpener {
    /// Opens the image at `path`. A compressed archive is decompressed once into `scratchDirectory`
    /// (the only thing Bulwark writes), since tar members must be addressable by offset.
    public static func open(path: String, scratchDirectory: String) throws(BulwarkError) -> any ImageSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw BulwarkError(.notFound, "\(path): no such file or directory")
        }
        if isDirectory.boolValue {
            let store = DirectoryBlobStore(root: path)
            if store.hasRootFile("index.json") && !store.hasRootFile("manifest.json") {
                return OCILayoutSource(store: store, name: path)
            }
            if store.hasRootFile("manifest.json") { return DockerArchiveSource(store: store, name: path) }
            if store.hasRootFile("index.json") { return OCILayoutSource(store: store, name: path) }
            throw BulwarkError(
                .invalidInput, "\(path): a directory without index.json or manifest.json is not an image",
                hint: "to scan an unpacked root filesystem use `bulwark rootfs \(path)`")
        }
        var file = try OpenFile(path: path)
        let prefix = try file.read(at: 0, count: Int(min(file.size, 8)))
        let compression = Compression.detect(prefix)
        if compression != .none {
            file = try decompressToScratch(file, scratchDirectory: scratchDirectory)
        }
        if file.size < 512 {
            throw BulwarkError.invalid(path, "too short to be an image archive (\(file.size) bytes)")
        }
        let index = try TarIndex(file: file)
        let store = TarBlobStore(index: index)
        if index.contains("manifest.json") { return DockerArchiveSource(store: TarBlobStore(index: index), name: path) }
        if index.contains("index.json") { return OCILayoutSource(store: store, name: path) }
        throw BulwarkError(
            .invalidInput, "\(path): a tar archive without manifest.json or index.json is not an image",
            hint: "a layer or root filesystem tar can be unpacked and scanned with `bulwark rootfs DIR`")
    }

    private static func decompressToScratch(_ file: OpenFile, scratchDirectory: String) throws(BulwarkError) -> OpenFile {
        do {
            try FileManager.default.createDirectory(atPath: scratchDirectory, withIntermediateDirectories: true)
        } catch {
            throw BulwarkError(.io, "\(scratchDirectory): cannot create scratch directory")
        }
        let outPath = scratchDirectory + "/archive-\(UUID().uuidString).tar"
        guard FileManager.default.createFile(atPath: outPath, contents: nil), let handle = FileHandle(forWritingAtPath: outPath) else {
            throw BulwarkError(.io, "\(outPath): cannot create")
        }
        defer { try? handle.close() }
        let source = try Compression.decoding(FileSliceSource(file: file, offset: 0, length: file.size), label: file.path)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        let limit: Int64 = 64 << 30
        var written: Int64 = 0
        do {
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { break }
                written += Int64(count)
                if written > limit {
                    throw BulwarkError(.limitExceeded, "\(file.path): decompresses to more than 64 GiB")
                }
                try handle.write(contentsOf: Data(bytes: buffer.baseAddress!, count: count))
            }
        } catch let error as BulwarkError {
            try? FileManager.default.removeItem(atPath: outPath)
            throw error
        } catch {
            try? FileManager.default.removeItem(atPath: outPath)
            throw BulwarkError(.io, "\(outPath): write failed")
        }
        let opened = try OpenFile(path: outPath)
        // The descriptor stays valid after unlinking; nothing is left behind.
        try? FileManager.default.removeItem(atPath: outPath)
        return opened
    }
}
