import BulwarkCore

/// An image reference as the distribution spec and Docker spell it: `[registry/]repository[:tag][@digest]`.
///
/// Docker Hub defaults apply: `nginx` is `docker.io/library/nginx:latest`; the first component is a
/// registry only when it has a `.` or a `:` or is `localhost`.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host (and port) as written, `docker.io` for Docker Hub.
    public var registry: String
    /// The repository path (`library/nginx`).
    public var repository: String
    /// The tag; nil when only a digest was given.
    public var tag: String?
    /// The manifest digest, when pinned.
    public var digest: Digest?

    /// Docker Hub's canonical name.
    public static let dockerHub = "docker.io"

    /// Parses `text`; throws with what is wrong and an example of a valid reference.
    public init(parsing text: String) throws(BulwarkError) {
        func invalid(_ why: String) -> BulwarkError {
            BulwarkError(.invalidInput, "invalid image reference '\(text.prefix(200))': \(why)", hint: "write it as [registry/]repository[:tag][@sha256:…], e.g. nginx:1.25 or ghcr.io/org/app@sha256:…")
        }
        guard !text.isEmpty, text.utf8.count <= 4096 else { throw invalid("empty or too long") }
        var rest = Substring(text)
        var digest: Digest?
        if let at = rest.firstIndex(of: "@") {
            let digestText = String(rest[rest.index(after: at)...])
            guard let parsed = try? Digest(parsing: digestText) else { throw invalid("'\(digestText.prefix(80))' is not a digest") }
            digest = parsed
            rest = rest[..<at]
        }
        var tag: String?
        if let colon = rest.lastIndex(of: ":"), !rest[rest.index(after: colon)...].contains("/") {
            let candidate = String(rest[rest.index(after: colon)...])
            guard Self.isValidTag(candidate) else { throw invalid("'\(candidate.prefix(80))' is not a valid tag") }
            tag = candidate
            rest = rest[..<colon]
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !components.isEmpty, components.allSatisfy({ !$0.isEmpty }) else { throw invalid("empty path component") }
        var registry = Self.dockerHub
        if components.count > 1, let first = components.first, first.contains(".") || first.contains(":") || first == "localhost" {
            registry = first == "index.docker.io" || first == "registry-1.docker.io" ? Self.dockerHub : first
            components.removeFirst()
        }
        guard components.allSatisfy(Self.isValidPathComponent) else {
            throw invalid("repository names are lower-case letters, digits and separators (. _ __ -)")
        }
        if registry == Self.dockerHub && components.count == 1 { components.insert("library", at: 0) }
        self.registry = registry
        self.repository = components.joined(separator: "/")
        self.tag = tag ?? (digest == nil ? "latest" : nil)
        self.digest = digest
        guard repository.utf8.count <= 255 else { throw invalid("repository name over 255 characters") }
    }

    /// Creates a reference from parts.
    public init(registry: String, repository: String, tag: String? = nil, digest: Digest? = nil) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
    }

    /// The host that serves the registry API (`registry-1.docker.io` for Docker Hub).
    public var apiHost: String { registry == Self.dockerHub ? "registry-1.docker.io" : registry }

    /// What to ask the manifest endpoint for: the digest when pinned, else the tag.
    public var manifestReference: String { digest?.description ?? tag ?? "latest" }

    /// `registry/repository[:tag][@digest]`.
    public var description: String {
        var text = registry + "/" + repository
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest.description }
        return text
    }

    /// `repository:tag` for Docker Hub's library images shown the short way, as users write them.
    public var familiarName: String {
        var name = registry == Self.dockerHub ? repository.replacingPrefix("library/") : registry + "/" + repository
        if let tag { name += ":" + tag }
        if let digest { name += "@" + digest.description }
        return name
    }

    /// Whether `text` looks like a reference rather than a file name (callers check the file system first).
    public static func looksLikeReference(_ text: String) -> Bool {
        (try? ImageReference(parsing: text)) != nil
    }

    static func isValidTag(_ tag: String) -> Bool {
        let bytes = Array(tag.utf8)
        guard let first = bytes.first, bytes.count <= 128, isWord(first) else { return false }
        return bytes.dropFirst().allSatisfy { isWord($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    static func isValidPathComponent(_ component: String) -> Bool {
        let bytes = Array(component.utf8)
        guard let first = bytes.first, let last = bytes.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isLowerAlnum(byte) {
                index += 1
                continue
            }
            // Separators: ".", "_", "__", or one or more "-".
            var end = index
            if byte == UInt8(ascii: "-") {
                while end < bytes.count && bytes[end] == UInt8(ascii: "-") { end += 1 }
            } else if byte == UInt8(ascii: "_") {
                end += 1
                if end < bytes.count && bytes[end] == UInt8(ascii: "_") { end += 1 }
            } else if byte == UInt8(ascii: ".") {
                end += 1
            } else {
                return false
            }
            guard end < bytes.count, isLowerAlnum(bytes[end]) else { return false }
            index = end
        }
        return true
    }

    private static func isLowerAlnum(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func isWord(_ byte: UInt8) -> Bool {
        isLowerAlnum(byte) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_")
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
