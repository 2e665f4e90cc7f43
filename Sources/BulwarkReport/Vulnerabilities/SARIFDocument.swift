/// The subset of the SARIF 2.1.0 object model (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/)
/// that Bulwark writes, shaped for GitHub code scanning. Optional members are omitted when nil.
enum SARIF {
    /// The root `sarifLog`.
    struct Log: Encodable, Sendable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    /// One `run` of one tool over one image.
    struct Run: Encodable, Sendable {
        var tool: Tool
        var automationDetails: AutomationDetails
        var invocations: [Invocation]
        var results: [Result]
        var properties: [String: PropertyValue]?
    }

    /// `tool` with its `driver`.
    struct Tool: Encodable, Sendable {
        var driver: Driver
    }

    /// The `toolComponent` that ran.
    struct Driver: Encodable, Sendable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [Rule]
    }

    /// `runAutomationDetails`: GitHub takes the category from `id` (everything before the last `/`).
    struct AutomationDetails: Encodable, Sendable {
        var id: String
    }

    /// An `invocation`, carrying notifications such as "results were aggregated".
    struct Invocation: Encodable, Sendable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]?
    }

    /// A `notification`.
    struct Notification: Encodable, Sendable {
        var level: String
        var message: Message
    }

    /// A `reportingDescriptor`: one rule per advisory.
    struct Rule: Encodable, Sendable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var helpUri: String?
        var help: Help
        var defaultConfiguration: Configuration
        var properties: RuleProperties
    }

    /// `multiformatMessageString` for help.
    struct Help: Encodable, Sendable {
        var text: String
        var markdown: String
    }

    /// `reportingConfiguration`.
    struct Configuration: Encodable, Sendable {
        var level: String
    }

    /// A rule's property bag: `security-severity` is the CVSS-like score GitHub ranks by.
    struct RuleProperties: Encodable, Sendable {
        var securitySeverity: String
        var tags: [String]
        var precision = "very-high"

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity"
            case tags, precision
        }
    }

    /// A `message` with plain text.
    struct Message: Encodable, Sendable {
        var text: String
    }

    /// A `result`: one finding (or, when aggregated, one package's findings).
    struct Result: Encodable, Sendable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var properties: [String: PropertyValue]?
    }

    /// A `location` with its `physicalLocation`.
    struct Location: Encodable, Sendable {
        var physicalLocation: PhysicalLocation
    }

    /// `physicalLocation`.
    struct PhysicalLocation: Encodable, Sendable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    /// `artifactLocation`.
    struct ArtifactLocation: Encodable, Sendable {
        var uri: String
    }

    /// `region` (lines are 1-based).
    struct Region: Encodable, Sendable {
        var startLine: Int
    }

    /// A property bag value.
    enum PropertyValue: Encodable, Sendable {
        case string(String)
        case int(Int)
        case bool(Bool)
        case strings([String])

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let value): try container.encode(value)
            case .int(let value): try container.encode(value)
            case .bool(let value): try container.encode(value)
            case .strings(let value): try container.encode(value)
            }
        }
    }
}
