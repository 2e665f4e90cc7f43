import Foundation

/// Every rule Bulwark's config scanner knows, in id order.
public enum RuleCatalog {
    /// All rules: Dockerfile, then Compose, then Kubernetes, then built images.
    public static let all: [ConfigRule] = DockerfileRules.all + ComposeRules.all + KubernetesRules.all + ImageConfigRules.all

    /// The rule with `id` (case-insensitive).
    public static func rule(id: String) -> ConfigRule? {
        let upper = id.uppercased()
        return all.first { $0.id == upper }
    }
}
