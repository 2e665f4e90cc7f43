/// One entry of `GET /containers/json`.
public struct ContainerSummary: Sendable, Hashable, Codable {
    /// The full container id.
    public var id: String
    /// Names, without the leading `/`.
    public var names: [String]
    /// The image as the container was created from it (name or id).
    public var image: String
    /// The image id (`sha256:…`).
    public var imageID: String
    /// `running`, `exited`, …
    public var state: String

    /// Creates a summary.
    public init(id: String, names: [String] = [], image: String = "", imageID: String = "", state: String = "running") {
        self.id = id
        self.names = names
        self.image = image
        self.imageID = imageID
        self.state = state
    }

    enum CodingKeys: String, CodingKey { case id = "Id", names = "Names", image = "Image", imageID = "ImageID", state = "State" }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        names = (try container.decodeIfPresent([String].self, forKey: .names) ?? []).map { $0.hasPrefix("/") ? String($0.dropFirst()) : $0 }
        image = try container.decodeIfPresent(String.self, forKey: .image) ?? ""
        imageID = try container.decodeIfPresent(String.self, forKey: .imageID) ?? ""
        state = try container.decodeIfPresent(String.self, forKey: .state) ?? ""
    }

    /// The first name, else the short id.
    public var displayName: String { names.first ?? String(id.prefix(12)) }
}
