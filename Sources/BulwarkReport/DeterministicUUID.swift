/// Name-based UUIDs (RFC 4122 version 5), so the same inventory and timestamp always yield the same
/// CycloneDX serial number and SPDX document namespace, while different content yields different ones.
struct DeterministicUUID: Hashable, Sendable, CustomStringConvertible {
    /// The 16 bytes of the UUID.
    let bytes: [UInt8]

    /// RFC 4122's URL namespace, `6ba7b811-9dad-11d1-80b4-00c04fd430c8`.
    static let urlNamespace = DeterministicUUID(bytes: [
        0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1, 0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8,
    ])

    /// Bulwark's own namespace for document identifiers: the version 5 UUID of a fixed URL.
    static let bulwarkNamespace = DeterministicUUID(
        namespace: urlNamespace, name: Array("https://bulwark.invalid/sbom".utf8))

    /// Wraps 16 bytes as they are.
    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The version 5 UUID of `name` in `namespace`: SHA-1 of both, with the version and variant bits set.
    init(namespace: DeterministicUUID, name: [UInt8]) {
        var hash = Array(SHA1.digest(namespace.bytes + name).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        self.bytes = hash
    }

    /// The version 5 UUID of `content` in Bulwark's namespace, tagged with `purpose` so that two documents
    /// made from the same content (say a CycloneDX serial and an SPDX namespace) get different ids.
    static func forDocument(purpose: String, content: [UInt8]) -> DeterministicUUID {
        DeterministicUUID(namespace: bulwarkNamespace, name: Array(purpose.utf8) + [0] + content)
    }

    /// The canonical lower-case `8-4-4-4-12` form.
    var description: String {
        let hex = Hex.encode(bytes)
        let groups = [8, 4, 4, 4, 12]
        var out = ""
        var index = hex.startIndex
        for (position, length) in groups.enumerated() {
            if position > 0 { out.append("-") }
            let end = hex.index(index, offsetBy: length)
            out += hex[index..<end]
            index = end
        }
        return out
    }
}
