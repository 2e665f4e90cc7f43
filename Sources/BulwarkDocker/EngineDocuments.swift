import Foundation

/// The parts of `GET /version` Bulwark reports.
public struct EngineVersion: Sendable, Hashable, Decodable {
    /// Engine version (`28.2.2`, or Podman's `4.3.1`).
    public var version: String?
    /// The Engine API version served.
    public var apiVersion: String?
    /// Component names (`Engine`, `Podman Engine`, …), which tell Docker from Podman.
    public var componentNames: [String]

    /// Whether the service is Podman's compatibility API.
    public var isPodman: Bool { componentNames.contains { $0.localizedLowercase.contains("podman") } }

    enum CodingKeys: String, CodingKey { case version = "Version", apiVersion = "ApiVersion", components = "Components" }
    struct Component: Decodable { var Name: String? }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        apiVersion = try container.decodeIfPresent(String.self, forKey: .apiVersion)
        componentNames = (try container.decodeIfPresent([Component].self, forKey: .components) ?? []).compactMap(\.Name)
    }
}

/// The parts of `GET /images/{name}/json` Bulwark uses.
public struct EngineImage: Sendable, Hashable, Decodable {
    /// The image id (`sha256:…`, the config digest).
    public var id: String
    /// `repo:tag` names.
    public var repoTags: [String]
    /// `repo@sha256:…` names.
    public var repoDigests: [String]
    /// Size in bytes, when reported.
    public var size: Int64?

    enum CodingKeys: String, CodingKey { case id = "Id", repoTags = "RepoTags", repoDigests = "RepoDigests", size = "Size" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeIfPresent(String.self, forKey: .id) ?? ""
        repoTags = try container.decodeIfPresent([String].self, forKey: .repoTags) ?? []
        repoDigests = try container.decodeIfPresent([String].self, forKey: .repoDigests) ?? []
        size = try? container.decodeIfPresent(Int64.self, forKey: .size)
    }
}

/// The last status line of a `POST /images/load` answer (a JSON message stream).
enum LoadStatus {
    static func lastLine(_ text: String) -> String {
        struct Line: Decodable { var stream: String? }
        var last = ""
        for line in text.split(whereSeparator: \.isNewline) {
            if let decoded = try? JSONDecoder().decode(Line.self, from: Data(line.utf8)), let stream = decoded.stream {
                let trimmed = stream.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { last = trimmed }
            }
        }
        return last
    }
}
