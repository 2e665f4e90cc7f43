/// A package URL per the purl specification (`pkg:type/namespace/name@version?qualifiers#subpath`).
///
/// Components are stored decoded; ``description`` renders the canonical form: lower-case type,
/// percent-encoded components, qualifiers sorted by key and empty qualifier values dropped.
public struct PackageURL: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The package type, e.g. `deb`, `apk`, `rpm`.
    public var type: String
    /// Namespace segments, e.g. `debian`.
    public var namespace: String?
    /// The package name.
    public var name: String
    /// The version as the ecosystem writes it.
    public var version: String?
    /// Qualifiers such as `arch`, `distro` and `epoch`.
    public var qualifiers: [String: String]
    /// An optional subpath inside the package.
    public var subpath: String?

    /// Creates a purl from decoded components.
    public init(
        type: String, namespace: String? = nil, name: String, version: String? = nil,
        qualifiers: [String: String] = [:], subpath: String? = nil
    ) {
        self.type = type.lowercased()
        self.namespace = namespace
        self.name = name
        self.version = version
        self.qualifiers = qualifiers
        self.subpath = subpath
    }

    public var description: String {
        var out = "pkg:" + type + "/"
        if let namespace, !namespace.isEmpty {
            out += namespace.split(separator: "/").map { Self.encode(String($0)) }.joined(separator: "/") + "/"
        }
        out += Self.encode(name)
        if let version, !version.isEmpty { out += "@" + Self.encode(version) }
        let pairs = qualifiers.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
        if !pairs.isEmpty {
            out += "?" + pairs.map { "\($0.key.lowercased())=\(Self.encode($0.value, keepSlash: false))" }.joined(separator: "&")
        }
        if let subpath, !subpath.isEmpty {
            out += "#" + subpath.split(separator: "/").map { Self.encode(String($0)) }.joined(separator: "/")
        }
        return out
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = PackageURL(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "invalid purl"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Parses a purl string; returns nil when it is not one.
    public init?(parsing text: String) {
        guard text.hasPrefix("pkg:") else { return nil }
        var rest = Substring(text.dropFirst(4))
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        var subpath: String?
        if let hash = rest.lastIndex(of: "#") {
            subpath = Self.decode(String(rest[rest.index(after: hash)...]))
            rest = rest[..<hash]
        }
        var qualifiers: [String: String] = [:]
        if let question = rest.lastIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                if kv.count == 2 { qualifiers[kv[0].lowercased()] = Self.decode(String(kv[1])) }
            }
            rest = rest[..<question]
        }
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        let type = String(rest[..<slash])
        rest = rest[rest.index(after: slash)...]
        var version: String?
        if let at = rest.lastIndex(of: "@") {
            version = Self.decode(String(rest[rest.index(after: at)...]))
            rest = rest[..<at]
        }
        var segments = rest.split(separator: "/").map { Self.decode(String($0)) }
        guard let name = segments.popLast(), !type.isEmpty else { return nil }
        self.init(
            type: type, namespace: segments.isEmpty ? nil : segments.joined(separator: "/"), name: name,
            version: version, qualifiers: qualifiers, subpath: subpath)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: return true
        default: return false
        }
    }

    /// Percent-encodes everything but unreserved characters (and `:`, which the spec leaves bare).
    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        func isKept(_ byte: UInt8) -> Bool { isUnreserved(byte) || byte == 0x3A || (keepSlash && byte == 0x2F) }
        // Most names and versions need no escaping at all: return them without copying.
        guard !text.utf8.allSatisfy(isKept) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if isKept(byte) {
                out.append(byte)
            } else {
                out.append(0x25)  // %
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == 0x25, iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
