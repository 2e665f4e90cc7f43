/// A JSON value as the Node and .NET catalogers read it: numbers are kept as their source text
/// (no precision is lost and nothing is converted), objects keep their members in document order.
enum NodeJSON: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([NodeJSON])
    case object(NodeJSONObject)

    /// The string, when this is a JSON string.
    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The object, when this is a JSON object.
    var object: NodeJSONObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The elements, when this is a JSON array.
    var array: [NodeJSON]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// True only for the JSON literal `true`.
    var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }

    /// The member `key` of an object; nil for other kinds or a missing key.
    subscript(key: String) -> NodeJSON? { object?[key] }

    /// A short name of the value's kind for messages (`string`, `object`…).
    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}

/// One member of a JSON object.
struct NodeJSONMember: Sendable {
    /// The member name.
    var key: String
    /// The member value.
    var value: NodeJSON
}

/// A JSON object: members in document order (a later duplicate key wins on lookup, as in JavaScript).
struct NodeJSONObject: Sendable {
    /// The members in document order.
    var members: [NodeJSONMember]

    /// The value of the last member named `key` (linear: objects looked up by key are small).
    subscript(key: String) -> NodeJSON? {
        for member in members.reversed() where member.key == key { return member.value }
        return nil
    }

    /// The members whose value is a string, as `(key, value)` pairs, in document order.
    var stringMembers: [(key: String, value: String)] {
        members.compactMap { member in member.value.string.map { (member.key, $0) } }
    }
}
