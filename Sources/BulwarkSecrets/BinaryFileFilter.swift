/// Cheap decisions about files that cannot hold readable secrets: by extension, and by content.
enum BinaryFileFilter {
    /// Extensions (lower-cased, packed little-endian into a UInt64) of media, archives, compiled
    /// code and fonts.
    private static let binaryExtensions: Set<UInt64> = Set([
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "webp", "tif", "tiff", "psd", "heic", "avif",
        "mp3", "mp4", "m4a", "m4v", "avi", "mov", "mkv", "webm", "wav", "flac", "ogg", "oga", "ogv", "opus", "aac",
        "zip", "gz", "tgz", "bz2", "xz", "txz", "zst", "lz4", "lzma", "7z", "rar", "tar", "jar", "war", "ear", "whl",
        "egg", "nupkg", "gem", "deb", "rpm", "apk", "ipa", "dmg", "iso", "img", "qcow2", "vmdk",
        "so", "a", "o", "ko", "dylib", "dll", "exe", "lib", "obj", "class", "dex", "pyc", "pyo", "pyd", "wasm", "beam",
        "woff", "woff2", "ttf", "otf", "eot", "pfb", "pdf", "mo", "gmo", "db", "sqlite", "sqlite3", "bin", "dat", "pack", "idx",
        "npy", "npz", "pt", "onnx", "h5", "parquet", "avro", "orc", "pkl",
    ].map(pack))

    /// Whether the path's extension names a binary format.
    static func hasBinaryExtension(_ path: String) -> Bool {
        var key: UInt64 = 0
        var length = 0
        for byte in path.utf8.reversed() {
            if byte == UInt8(ascii: ".") { return length > 0 && binaryExtensions.contains(key) }
            if byte == UInt8(ascii: "/") || length == 8 { return false }
            let lowered = (byte >= 0x41 && byte <= 0x5A) ? byte + 0x20 : byte
            key = key << 8 | UInt64(lowered)
            length += 1
        }
        return false
    }

    /// Packs an extension the way `hasBinaryExtension` reads it (last byte lowest).
    private static func pack(_ text: String) -> UInt64 {
        var key: UInt64 = 0
        for byte in text.utf8.reversed() { key = key << 8 | UInt64(byte) }
        return key
    }

    /// Whether the first 8 KiB hold a NUL byte or more than 10% control bytes other than
    /// tab, newline, carriage return, form feed and escape.
    static func looksBinary(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = min(bytes.count, 8192)
        var control = 0
        for index in 0..<limit {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte == 0 { return true }
                if byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B && byte != 0x0B { control += 1 }
            }
        }
        return control * 10 > limit
    }
}
