import BulwarkLicense
import BulwarkCore

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
        var input = namespace.bytes
        input += name
        var hash = Array(SHA1.digest(input).prefix(16))
        hash[6] = (hash[6] & 0x0F) | 0x50
        hash[8] = (hash[8] & 0x3F) | 0x80
        self.bytes = hash
    }

    /// The version 5 UUID of `content` in Bulwark's namespace, tagged with `purpose` so that two documents
    /// made from the same content (say a CycloneDX serial and an SPDX namespace) get different ids.
    static func forDocument(purpose: String, content: [UInt8]) -> DeterministicUUID {
        var name = Array(purpose.utf8)
        name.reserveCapacity(name.count + 1 + content.count)
        name.append(0)
        name += content
        return DeterministicUUID(namespace: bulwarkNamespace, name: name)
    }

    /// The UUID of a document made from `inventory` at `options.timestamp`: named by the tool, the
    /// time, the target, the image and OS identity, and every package's identifying fields, so any
    /// difference in what the document says about the target gives a different id. (Encoding the
    /// whole inventory as JSON to hash it cost a fifth of a 20,000-package SBOM's time.)
    static func forDocument(purpose: String, inventory: Inventory, options: RenderOptions) -> DeterministicUUID {
        var content: [UInt8] = []
        content.reserveCapacity(64 * inventory.packages.count + 256)
        func add(_ field: String?) {
            content += (field ?? "").utf8
            content.append(0)
        }
        add(options.toolName)
        add(options.toolVersion)
        add(RFC3339Timestamp.string(from: options.timestamp))
        add(inventory.target.kind.rawValue)
        add(inventory.target.name)
        if let image = inventory.image {
            add(image.manifestDigest?.description)
            add(image.configDigest?.description)
            image.repoTags.forEach { add($0) }
        }
        add(inventory.operatingSystem.map { "\($0.family) \($0.version)" })
        for package in inventory.packages {
            add(package.type.rawValue)
            add(package.purl.description)
            add(package.version)
            add(package.location)
            add(package.layer.map { String($0.index) })
            add(package.licenses.joined(separator: "\u{1}"))
            add(package.dependencies.joined(separator: "\u{1}"))
            add(package.isDevelopment ? "dev" : "")
        }
        inventory.warnings.forEach { add($0) }
        return forDocument(purpose: purpose, content: content)
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
